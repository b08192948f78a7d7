// The SARIF log's rule list (server/src/core/sarif.ts) describes every code the checks can give.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULE_DESCRIPTIONS } from '../../server/src/core/sarif';

// The server's sources: the core's checks, and those of the files it reads (recommendations, configuration).
const SOURCES = resolve(__dirname, '../../server/src');

/** The codes findings are given, as written in the sources (`code: 'numbering/gap'`). */
function codesInSources(): string[] {
  const codes = new Set<string>();
  for (const name of readdirSync(SOURCES, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.ts')) continue;
    for (const match of readFileSync(join(SOURCES, name), 'utf8').matchAll(/\bcode: '([a-z-]+\/[a-z-]+)'/g)) codes.add(match[1]);
  }
  return [...codes].sort();
}

describe('SARIF rule descriptions', () => {
  it('describe every code the checks give', () => {
    const codes = codesInSources();
    assert.ok(codes.length >= 30, codes.join(', '));
    assert.deepEqual(codes.filter((code) => !RULE_DESCRIPTIONS[code]), []);
  });
});
