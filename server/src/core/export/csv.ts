// CSV as RFC 4180 writes it: fields with a comma, a double quote or a line break are quoted, their
// quotes doubled; records end with CRLF. (csv-parse reads it back; csv-stringify is not a dependency.)

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A header and its records as one CSV text. */
export function toCsv(header: readonly string[], records: readonly (readonly string[])[]): string {
  return [header, ...records].map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}
