import * as assert from 'node:assert/strict';
import { LANGUAGE_ID, SAMPLE, errorsOf, openInEditor, summarize, waitForDiagnostics, workspaceFile } from './helpers';

describe('the sample joint submission', () => {
  it(`opens ${SAMPLE} as ${LANGUAGE_ID} and publishes no errors for it`, async () => {
    const uri = workspaceFile(SAMPLE);
    const doc = await openInEditor(uri);
    assert.equal(doc.languageId, LANGUAGE_ID);
    const diagnostics = await waitForDiagnostics(uri);
    const errors = errorsOf(diagnostics);
    assert.equal(errors.length, 0, `errors in the sample: ${summarize(errors)}`);
  });
});
