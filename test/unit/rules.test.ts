import assert from 'node:assert/strict';
import { parseSubmission } from '../../server/src/core/document';
import { renumberParagraphs } from '../../server/src/core/fixes/renumber';
import { useLocale } from '../../server/src/localisation';
import { analyse, codes, frontMatter, submission, textAt } from './helpers';

describe('numbering', () => {
  it('accepts paragraphs numbered 1, 2, 3', () => {
    assert.deepEqual(codes(analyse(submission('1. One.\n\n2. Two.\n\n3. Three.'))), []);
  });

  it('reports a gap at the number after it', () => {
    const text = submission('1. One.\n\n2. Two.\n\n5. Five.');
    const [finding] = analyse(text).diagnostics;
    assert.equal(finding.code, 'numbering/gap');
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding.range), '5.');
    assert.match(finding.message, /Paragraph 5 follows paragraph 2: 3–4 is missing/);
  });

  it('reports a duplicate with the line of the first use', () => {
    const text = submission('1. One.\n\n2. Two.\n\n2. Again.\n\n3. Three.');
    const findings = analyse(text).diagnostics;
    assert.deepEqual(codes(analyse(text)), ['numbering/duplicate']);
    assert.match(findings[0].message, /used twice \(first on line 23\)/);
  });

  it('reports numbering that does not start at 1', () => {
    const [finding] = analyse(submission('4. One.\n\n5. Two.')).diagnostics;
    assert.equal(finding.code, 'numbering/start');
    assert.equal(finding.severity, 'warning');
  });

  it('renumbers every paragraph in document order', () => {
    const text = submission('1. One.\n\n3. Three.\n\n3. Again.\n\n7. Seven.');
    const edits = renumberParagraphs(parseSubmission(text));
    // The second 3. is already right; only the numbers that change are edited.
    assert.deepEqual(edits.map((edit) => [textAt(text, edit.range), edit.range.start.line, edit.newText]), [
      ['3.', 22, '2.'],
      ['7.', 26, '4.'],
    ]);
  });
});

describe('footnotes', () => {
  it('accepts markers that each have a definition, cited more than once', () => {
    assert.deepEqual(codes(analyse(submission('1. One.[^1] Two.[^a] Again.[^1]\n\n[^1]: First source.\n[^a]: Second source.'))), []);
  });

  it('reports a marker without a definition as an error on the marker', () => {
    const text = submission('1. One.[^9] Two.[^2]\n\n[^2]: A source.');
    const findings = analyse(text).diagnostics.filter((finding) => finding.code.startsWith('footnotes/'));
    assert.deepEqual(findings.map((finding) => [finding.code, finding.severity, textAt(text, finding.range)]), [['footnotes/undefined', 'error', '[^9]']]);
    assert.match(findings[0].message, /Footnote \[\^9\] has no definition: add a line "\[\^9\]: text" or remove the marker/);
  });

  it('reports a definition no marker cites as a warning on its label', () => {
    const text = submission('1. One.[^2]\n\n[^2]: A source.\n  [^3]: Never cited.');
    const findings = analyse(text).diagnostics.filter((finding) => finding.code.startsWith('footnotes/'));
    assert.deepEqual(findings.map((finding) => [finding.code, finding.severity, textAt(text, finding.range)]), [['footnotes/unused', 'warning', '[^3]:']]);
    assert.match(findings[0].message, /Footnote \[\^3\] is defined but never cited/);
  });

  it('says both in Russian when asked', () => {
    useLocale('ru');
    try {
      const messages = analyse(submission('1. Один.[^9]\n\n[^3]: Источник.')).diagnostics.filter((finding) => finding.code.startsWith('footnotes/')).map((finding) => finding.message);
      assert.deepEqual(messages, [
        'У сноски [^9] нет текста: добавьте строку «[^9]: текст» или удалите метку.',
        'Сноска [^3] задана, но нигде не упомянута: сошлитесь на неё меткой [^3] или удалите её текст.',
      ]);
    } finally {
      useLocale('en');
    }
  });

  it('follows the configured severities and inline switches like any rule', () => {
    const text = submission('1. One.[^9]\n\n[^3]: Never cited.');
    assert.deepEqual(codes(analyse(text, { rules: { footnotes: 'off' } })), []);
    assert.deepEqual(
      analyse(text, { rules: { 'footnotes/undefined': 'warning' } }).diagnostics.filter((finding) => finding.severity !== 'hint').map((finding) => [finding.code, finding.severity]),
      [
        ['footnotes/undefined', 'warning'],
        ['footnotes/unused', 'warning'],
      ],
    );
  });
});

describe('required sections', () => {
  it('asks for an executive summary and recommendations', () => {
    const text = `${frontMatter()}\n## Education\n\n1. Text.\n`;
    const findings = analyse(text).diagnostics;
    assert.deepEqual(findings.map((finding) => [finding.code, finding.severity]), [
      ['sections/executive-summary', 'warning'],
      ['sections/recommendations', 'warning'],
    ]);
    assert.equal(textAt(text, findings[0].range), '## Education');
  });

  it('reports a recommendations section without items', () => {
    const text = `${frontMatter()}\n## Executive summary\n\n1. Text.\n\n## Recommendations\n\nWe recommend nothing.\n`;
    const [finding] = analyse(text).diagnostics;
    assert.equal(finding.code, 'sections/empty-recommendations');
    assert.equal(textAt(text, finding.range), '## Recommendations');
  });

  it('counts items under subsections of a recommendations section', () => {
    const text = `${frontMatter()}\n## Executive summary\n\n1. Text.\n\n## Recommendations\n\n### To the Government\n\n- Adopt the law by 2027.\n`;
    assert.deepEqual(codes(analyse(text)), []);
  });
});

describe('word limit', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i + 1}`).join(' ');

  it('is quiet under 90 % of the limit', () => {
    assert.deepEqual(codes(analyse(submission(`1. ${words(80)}`, 'word_limit: 100\n'))), []);
  });

  it('warns from 90 % of the limit at the word that reaches it', () => {
    // 2 heading words + 88 + 1 heading word + 6 recommendation words = 97 words; the 90th is w88.
    const text = submission(`1. ${words(88)}`, 'word_limit: 100\n');
    const [finding] = analyse(text).diagnostics;
    assert.equal(finding.code, 'word-limit/near');
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding.range), 'w88');
    assert.match(finding.message, /97 of 100 words \(97 %\): 3 words left/);
  });

  it('errs past the limit from the first word over it to the end', () => {
    const text = submission(`1. ${words(120)}`, 'word_limit: 100\n');
    const [finding] = analyse(text).diagnostics;
    assert.equal(finding.code, 'word-limit/exceeded');
    assert.equal(finding.severity, 'error');
    // Words 1-2 are the heading "Executive summary": word 101 of the document is w99.
    assert.match(textAt(text, finding.range), /^w99 w100 [\s\S]*2027\.$/);
    assert.match(finding.message, /^129 words: 29 over the limit of 100/);
  });

  it('takes the default limit from the type and the settings', () => {
    const individual = frontMatter().replace('type: joint', 'type: individual');
    assert.equal(analyse(individual).wordLimit.limit, 2815);
    assert.equal(analyse(frontMatter()).wordLimit.limit, 5630);
    assert.equal(analyse(frontMatter(), { wordLimits: { individual: 1, joint: 42, nhri: 1 } }).wordLimit.limit, 42);
  });

  it('leaves footnotes out when told to', () => {
    const text = submission(`1. ${words(80)}[^1]\n\n[^1]: ${words(20)}`, 'word_limit: 100\n');
    assert.deepEqual(codes(analyse(text, { countFootnotes: false })), []);
    assert.deepEqual(codes(analyse(text)), ['word-limit/exceeded']);
  });
});

describe('severities and inline switches', () => {
  const gap = submission('1. One.\n\n3. Three.');

  it('changes a severity by code or by group, and switches a rule off', () => {
    assert.equal(analyse(gap, { rules: { 'numbering/gap': 'hint' } }).diagnostics[0].severity, 'hint');
    assert.equal(analyse(gap, { rules: { numbering: 'information' } }).diagnostics[0].severity, 'information');
    assert.equal(analyse(gap, { rules: { numbering: 'off', 'numbering/gap': 'warning' } }).diagnostics[0].severity, 'warning');
    assert.deepEqual(codes(analyse(gap, { rules: { numbering: 'off' } })), []);
  });

  it('disables a rule for the next line, the same line or the whole file', () => {
    const nextLine = submission('1. One.\n\n<!-- upr-disable-next-line numbering/gap -->\n3. Three.');
    assert.deepEqual(codes(analyse(nextLine)), []);
    const sameLine = submission('1. One.\n\n3. Three. <!-- upr-disable-line numbering -->');
    assert.deepEqual(codes(analyse(sameLine)), []);
    const file = `<!-- upr-disable-file -->\n${submission('1. One.\n\n3. Three.')}`;
    // A comment before the front matter hides it too, so every rule is off.
    assert.deepEqual(codes(analyse(file)), []);
    const fileByGroup = submission('<!-- upr-disable-file numbering, sections -->\n\n1. One.\n\n3. Three.');
    assert.deepEqual(codes(analyse(fileByGroup)), []);
  });

  it('leaves other rules and other lines alone', () => {
    const otherRule = submission('1. One.\n\n<!-- upr-disable-next-line word-limit -->\n3. Three.');
    assert.deepEqual(codes(analyse(otherRule)), ['numbering/gap']);
    const otherLine = submission('<!-- upr-disable-next-line numbering -->\n1. One.\n\n3. Three.');
    assert.deepEqual(codes(analyse(otherLine)), ['numbering/gap']);
  });
});
