import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SAMPLE, openInEditor, waitFor, workspaceFile } from './helpers';

type AnySymbol = vscode.DocumentSymbol | vscode.SymbolInformation;

function flatten(symbols: AnySymbol[]): AnySymbol[] {
  return symbols.flatMap((s) => [s, ...('children' in s ? flatten(s.children) : [])]);
}

describe('the outline of the sample', () => {
  it('lists "Executive summary" and a "Recommendations" section holding the recommendations', async () => {
    const uri = workspaceFile(SAMPLE);
    await openInEditor(uri);
    const symbols = await waitFor('document symbols for the sample', async () => {
      const result = await vscode.commands.executeCommand<AnySymbol[] | undefined>(
        'vscode.executeDocumentSymbolProvider',
        uri,
      );
      return result?.length ? result : undefined;
    });
    const all = flatten(symbols);
    const names = all.map((s) => s.name);
    assert.ok(
      names.some((n) => n.includes('Executive summary')),
      `no "Executive summary" among ${JSON.stringify(names)}`,
    );
    const recommendations = all.filter(
      (s): s is vscode.DocumentSymbol => 'children' in s && s.name.includes('Recommendations'),
    );
    assert.ok(recommendations.length, `no "Recommendations" section among ${JSON.stringify(names)}`);
    assert.ok(
      recommendations.some((s) => s.children.length > 0),
      `the "Recommendations" section has no children: ${JSON.stringify(recommendations.map((s) => s.name))}`,
    );
  });
});
