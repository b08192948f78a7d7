import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { countOf, EXTENSION_ID, extensionApi, openInEditor, waitForDiagnostics, workspaceFile } from './helpers';

// Rows of ../shared/data/upr/recommendations.csv (its layout, some columns left out), the first
// one twice: a warning, which does not stop the import.
const CSV = [
  'id,state_under_review,sur_iso3,cycle,wg_session,year,wg_report_symbol,paragraph,reference,text,recommending_state,response,action_category,issues',
  'KGZ-S08-002,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.69,"A/HRC/15/2, para. 76.69",Establish a juvenile judiciary,Afghanistan,Supported,5,Justice|Rights of the Child',
  'KGZ-S08-012,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.39,"A/HRC/15/2, para. 76.39",Strengthen policies for the protection of the rights and interests of children,Angola,Supported,4,Rights of the Child',
  'KGZ-S08-002b,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.69,"A/HRC/15/2, para. 76.69",Establish a juvenile judiciary,Afghanistan,Supported,5,Justice|Rights of the Child',
].join('\n');
const NAME = 'kgz-cycle1-import-test';
const INSIDE = 'kgz-cycle1-inside-folder-test';
const DOCUMENT = 'cites-imported-recommendations.upr.md';


describe('UPR: Import recommendations', () => {
  let dir: string | undefined;

  after(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    for (const name of [`recommendations/${NAME}.json`, `recommendations/${INSIDE}.csv`, DOCUMENT]) {
      await vscode.workspace.fs.delete(workspaceFile(name), { useTrash: false }).then(undefined, () => undefined);
    }
  });

  // "Replace" and "Keep both" answer a modal dialog, which a test cannot answer: the free name is
  // tested in test/unit/freeFileName.test.ts.
  it('writes the export given into the recommendations folder, and the index follows', async () => {
    await (await extensionApi()).ready;
    const text = [
      '---', 'type: joint', 'state: Kyrgyzstan', 'cycle: 4', 'language: en', 'title: Juvenile justice', '---', '',
      '# Juvenile justice', '', '## Executive summary', '',
      '1. Kyrgyzstan supported A/HRC/15/2, para. 76.69.', '',
    ].join('\n');
    const uri = workspaceFile(DOCUMENT);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await openInEditor(uri);
    // The sample index does not have 76.69.
    await waitForDiagnostics(uri, (diagnostics) => countOf(diagnostics, 'references/unknown') === 1);

    dir = mkdtempSync(path.join(os.tmpdir(), 'upr-import-extension-'));
    const source = vscode.Uri.file(path.join(dir, `${NAME}.csv`));
    writeFileSync(source.fsPath, CSV);
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('uprSubmission.importRecommendations', source);
    const target = workspaceFile(`recommendations/${NAME}.json`);
    assert.equal(written?.fsPath, target.fsPath);
    const file = JSON.parse(readFileSync(target.fsPath, 'utf8')) as { format: string; recommendations: { id: string; paragraph: string }[] };
    assert.equal(file.format, 'upr-recommendations/1');
    assert.deepEqual(
      file.recommendations.map(({ id, paragraph }) => [id, paragraph]),
      [['KGZ-S08-002', '76.69'], ['KGZ-S08-012', '76.39'], ['KGZ-S08-002b', '76.69']],
    );
    const diagnostics = await waitForDiagnostics(uri, (found) => countOf(found, 'references/unknown') === 0);
    assert.equal(countOf(diagnostics, 'references/unknown'), 0);

    // Its own file imported again is no other file to keep: written over without a question.
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('uprSubmission.importRecommendations', target);
    assert.equal(again?.fsPath, target.fsPath);
    assert.equal((JSON.parse(readFileSync(target.fsPath, 'utf8')) as { recommendations: unknown[] }).recommendations.length, 3);
  });

  it('is offered on CSV files in the Explorer, and refuses one that the recommendations folder reads already', async () => {
    type MenuItem = { command: string; when?: string };
    const menus = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { menus: Record<string, MenuItem[]> } }).contributes.menus;
    assert.ok(menus['explorer/context'].some(({ command, when }) => command === 'uprSubmission.importRecommendations' && /csv/.test(when ?? '')));

    const inside = workspaceFile(`recommendations/${INSIDE}.csv`);
    await vscode.workspace.fs.writeFile(inside, new TextEncoder().encode(CSV));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('uprSubmission.importRecommendations', inside);
    assert.equal(written, undefined);
    assert.equal(await vscode.workspace.fs.stat(workspaceFile(`recommendations/${INSIDE}.json`)).then(() => true, () => false), false, 'a JSON was written beside it');
  });
});
