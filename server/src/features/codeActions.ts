// Code actions: "Renumber paragraphs" as the quick fix for numbering diagnostics, and as a
// source action anywhere the numbering is off.

import * as l10n from '@vscode/l10n';
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyse';
import { renumberParagraphs } from '../core/fixes/renumber';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export function codeActions(analysis: Analysis, uri: string, contextDiagnostics: Diagnostic[], only?: string[]): CodeAction[] {
  const edits = renumberParagraphs(analysis.model);
  if (!edits.length) return [];
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const numberingDiagnostics = contextDiagnostics.filter(
    (diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && String(diagnostic.code).startsWith('numbering/'),
  );
  const actions: CodeAction[] = [];
  const title = l10n.t('Renumber paragraphs');
  if (numberingDiagnostics.length && wants(CodeActionKind.QuickFix)) {
    actions.push({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: numberingDiagnostics,
      isPreferred: true,
      edit: { changes: { [uri]: edits } },
    });
  }
  const sourceKind = `${CodeActionKind.Source}.renumberParagraphs`;
  if (only && wants(sourceKind)) {
    actions.push({ title, kind: sourceKind, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}
