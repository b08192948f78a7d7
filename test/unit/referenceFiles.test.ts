// Which files the previous recommendations are read from (server/src/referenceFiles.ts): the
// language server re-reads the library when one of them changes, and only then.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { isReferenceSource } from '../../server/src/referenceFiles';

describe('isReferenceSource', () => {
  const workspace = join('/', 'work', 'coalition');
  const folders = [join(workspace, 'recommendations')];

  it('takes CSV and JSON files anywhere under a folder', () => {
    assert.equal(isReferenceSource(join(workspace, 'recommendations', 'export.csv'), folders), true);
    assert.equal(isReferenceSource(join(workspace, 'recommendations', 'cycle 3', 'list.JSON'), folders), true);
    assert.equal(isReferenceSource(join(workspace, 'recommendations', '..old.json'), folders), true);
  });

  it('leaves other files, and files beside or above the folders', () => {
    assert.equal(isReferenceSource(join(workspace, 'recommendations', 'notes.md'), folders), false);
    assert.equal(isReferenceSource(join(workspace, 'recommendations-2019', 'export.csv'), folders), false);
    assert.equal(isReferenceSource(join(workspace, 'submission.comments.json'), folders), false);
    assert.equal(isReferenceSource(join(workspace, 'recommendations.json'), folders), false);
    assert.equal(isReferenceSource(join('/', 'elsewhere', 'recommendations', 'export.csv'), folders), false);
    assert.equal(isReferenceSource(join(workspace, 'recommendations', 'export.csv'), []), false);
  });
});
