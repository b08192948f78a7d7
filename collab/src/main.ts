// Collaboration server entry point (being written: see issue #5).
console.log('upr collaboration server: not ready yet');
