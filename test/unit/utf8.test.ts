// Reading files as UTF-8 (server/src/utf8.ts): the text, or the first line that is not UTF-8.

import assert from 'node:assert/strict';
import { decodeUtf8, notUtf8Reason } from '../../server/src/utf8';

describe('decodeUtf8', () => {
  it('gives the text of UTF-8 bytes, without a byte-order mark', () => {
    assert.deepEqual(decodeUtf8(Buffer.from('\uFEFFКыргызстан\r\nTürkiye\n', 'utf8')), { text: 'Кыргызстан\r\nTürkiye\n' });
    assert.deepEqual(decodeUtf8(new Uint8Array()), { text: '' });
  });

  it('names the first line that is not UTF-8', () => {
    const latin1 = Buffer.from('id,text\nR1,Ratify\nR2,Caf\xe9\nR3,Na\xefve\n', 'latin1');
    assert.deepEqual(decodeUtf8(latin1), { notUtf8: { line: 3, utf16: false } });
    // A character cut off at the end of the file.
    assert.deepEqual(decodeUtf8(Buffer.from([0x61, 0x0a, 0x62, 0xd0])), { notUtf8: { line: 2, utf16: false } });
    assert.equal(notUtf8Reason({ line: 3, utf16: false }), 'line 3 is not UTF-8 text: save the file as UTF-8');
  });

  it('tells UTF-16 by its byte-order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,text\n', 'utf16le')]);
    assert.deepEqual(decodeUtf8(utf16), { notUtf8: { line: 1, utf16: true } });
    assert.equal(notUtf8Reason({ line: 1, utf16: true }), 'it is UTF-16 text, not UTF-8: save it as UTF-8');
  });

  it('tells how to save a CSV as UTF-8 in Excel, which saves plain "CSV" in a legacy encoding', () => {
    assert.equal(notUtf8Reason({ line: 3, utf16: false }, 'export.CSV'), 'line 3 is not UTF-8 text: save the file as UTF-8 (in Excel: Save As, then "CSV UTF-8")');
    assert.equal(notUtf8Reason({ line: 3, utf16: false }, 'submission.upr.md'), 'line 3 is not UTF-8 text: save the file as UTF-8');
  });
});
