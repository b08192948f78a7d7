import assert from 'node:assert/strict';
import { submissionSkeleton } from '../../client/src/commands/skeleton';
import { analyse } from './helpers';

describe('new submission skeleton', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`is a complete, valid joint submission in ${language}`, () => {
      const text = submissionSkeleton({ language, state: 'Kyrgyzstan', cycle: 4 });
      const analysis = analyse(text);
      assert.deepEqual(analysis.diagnostics, []);
      assert.equal(analysis.frontMatter.data.type, 'joint');
      assert.equal(analysis.frontMatter.data.language, language);
      assert.deepEqual(analysis.model.sections.map((section) => section.kind).filter((kind) => kind !== 'other'), ['executiveSummary', 'recommendations']);
      assert.equal(analysis.model.recommendations.length, 1);
    });
  }

  it('writes the Russian section names', () => {
    const text = submissionSkeleton({ language: 'ru', state: 'Кыргызстан', cycle: 4 });
    assert.match(text, /^## Резюме$/m);
    assert.match(text, /^### Рекомендации$/m);
    assert.match(text, /^state: "Кыргызстан"$/m);
  });

  it('quotes a State name that YAML would misread', () => {
    const text = submissionSkeleton({ language: 'en', state: 'Côte d\'Ivoire: "test" # not a comment', cycle: 4 });
    assert.equal(analyse(text).frontMatter.data.state, 'Côte d\'Ivoire: "test" # not a comment');
  });
});
