import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
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

  // VS Code asks the language server again for an incomplete list (references, SDG targets) as
  // the word at the cursor grows: the language's words must be words in VS Code's eyes.
  it('has words of letters and digits in any script, as VS Code finds them at a position', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: 'Кыргызстан supported A/HRC/15/2, para. 76.11 on women’s rights' });
    const wordAt = (text: string) => {
      const range = doc.getWordRangeAtPosition(doc.positionAt(doc.getText().indexOf(text) + 1));
      return range && doc.getText(range);
    };
    assert.equal(wordAt('Кыргызстан'), 'Кыргызстан');
    assert.equal(wordAt('11 on'), '11');
    assert.equal(wordAt('women’s'), 'women’s');
  });
});
