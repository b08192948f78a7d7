import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, openInEditor, waitFor, workspaceFile } from './helpers';

const RUSSIAN_SAMPLE = 'kyrgyzstan-gender-joint-submission.ru.upr.md';

describe('UPR: Export factsheet for this section', () => {
  it('exports the thematic section around the cursor, even from its recommendations, as HTML', async () => {
    await (await extensionApi()).ready;
    const document = await openInEditor(workspaceFile(RUSSIAN_SAMPLE));
    const editor = vscode.window.activeTextEditor!;
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('- Создать к 2027 году единую электронную систему'));
    assert.ok(line > 0);
    editor.selection = new vscode.Selection(line, 3, line, 3);
    const target = workspaceFile('factsheet-violence.html');
    await vscode.commands.executeCommand('uprSubmission.exportFactsheet', { format: 'html', target });
    const html = await waitFor(`${target.path} on disk`, async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(target)));
    assert.match(html, /<html lang="ru">/);
    assert.match(html, /<h1>Насилие в семье<\/h1>/);
    assert.match(html, /<span class="target">ЦУР 16\.1<\/span>/);
    assert.match(html, /Сеть кризисных центров «Новый рассвет»/);
  });

  it('exports a named section as Word', async () => {
    await openInEditor(workspaceFile(RUSSIAN_SAMPLE));
    const target = workspaceFile('factsheet-marriage.docx');
    await vscode.commands.executeCommand('uprSubmission.exportFactsheet', { section: 'IV. Похищение невест и ранние браки', format: 'docx', target });
    const bytes = await waitFor(`${target.path} on disk`, async () => vscode.workspace.fs.readFile(target));
    // A Word file is a zip archive.
    assert.equal(new TextDecoder().decode(bytes.subarray(0, 2)), 'PK');
  });
});
