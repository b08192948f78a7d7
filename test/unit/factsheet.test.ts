import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSubmission } from '../../server/src/core/document';
import { factsheetContent, factsheetSections, UnknownSectionError } from '../../server/src/core/factsheet/content';
import { factsheetHtml } from '../../server/src/core/factsheet/html';
import { buildStatement, speakingTime } from '../../server/src/core/oralStatement';
import { checkFrontMatter } from '../../server/src/core/frontMatter';
import { frontMatter } from './helpers';

function contentOf(text: string, section: string) {
  const model = parseSubmission(text);
  return factsheetContent(model, checkFrontMatter(model).data, section);
}

const EDUCATION = `${frontMatter()}
# Joint submission

## I. Executive summary

1. Children with disabilities are left out of school.

## II. Inclusive education

2. The recommendation to provide education for all (A/HRC/15/2, para. 76.106) is not implemented for children with disabilities. Schools receive no funding for support.

3. In our survey, 31 per cent of children with disabilities did not attend school.[^1] Silent Bridge recorded 46 deaf adults who could not read. The law was adopted in 2019. The ministry promised change (A/HRC/15/2, para. 76.115).

| Reference | Recommending State | Response | Implementation | Evidence |
|---|---|---|---|---|
| A/HRC/15/2, para. 76.106 | Cuba | Supported | partially implemented | survey |
| A/HRC/15/2, para. 76.115 | Iran | Supported | not / partially / fully implemented |  |
| A/HRC/15/2, para. 76.20 | Chile | Noted | Fully implemented |  |

### Recommendations on education

- Allocate by 2026 a budget line for 1,000 teaching assistants in general schools (SDG 4.5).
- Adopt by 2027 a plan to close segregated boarding schools and enrol every child with a disability in an inclusive school near home.

## III. Work

4. Only two of 38 persons interviewed had a written contract.

[^1]: Coalition survey of 412 households, 2024.
`;

describe('factsheet content', () => {
  it('finds a section by its title with or without its numbering, in any case', () => {
    assert.equal(contentOf(EDUCATION, 'II. Inclusive education').title, 'Inclusive education');
    assert.equal(contentOf(EDUCATION, 'inclusive education').title, 'Inclusive education');
  });

  it('refuses an unknown section, listing the sections there are (not those of recommendations)', () => {
    assert.throws(
      () => contentOf(EDUCATION, 'Health'),
      (error: unknown) => {
        assert.ok(error instanceof UnknownSectionError);
        assert.deepEqual(error.available, ['Joint submission', 'I. Executive summary', 'II. Inclusive education', 'III. Work']);
        assert.match(error.message, /no section "Health": the sections are "Joint submission", "I\. Executive summary", "II\. Inclusive education", "III\. Work"/);
        return true;
      },
    );
    assert.deepEqual(factsheetSections(parseSubmission(EDUCATION)), ['Joint submission', 'I. Executive summary', 'II. Inclusive education', 'III. Work']);
  });

  it('states the issue with the first paragraph, without its number', () => {
    const content = contentOf(EDUCATION, 'Inclusive education');
    assert.deepEqual(content.issue, [
      'The recommendation to provide education for all (A/HRC/15/2, para. 76.106) is not implemented for children with disabilities. Schools receive no funding for support.',
    ]);
  });

  it('takes the sentences with figures as key facts, with their footnotes as numbered sources', () => {
    const content = contentOf(EDUCATION, 'Inclusive education');
    assert.deepEqual(content.keyFacts, [
      { text: 'In our survey, 31 per cent of children with disabilities did not attend school.', sources: [1] },
      { text: 'Silent Bridge recorded 46 deaf adults who could not read.', sources: [] },
    ]);
    assert.deepEqual(content.sources, ['Coalition survey of 412 households, 2024.']);
  });

  it('gives each previous recommendation the status of the assessment table, "not assessed" for the placeholder', () => {
    const content = contentOf(EDUCATION, 'Inclusive education');
    assert.deepEqual(content.previousRecommendations, [
      { reference: 'A/HRC/15/2, para. 76.106', status: 'partiallyImplemented', statusText: undefined },
      { reference: 'A/HRC/15/2, para. 76.115', status: 'notAssessed', statusText: undefined },
      { reference: 'A/HRC/15/2, para. 76.20', status: 'implemented', statusText: undefined },
    ]);
  });

  it('says "not assessed" without an assessment table, and keeps words that are no status', () => {
    const withoutTable = EDUCATION.replace(/\| Reference[\s\S]*?\n\n/, '');
    assert.deepEqual(
      contentOf(withoutTable, 'Inclusive education').previousRecommendations.map(({ status }) => status),
      ['notAssessed', 'notAssessed'],
    );
    const ongoing = EDUCATION.replace('| partially implemented |', '| under way |');
    assert.deepEqual(contentOf(ongoing, 'Inclusive education').previousRecommendations[0], {
      reference: 'A/HRC/15/2, para. 76.106',
      status: 'notAssessed',
      statusText: 'under way',
    });
  });

  it('lists the new recommendations with the targets they cite, else suggested targets', () => {
    const [cited, uncited] = contentOf(EDUCATION, 'Inclusive education').newRecommendations;
    assert.equal(cited.text, 'Allocate by 2026 a budget line for 1,000 teaching assistants in general schools.');
    assert.deepEqual(cited.targets.map(({ label, suggested }) => ({ label, suggested })), [{ label: 'SDG 4.5', suggested: false }]);
    assert.match(cited.targets[0].text, /persons with disabilities/);
    assert.ok(uncited.targets.length > 0, 'suggested targets');
    assert.ok(uncited.targets.every((target) => target.suggested && /^SDG \d/.test(target.label) && target.text));
    assert.ok(uncited.targets.some((target) => target.id.startsWith('4.')), `an education target among ${uncited.targets.map(({ id }) => id)}`);
  });

  it('names the coalition and its members with their regions and roles but "member"', () => {
    const content = contentOf(EDUCATION, 'Inclusive education');
    assert.equal(content.coalitionName, 'Coalition for Inclusion');
    assert.deepEqual(content.members, [
      { organisation: 'Access Now Bishkek', region: 'Bishkek', role: 'rapporteur' },
      { organisation: 'Equal Steps', region: 'Osh', role: undefined },
    ]);
    assert.equal(content.review, 'Universal Periodic Review, cycle 4 · session 49 of the Working Group · Kyrgyzstan');
  });

  it('takes the issue from the first sentence of a single paragraph and the facts from the rest', () => {
    const single = EDUCATION.replace('4. Only two', '4. Work is scarce. Only two');
    const content = contentOf(single, 'Work');
    assert.deepEqual(content.issue, ['Work is scarce.']);
    assert.deepEqual(content.keyFacts, [{ text: 'Only two of 38 persons interviewed had a written contract.', sources: [] }]);
    assert.deepEqual(content.newRecommendations, []);
  });

  it('reads a section without numbered paragraphs by its blocks of prose, markup left out', () => {
    const text = [
      frontMatter(),
      '## Health',
      '',
      'Clinics are **far** and _very_ `far` from [villages](https://example.org), not snake_case or 2*3*4.<!-- check -->',
      'The line goes on.',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      'The ministry has 5 inspectors.',
      '',
    ].join('\n');
    const content = contentOf(text, 'Health');
    assert.deepEqual(content.issue, ['Clinics are far and very far from villages, not snake_case or 2*3*4. The line goes on.']);
    assert.deepEqual(content.keyFacts, [{ text: 'The ministry has 5 inspectors.', sources: [] }]);
  });

  it('speaks Russian for a Russian submission, French and Spanish ones get English', () => {
    const russian = EDUCATION.replace('language: en', 'language: ru');
    const content = contentOf(russian, 'Inclusive education');
    assert.equal(content.labels.keyFacts, 'Ключевые факты');
    assert.equal(content.previousRecommendations[0].reference, 'A/HRC/15/2, п. 76.106');
    assert.equal(content.newRecommendations[0].targets[0].label, 'ЦУР 4.5');
    assert.match(content.newRecommendations[0].targets[0].text, /инвалид/);
    assert.equal(contentOf(EDUCATION.replace('language: en', 'language: fr'), 'Inclusive education').labels.keyFacts, 'Key facts');
  });
});

describe('factsheet HTML', () => {
  it('is one self-contained page: inline style, A4 print rules, no scripts or outside resources', () => {
    const html = factsheetHtml(contentOf(EDUCATION, 'Inclusive education'));
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<style>[\s\S]*@page \{ size: A4;/);
    assert.doesNotMatch(html, /<script|<link|src=|url\(/i);
    assert.match(html, /<h1>Inclusive education<\/h1>/);
    assert.match(html, /31 per cent of children with disabilities did not attend school\.<sup>1<\/sup>/);
    assert.match(html, /<span class="status status-partiallyImplemented">partially implemented<\/span>/);
    assert.match(html, /<span class="target">SDG 4\.5<\/span>/);
    assert.match(html, /Access Now Bishkek/);
  });

  it('escapes the submission\'s text', () => {
    // Tags in the Markdown are markup a reader does not see; the front matter's text is taken as written.
    const hostile = EDUCATION.replace('Silent Bridge recorded', 'Silent "Bridge" & Co <= recorded').replace(
      'name: Coalition for Inclusion',
      'name: "Coalition <b>for</b> Inclusion"',
    );
    const html = factsheetHtml(contentOf(hostile, 'Inclusive education'));
    assert.doesNotMatch(html, /<b>for<\/b>/);
    assert.match(html, /Silent &#34;Bridge&#34; &#38; Co &#60;= recorded/);
    assert.match(html, /Coalition &#60;b&#62;for&#60;\/b&#62; Inclusion/);
  });
});

describe('factsheet and statement on any text', () => {
  it('never throw, whatever the submission, and the page never carries a tag from it', () => {
    const fragments = ['## ', '### Recommendations', '# ', '1. ', '- ', '| a | Implementation |', '|---|---|', '| A/HRC/15/2, para. 76.1 | partial |',
      'A/HRC/15/2, para. 7.', 'SDG 5.2', '(SDG 16.3)', '[^1]', '[^1]: ', '**', '_', '`', '<!-- ', ' -->', '<b>', '. ', 'Text 12 per cent', 'Вот 5 процентов.', '\r\n', '\n\n'];
    const documents = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 8 }), fc.constant('\n')), { maxLength: 60 });
    fc.assert(
      fc.property(fc.boolean(), documents, (withFrontMatter, parts) => {
        const text = (withFrontMatter ? frontMatter() : '') + parts.join('');
        const model = parseSubmission(text);
        const data = checkFrontMatter(model).data;
        model.sections.forEach((section, index) => {
          if (section.inRecommendations) return;
          const html = factsheetHtml(factsheetContent(model, data, section.title));
          assert.doesNotMatch(html, /<b>/);
          const statement = buildStatement(model, data, { sections: [index], recommendations: model.recommendations.map((_, at) => at) });
          assert.ok(speakingTime(statement, { wordsPerMinute: 130, minutes: 5 }).words >= 2);
        });
      }),
      { numRuns: 300 },
    );
  });
});
