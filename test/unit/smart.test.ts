import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import type { Analysis } from '../../server/src/core/analyse';
import { disableRuleFixes } from '../../server/src/core/fixes/disableRule';
import { appendTimeFrame, splitActions, strongerWording } from '../../server/src/core/fixes/smart';
import { sessionYear, timeFrameYear } from '../../server/src/core/smart/timeFrame';
import { hover } from '../../server/src/features/hover';
import { useLocale } from '../../server/src/localisation';
import { analyse, applyEdits, codes, frontMatter, textAt } from './helpers';

/** A valid submission whose only recommendation is `recommendation`. */
function withRecommendation(recommendation: string, language = 'en', extra = ''): string {
  const head = frontMatter(extra).replace('language: en', `language: ${language}`);
  return `${head}\n## Executive summary\n\n1. Text.\n\n## Recommendations\n\n- ${recommendation}\n`;
}

function smartCodes(analysis: Analysis): string[] {
  return analysis.diagnostics.filter((d) => d.code.startsWith('smart/')).map((d) => d.code);
}

describe('SMART rule', () => {
  it('is quiet for a specific, measurable, time-bound recommendation', () => {
    const text = withRecommendation('Ratify the Optional Protocol to the Convention against Torture by 2027.');
    assert.deepEqual(smartCodes(analyse(text)), []);
  });

  it('warns on a considering action at its verb, and on the missing time frame', () => {
    const text = withRecommendation('Consider ratifying the Optional Protocol to the Convention against Torture.');
    const analysis = analyse(text);
    const [category, time] = analysis.diagnostics;
    assert.deepEqual([category.code, category.severity], ['smart/action-category', 'warning']);
    assert.equal(textAt(text, category.range), 'Consider');
    assert.match(category.message, /considering action \(UPR Info category 3\)/);
    assert.deepEqual([time.code, time.severity], ['smart/time-bound', 'warning']);
  });

  it('informs on a general action, and warns on continuing and minimal ones', () => {
    const severity = (recommendation: string) => analyse(withRecommendation(recommendation)).diagnostics.find((d) => d.code === 'smart/action-category');
    assert.equal(severity('Take measures to combat domestic violence by 2027.')?.severity, 'information');
    assert.match(severity('Continue its efforts to combat domestic violence by 2027.')!.message, /category 2/);
    assert.match(severity('Seek technical assistance from OHCHR by 2027.')!.message, /category 1/);
  });

  it('warns on two actions at the second one', () => {
    const text = withRecommendation('Adopt a law on domestic violence by 2027 and establish shelters in every region.');
    const finding = analyse(text).diagnostics.find((d) => d.code === 'smart/single-action')!;
    assert.ok(textAt(text, finding.range).startsWith('establish'));
  });

  it('warns past the configured length', () => {
    const long = `Adopt a law on domestic violence by 2027 that ${'covers every region and '.repeat(14)}protects victims.`;
    assert.ok(smartCodes(analyse(withRecommendation(long))).includes('smart/length'));
    assert.ok(!smartCodes(analyse(withRecommendation(long), { smart: { maxWords: 200, extraVerbs: {}, acceptedTerms: [] } })).includes('smart/length'));
  });

  it('warns when a recommendation names another State as its addressee', () => {
    const text = withRecommendation('We recommend that Kazakhstan ratify the Optional Protocol by 2027.');
    const finding = analyse(text).diagnostics.find((d) => d.code === 'smart/addressee')!;
    assert.equal(textAt(text, finding.range), 'Kazakhstan');
    assert.match(finding.message, /not the State under review \(Kyrgyzstan\)/);
    for (const fine of [
      'We recommend that Kyrgyzstan ratify the Optional Protocol by 2027.',
      'We recommend that the Kyrgyz Republic ratify the Optional Protocol by 2027.',
      'Schools should adopt an inclusion plan by 2027.',
      'The Government should ratify the Optional Protocol by 2027.',
      'Ratify the Optional Protocol by 2027.',
      'We recommend that UNICEF support the inclusion plan by 2027.',
    ]) {
      assert.ok(!smartCodes(analyse(withRecommendation(fine))).includes('smart/addressee'), fine);
    }
    const byCode = (recommendation: string) => smartCodes(analyse(withRecommendation(recommendation).replace('state: Kyrgyzstan', 'state: KGZ')));
    assert.ok(!byCode('We recommend that Kyrgyzstan ratify the Optional Protocol by 2027.').includes('smart/addressee'));
    assert.ok(byCode('We recommend that Kazakhstan ratify the Optional Protocol by 2027.').includes('smart/addressee'));
    // Names the list knows, and codes whose letters are not in the name (DEU is Germany).
    const toGermany = (recommendation: string) => smartCodes(analyse(withRecommendation(recommendation).replace('state: Kyrgyzstan', 'state: DEU')));
    assert.ok(!toGermany('We recommend that Germany ratify the Optional Protocol by 2027.').includes('smart/addressee'));
    assert.ok(toGermany('We recommend that the Russian Federation ratify the Optional Protocol by 2027.').includes('smart/addressee'));
  });

  it("counts the coalition's accepted terms as concrete objects", () => {
    const text = withRecommendation('Provide the Akyikatchy with adequate resources by 2027.');
    const without = analyse(text).recommendations[0].classification;
    const withTerms = analyse(text, { smart: { maxWords: 60, extraVerbs: {}, acceptedTerms: ['Akyikatchy'] } }).recommendations[0].classification;
    assert.notEqual(without.evidence.specific, withTerms.evidence.specific);
    assert.match(withTerms.evidence.specific ?? '', /Akyikatchy/);
  });

  it('does not take the numbers of its citations for something to measure', () => {
    for (const recommendation of [
      'Ensure access to justice for all (SDG 16.3).',
      'Ensure access to justice for all, as recommended in A/HRC/15/2, para. 76.20.',
    ]) {
      assert.ok(smartCodes(analyse(withRecommendation(recommendation))).includes('smart/measurable'), recommendation);
    }
  });

  it('reads Russian, French and Spanish recommendations in their language', () => {
    for (const [language, recommendation] of [
      ['ru', 'Рассмотреть возможность ратифицировать Факультативный протокол.'],
      ['fr', 'Envisager de ratifier le Protocole facultatif.'],
      ['es', 'Considerar la posibilidad de ratificar el Protocolo Facultativo.'],
    ]) {
      const codes = smartCodes(analyse(withRecommendation(recommendation, language)));
      assert.deepEqual(codes, ['smart/action-category', 'smart/time-bound'], `${language}: ${codes}`);
    }
  });

  it('speaks Russian when asked', () => {
    useLocale('ru');
    try {
      const [finding] = analyse(withRecommendation('Consider ratifying the Optional Protocol by 2027.')).diagnostics;
      assert.match(finding.message, /категория 3 UPR Info/);
    } finally {
      useLocale('en');
    }
  });

  it('never throws on any recommendation text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (recommendation) => {
        const text = withRecommendation(recommendation.replace(/[\r\n]/g, ' '));
        const analysis = analyse(text);
        for (const finding of analysis.diagnostics) assert.ok(finding.range.start.line < text.split('\n').length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('SMART quick fixes', () => {
  /** Applies the first fix `make` offers for the only recommendation, and analyses the result. */
  function fixed(text: string, make: (analysis: Analysis) => { edits: Parameters<typeof applyEdits>[1] } | undefined) {
    const fix = make(analyse(text));
    assert.ok(fix, 'a fix is offered');
    const result = applyEdits(text, fix.edits);
    return { result, analysis: analyse(result) };
  }

  it('replaces a weak verb with a stronger one, in four languages', () => {
    for (const [language, weak, strong] of [
      ['en', 'Consider ratifying the Optional Protocol by 2027.', 'Ratify the Optional Protocol by 2027.'],
      ['en', 'Take all necessary measures to adopt a law on domestic violence by 2027.', 'Adopt a law on domestic violence by 2027.'],
      ['en', 'Consider the ratification of the Optional Protocol by 2027.', 'Ratify the Optional Protocol by 2027.'],
      ['ru', 'Рассмотреть возможность ратифицировать Факультативный протокол до 2027 года.', 'Ратифицировать Факультативный протокол до 2027 года.'],
      ['fr', 'Envisager de ratifier le Protocole facultatif d’ici 2027.', 'Ratifier le Protocole facultatif d’ici 2027.'],
      ['es', 'Considerar la posibilidad de ratificar el Protocolo Facultativo antes de 2027.', 'Ratificar el Protocolo Facultativo antes de 2027.'],
    ]) {
      const { result, analysis } = fixed(withRecommendation(weak, language), (a) => strongerWording(a.model, a.recommendations[0])[0]);
      assert.ok(result.includes(`- ${strong}\n`), `${language}: ${result.split('\n').at(-2)}`);
      assert.equal(analysis.recommendations[0].classification.category, 5, strong);
    }
  });

  it('appends the year before the next review, computed from the session', () => {
    // Session 49 (2025): the next review is at session 63, in 2030.
    const text = withRecommendation('Ratify the Optional Protocol.[^1]\n\n[^1]: A note.');
    const { result, analysis } = fixed(text, (a) => appendTimeFrame(a.model, a.recommendations[0], timeFrameYear(a.frontMatter.data.session)));
    assert.ok(result.includes('- Ratify the Optional Protocol by 2029.[^1]'), result);
    assert.deepEqual(smartCodes(analysis), []);
  });

  it('puts the time frame before a closing SDG citation', () => {
    const text = withRecommendation('Ratify the Optional Protocol (SDG 16.a).');
    const { result } = fixed(text, (a) => appendTimeFrame(a.model, a.recommendations[0], 2029));
    assert.ok(result.includes('- Ratify the Optional Protocol by 2029 (SDG 16.a).'), result);
  });

  it('appends "before the next review" when the session is unknown, in the submission language', () => {
    for (const [language, recommendation, phrase] of [
      ['en', 'Ratify the Optional Protocol', 'before the next review'],
      ['ru', 'Ратифицировать Факультативный протокол.', 'до следующего обзора'],
      ['fr', 'Ratifier le Protocole facultatif.', 'avant le prochain examen'],
      ['es', 'Ratificar el Protocolo Facultativo.', 'antes del próximo examen'],
    ]) {
      const text = withRecommendation(recommendation, language).replace('session: 49\n', '');
      const { result, analysis } = fixed(text, (a) => appendTimeFrame(a.model, a.recommendations[0], timeFrameYear(a.frontMatter.data.session)));
      assert.ok(result.includes(phrase), `${language}: ${result}`);
      assert.equal(analysis.recommendations[0].classification.smart.timeBound, true, `${language}: ${phrase} is a time frame`);
    }
  });

  it('splits two actions into two items', () => {
    const text = withRecommendation('Adopt a law on domestic violence by 2027 and establish shelters in every region by 2028.');
    const { result, analysis } = fixed(text, (a) => splitActions(a.model, a.recommendations[0]));
    assert.ok(result.endsWith('- Adopt a law on domestic violence by 2027.\n- Establish shelters in every region by 2028.\n'), result);
    assert.equal(analysis.recommendations.length, 2);
    assert.ok(!smartCodes(analysis).includes('smart/single-action'));
  });

  it('switches a rule off for the line, from the line before, or for the file', () => {
    const text = withRecommendation('Consider ratifying the Optional Protocol by 2027.');
    const finding = analyse(text).diagnostics[0];
    assert.equal(finding.code, 'smart/action-category');
    for (const fix of disableRuleFixes(analyse(text).model, finding.code, finding.range.start.line)) {
      const result = applyEdits(text, fix.edits);
      const analysis = analyse(result);
      assert.deepEqual(codes(analysis), [], `${fix.title}: ${result}`);
      assert.equal(analysis.frontMatter.valid, true);
    }
  });
});

describe('time frames', () => {
  it('knows the year of every session of the fourth cycle', () => {
    const rows: { wg_session: string; year: string; cycle: string }[] = parse(readFileSync(resolve(process.cwd(), '../shared/data/upr/sessions.csv')), { columns: true });
    const fourth = rows.filter((row) => Number(row.wg_session) >= 41);
    assert.ok(fourth.length >= 13);
    for (const row of fourth) assert.equal(sessionYear(Number(row.wg_session)), Number(row.year), `session ${row.wg_session}`);
  });

  it('gives the year before the next review', () => {
    assert.equal(timeFrameYear(49), 2029); // Kyrgyzstan, April 2025: next review at session 63, January 2030
    assert.equal(timeFrameYear(undefined), undefined);
    assert.equal(timeFrameYear(8), undefined);
  });
});

describe('hover on a recommendation', () => {
  it('shows the category and the SMART checklist', () => {
    const text = withRecommendation('Consider ratifying the Optional Protocol by 2027.');
    const analysis = analyse(text);
    const result = hover(analysis, analysis.recommendations[0].item.textRange.start)!;
    const value = (result.contents as { value: string }).value;
    assert.match(value, /\*\*Considering action\*\* \(UPR Info category 3\)/);
    assert.match(value, /❌ Specific/);
    assert.match(value, /✅ Time-bound — `time: "by 2027"`/);
    assert.match(value, /✅ One action/);
    assert.equal(hover(analysis, { line: 0, character: 0 }), null);
  });
});
