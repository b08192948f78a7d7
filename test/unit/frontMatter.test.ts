import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useLocale } from '../../server/src/localisation';
import { analyse, frontMatter, submission, textAt } from './helpers';

function frontMatterFindings(text: string) {
  return analyse(text).diagnostics.filter((diagnostic) => diagnostic.code.startsWith('front-matter/'));
}

describe('front matter', () => {
  it('accepts a complete joint submission', () => {
    assert.deepEqual(frontMatterFindings(submission('1. Text.')), []);
  });

  it('reports a missing front matter on the first line', () => {
    const [finding] = frontMatterFindings('## Executive summary\n\n1. Text.\n');
    assert.equal(finding.code, 'front-matter/missing');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.range.start.line, 0);
  });

  it('reports a front matter that is never closed', () => {
    const [finding] = frontMatterFindings('---\ntype: joint\n\n## Executive summary\n');
    assert.equal(finding.code, 'front-matter/syntax');
    assert.match(finding.message, /never closed/);
  });

  it('points a YAML syntax error at its place', () => {
    const text = frontMatter('title: [unclosed\n');
    const findings = frontMatterFindings(text);
    assert.ok(findings.length > 0);
    assert.ok(findings.every((finding) => finding.code === 'front-matter/syntax' && finding.severity === 'error'));
    assert.ok(findings[0].range.start.line >= 16, `at line ${findings[0].range.start.line}`);
    assert.match(findings[0].message, /^YAML: /);
  });

  it('reports a duplicate key', () => {
    const findings = frontMatterFindings(frontMatter('cycle: 3\n'));
    assert.equal(findings[0].code, 'front-matter/syntax');
    assert.match(findings[0].message, /unique/i);
  });

  it('points an unknown key at the key and lists the known ones', () => {
    const text = frontMatter('colour: blue\n');
    const [finding] = frontMatterFindings(text);
    assert.equal(finding.code, 'front-matter/unknown-key');
    assert.equal(textAt(text, finding.range), 'colour');
    assert.match(finding.message, /"colour".*type, state, cycle/);
  });

  it('suggests the key a misspelt one stands for', () => {
    const text = frontMatter().replace('language: en', 'langauge: en');
    const finding = frontMatterFindings(text).find((candidate) => candidate.code === 'front-matter/unknown-key')!;
    assert.equal(textAt(text, finding.range), 'langauge');
    assert.match(finding.message, /did you mean "language"\?/);
  });

  it('points a wrong value at the value and says what is expected', () => {
    const text = frontMatter().replace('language: en', 'language: de').replace('cycle: 4', 'cycle: four');
    const findings = frontMatterFindings(text);
    const language = findings.find((finding) => finding.message.includes('"language"'))!;
    assert.equal(textAt(text, language.range), 'de');
    assert.match(language.message, /en, ru, fr, es/);
    const cycle = findings.find((finding) => finding.message.includes('"cycle"'))!;
    assert.equal(textAt(text, cycle.range), 'four');
    assert.match(cycle.message, /whole number/);
  });

  it('points a nested error at the nested value', () => {
    const text = frontMatter().replace('role: member', 'role: chair');
    const [finding] = frontMatterFindings(text);
    assert.equal(textAt(text, finding.range), 'chair');
    assert.match(finding.message, /coalition\.members\[1\]\.role/);
  });

  it('reports a missing required key on the opening line', () => {
    const text = frontMatter().replace('state: Kyrgyzstan\n', '');
    const [finding] = frontMatterFindings(text);
    assert.equal(finding.code, 'front-matter/schema');
    assert.equal(finding.range.start.line, 0);
    assert.match(finding.message, /"state".*State under review/);
  });

  it('asks a joint submission for its coalition with at least two members', () => {
    const withoutCoalition = frontMatter().replace(/coalition:[\s\S]*?(?=---)/, '');
    assert.match(frontMatterFindings(withoutCoalition)[0].message, /joint submission needs "coalition"/);
    const oneMember = frontMatter().replace(/    - organisation: Equal Steps\n.*\n.*\n/, '');
    const [finding] = frontMatterFindings(oneMember);
    assert.match(finding.message, /"coalition\.members" must list at least 2/);
    assert.equal(textAt(oneMember, finding.range).trim().startsWith('- organisation: Access Now Bishkek'), true);
  });

  it('checks the deadline as a date', () => {
    const text = frontMatter('deadline: 2026-02-30\n');
    const [finding] = frontMatterFindings(text);
    assert.equal(textAt(text, finding.range), '2026-02-30');
    assert.match(finding.message, /YYYY-MM-DD/);
    assert.deepEqual(frontMatterFindings(frontMatter('deadline: 2026-04-10\n')), []);
  });

  describe('the State under review', () => {
    const withState = (state: string) => submission('1. Text.').replace('state: Kyrgyzstan', `state: ${state}`);
    const stateFindings = (text: string) => frontMatterFindings(text).filter((finding) => finding.code === 'front-matter/unknown-state');
    afterEach(() => useLocale('en'));

    it('warns on the value of a State the list does not know', () => {
      const text = withState('Narnia');
      const [finding] = stateFindings(text);
      assert.equal(finding.severity, 'warning');
      assert.equal(textAt(text, finding.range), 'Narnia');
      assert.equal(finding.message, '"Narnia" is not in the list of UN Member and observer States (English or Russian names and ISO 3166-1 alpha-3 codes).');
      assert.equal(analyse(text).frontMatter.valid, true);
    });

    it('suggests the State a misspelt name stands for', () => {
      const [finding] = stateFindings(withState('Kyrgystan'));
      assert.match(finding.message, /; did you mean "Kyrgyzstan"/);
      assert.match(stateFindings(withState('svn'))[0].message, /did you mean "Slovenia"/);
      useLocale('ru');
      assert.match(stateFindings(withState('Kyrgystan'))[0].message, /^«Kyrgystan» нет в перечне государств .*может быть, имелось в виду "Kyrgyzstan"\?$/);
    });

    it('accepts a UN short name, another name in use and an ISO 3166-1 alpha-3 code', () => {
      for (const state of ['Kyrgyzstan', 'KGZ', 'Kyrgyz Republic', 'SVN', 'Türkiye', 'Turkey', '"Côte d\'Ivoire"', 'Holy See', 'State of Palestine']) {
        assert.deepEqual(stateFindings(withState(state)), [], state);
      }
    });

    it('accepts a Russian name in a Russian submission, suggests names in the script written, and tells in Russian that Russian names are accepted', () => {
      const russian = (state: string) => withState(state).replace('language: en', 'language: ru');
      for (const state of ['Кыргызстан', 'Киргизия', 'Российская Федерация', 'Россия', 'Соединённые Штаты Америки', 'США', '"Кот-д\'Ивуар"', 'Святой Престол']) {
        assert.deepEqual(stateFindings(russian(state)), [], state);
      }
      // Suggested as written: in Russian for a name in Cyrillic, in English otherwise.
      assert.match(stateFindings(russian('Кыргыстан'))[0].message, /\(English or Russian names and ISO 3166-1 alpha-3 codes\); did you mean "Кыргызстан"\?$/);
      assert.match(stateFindings(russian('Kyrgystan'))[0].message, /did you mean "Kyrgyzstan"\?$/);
      useLocale('ru');
      assert.equal(
        stateFindings(russian('Нарния'))[0].message,
        '«Нарния» нет в перечне государств — членов ООН и государств-наблюдателей (названия по-английски или по-русски и коды ISO 3166-1 alpha-3).',
      );
      assert.match(stateFindings(russian('Кыргыстан'))[0].message, /может быть, имелось в виду "Кыргызстан"\?$/);
    });

    it('leaves a State the schema refuses to the schema', () => {
      const findings = frontMatterFindings(withState('X'));
      assert.deepEqual(findings.map((finding) => finding.code), ['front-matter/schema']);
    });

    it('finds nothing to say of the samples', () => {
      const folder = join(__dirname, '../../samples');
      const samples = readdirSync(folder).filter((name) => name.endsWith('.upr.md'));
      assert.ok(samples.length >= 2);
      for (const name of samples) assert.deepEqual(stateFindings(readFileSync(join(folder, name), 'utf8')), [], name);
    });
  });

  it('rejects a front matter that is not a set of keys', () => {
    const [finding] = frontMatterFindings('---\n- just\n- a list\n---\n\n## Executive summary\n');
    assert.equal(finding.code, 'front-matter/schema');
  });

  it('keeps the parsed data for the rest of the analysis', () => {
    const { frontMatter: result } = analyse(submission('1. Text.', 'word_limit: 3000\n'));
    assert.equal(result.valid, true);
    assert.equal(result.data.word_limit, 3000);
    assert.equal(result.data.coalition?.members?.length, 2);
  });
});
