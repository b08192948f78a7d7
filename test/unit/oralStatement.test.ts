import assert from 'node:assert/strict';
import { parseSubmission } from '../../server/src/core/document';
import { checkFrontMatter } from '../../server/src/core/frontMatter';
import { buildStatement, speakingTime } from '../../server/src/core/oralStatement';
import { frontMatter } from './helpers';

const SUBMISSION = `${frontMatter()}
## I. Inclusive education

1. Schools receive no funding for support (A/HRC/15/2, para. 76.106; A/HRC/15/2, para. 76.115).[^1]

2. In our survey, 31 per cent of children did not attend school.

### Recommendations on education

- Allocate by 2026 a budget line for 1,000 teaching assistants (SDG 4.5).
- Adopt by 2027 a plan to close segregated boarding schools.

## II. Work

3. Only two of 38 persons interviewed had a written contract.

### Recommendations on work

- Establish by 2027 an inspection mechanism for the employment quota (SDG 8.5).

[^1]: Coalition survey.
`;

function statement(text: string, sections: number[], recommendations: number[]): string {
  const model = parseSubmission(text);
  return buildStatement(model, checkFrontMatter(model).data, { sections, recommendations });
}

describe('oral statement', () => {
  it('frames the chosen prose and recommendations as spoken, without citations or footnote markers', () => {
    // Sections: 0 I. Inclusive education, 1 its recommendations, 2 II. Work, 3 its recommendations.
    assert.equal(
      statement(SUBMISSION, [0], [0, 2]),
      [
        'Thank you, Chair.',
        'I am speaking on behalf of Coalition for Inclusion.',
        'Schools receive no funding for support.',
        'In our survey, 31 per cent of children did not attend school.',
        'We therefore call on the Government of Kyrgyzstan to:',
        '1. allocate by 2026 a budget line for 1,000 teaching assistants;\n2. establish by 2027 an inspection mechanism for the employment quota.',
        'Thank you.',
      ].join('\n\n') + '\n',
    );
  });

  it('reads the parts in the order of the submission, each once, whatever the order chosen', () => {
    const text = statement(SUBMISSION, [2, 0, 2], [1, 0, 1]);
    assert.ok(text.indexOf('Schools receive') < text.indexOf('Only two of 38'));
    assert.equal(text.match(/Only two of 38/g)?.length, 1);
    assert.match(text, /1\. allocate by 2026[^\n]*;\n2\. adopt by 2027[^\n]*\.\n/);
  });

  it('leaves out the call on the Government without recommendations, and a State given as a code', () => {
    const prose = statement(SUBMISSION, [2], []);
    assert.doesNotMatch(prose, /call on/);
    assert.match(prose, /Only two of 38 persons interviewed had a written contract\.\n\nThank you\.\n$/);
    assert.match(statement(SUBMISSION.replace('state: Kyrgyzstan', 'state: KGZ'), [], [0]), /We therefore call on the Government to:/);
  });

  it('speaks Russian for a Russian submission', () => {
    const text = statement(SUBMISSION.replace('language: en', 'language: ru'), [], [2]);
    assert.equal(
      text,
      'Благодарю вас, председатель.\n\nЯ выступаю от имени: Coalition for Inclusion.\n\nПоэтому мы призываем правительство (Kyrgyzstan):\n\n' +
        '1. establish by 2027 an inspection mechanism for the employment quota.\n\nБлагодарю за внимание.\n',
    );
  });

  it('counts the words as the word count does and times them at the pace given', () => {
    // 14 words; the list number is not a word.
    const text = 'Thank you, Chair.\n\n1. establish by 2027 an inspection mechanism for the quota.\n\nThank you.\n';
    assert.deepEqual(speakingTime(text, { wordsPerMinute: 130, minutes: 5 }), { words: 14, seconds: 6, limitSeconds: 300, overLimit: false });
    assert.deepEqual(speakingTime(text, { wordsPerMinute: 60, minutes: 0.2 }), { words: 14, seconds: 14, limitSeconds: 12, overLimit: true });
  });

  it('warns only past the limit: 650 words are five minutes at 130 a minute', () => {
    const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');
    assert.deepEqual(speakingTime(words(650), { wordsPerMinute: 130, minutes: 5 }), { words: 650, seconds: 300, limitSeconds: 300, overLimit: false });
    assert.equal(speakingTime(words(652), { wordsPerMinute: 130, minutes: 5 }).overLimit, true);
    assert.deepEqual(speakingTime('Спасибо, председатель. Благодарю за внимание.', { wordsPerMinute: 130, minutes: 5 }).words, 5);
  });
});
