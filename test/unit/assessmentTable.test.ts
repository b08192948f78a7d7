// The assessment table of previous recommendations on an issue (server/src/features/assessmentTable.ts)
// on the shared UPR Info sample: one row per reference, as the index resolves it.

import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { analyseText } from '../../server/src/core/analyse';
import { resolveConfig } from '../../server/src/core/config';
import { assessmentActions } from '../../server/src/features/assessmentTable';
import { centralAsiaLibrary } from './sharedData';

const library = centralAsiaLibrary();

describe('assessment table of previous recommendations', () => {
  it('has one row per reference, with the States the report names for it', () => {
    const text = '---\ntype: joint\nstate: Kyrgyzstan\ncycle: 2\nlanguage: en\ntitle: T\nissues:\n  - Disabilities\n---\n\n# Inclusive education\n\nText.\n';
    const analysis = analyseText(text, resolveConfig(), library);
    const heading = analysis.model.sections.find((section) => section.title === 'Inclusive education')!;
    const [action] = assessmentActions(analysis, heading.headingRange, library, 'file:///t.upr.md');
    assert.ok(action, 'no assessment action');
    const table = (action.edit!.changes!['file:///t.upr.md'][0] as TextEdit).newText;
    const references = [...table.matchAll(/^\| (A\/HRC\/[^|]+) \|/gm)].map((match) => match[1].trim());
    assert.ok(references.length > 1, table);
    assert.deepEqual(references, [...new Set(references)]);
    // UPR Info has one row from Tajikistan and one from Afghanistan for this item.
    assert.match(table, /^\| A\/HRC\/15\/2, para\. 76\.116 \| Tajikistan, Afghanistan \| supported \|/m);
  });
});
