// A list of integers in a typed array that grows as they are pushed: building a word index notes
// a million of them, which as a JS array the garbage collector would copy and scan.

export class IntList {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}
