import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import russian from '../../l10n/bundle.l10n.ru.json';
import schema from '../../schemas/submission.schema.json';
import { useLocale } from '../../server/src/localisation';
import { analyse, frontMatter } from './helpers';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function descriptions(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => (key === 'description' && typeof value === 'string' ? [value] : descriptions(value)));
}

describe('localisation', () => {
  afterEach(() => useLocale('en'));

  it('has a Russian translation for every message of the server and the extension', () => {
    const literal = /l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g;
    const messages = ['server/src', 'client/src']
      .flatMap(sourceFiles)
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(literal)].map((match) => match[1].replace(/\\'/g, "'")));
    assert.ok(messages.length > 40, `found ${messages.length} messages`);
    const missing = [...messages, ...descriptions(schema).slice(1)].filter((message) => !(message in russian));
    assert.deepEqual(missing, []);
  });

  it('speaks Russian when asked', () => {
    useLocale('ru');
    const text = frontMatter().replace('state: Kyrgyzstan\n', '');
    const [finding] = analyse(text).diagnostics;
    assert.equal(finding.message, 'В метаданных документа нет ключа «state» (государство под обзором: название по-английски или по-русски либо код ISO 3166-1 alpha-3).');
  });
});
