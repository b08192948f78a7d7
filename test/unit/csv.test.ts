import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvField, toCsv } from '../../server/src/core/export/csv';

describe('CSV (RFC 4180)', () => {
  it('quotes only fields with a comma, a double quote or a line break, doubling the quotes', () => {
    assert.equal(csvField('plain text'), 'plain text');
    assert.equal(csvField('Ратифицировать протокол'), 'Ратифицировать протокол');
    assert.equal(csvField('A/HRC/15/2, para. 76.116'), '"A/HRC/15/2, para. 76.116"');
    assert.equal(csvField('the "Convention"'), '"the ""Convention"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('cr\r'), '"cr\r"');
    assert.equal(csvField(''), '');
  });

  it('ends every record with CRLF', () => {
    assert.equal(toCsv(['a', 'b'], [['1', 'x,y']]), 'a,b\r\n1,"x,y"\r\n');
  });

  it('reads back through csv-parse to the same fields, whatever they hold', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Я', ',', '"', '\n', '\r', ' ', ';', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (records) => {
        const text = toCsv(['first', 'second'], records);
        assert.deepEqual(parse(text, { relaxColumnCount: false }), [['first', 'second'], ...records]);
      }),
    );
  });
});
