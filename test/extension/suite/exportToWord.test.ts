import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import * as vscode from 'vscode';
import { SAMPLE, extensionApi, openInEditor, workspaceFile } from './helpers';

describe('UPR: Export submission to Word', () => {
  let dir: string | undefined;

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // A submission with errors would stop at a modal dialog, which a test cannot answer: the refusal
  // and "Export anyway" (force) are tested over LSP (test/lsp/exportToWord.test.ts).
  it('writes the sample in OHCHR form to the file it is given', async () => {
    const document = await openInEditor(workspaceFile(SAMPLE));
    await (await extensionApi()).ready;
    dir = mkdtempSync(path.join(os.tmpdir(), 'upr-export-extension-'));
    const target = vscode.Uri.file(path.join(dir, 'submission.docx'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('uprSubmission.exportToWord', document.uri, target);
    assert.equal(written?.fsPath, target.fsPath);
    const zip = await JSZip.loadAsync(readFileSync(target.fsPath));
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.match(xml, /Open Door Psychosocial Support Network \(Karakol\)/);
    assert.match(xml, /<w:footnoteReference w:id="1"\/>/);
    assert.match(await zip.file('docProps/custom.xml')!.async('string'), /name="Word count"/);
  });
});
