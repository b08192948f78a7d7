// Code actions: quick fixes for the diagnostics in the request's context (renumber paragraphs,
// stronger wording, a time frame, splitting two actions, linking an SDG target, the name of the
// State or issue meant, switching a rule off), and "Renumber paragraphs" as a source action.

import * as l10n from '@vscode/l10n';
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyse';
import { disableRuleFixes } from '../core/fixes/disableRule';
import { renumberParagraphs } from '../core/fixes/renumber';
import { appendTimeFrame, Fix, splitActions, strongerWording } from '../core/fixes/smart';
import { sdgCitation, sdgSuggestions } from '../core/rules/sdgReferences';
import { timeFrameYear } from '../core/smart/timeFrame';
import { containsPosition } from '../core/text';
import { DIAGNOSTIC_SOURCE, replacementsOf } from './diagnostics';

const RENUMBER_KIND = `${CodeActionKind.Source}.renumberParagraphs`;

export function codeActions(analysis: Analysis, uri: string, contextDiagnostics: Diagnostic[], only?: string[]): CodeAction[] {
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const ours = contextDiagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
  const actions: CodeAction[] = [];
  const quickFix = (fix: Fix, diagnostic: Diagnostic, isPreferred = false): CodeAction => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred,
    edit: { changes: { [uri]: fix.edits } },
  });

  const renumber = renumberParagraphs(analysis.model);
  const numbering = ours.filter((diagnostic) => String(diagnostic.code).startsWith('numbering/'));
  if (renumber.length && numbering.length && wants(CodeActionKind.QuickFix)) {
    actions.push({
      title: l10n.t('Renumber paragraphs'),
      kind: CodeActionKind.QuickFix,
      diagnostics: numbering,
      isPreferred: true,
      edit: { changes: { [uri]: renumber } },
    });
  }

  if (wants(CodeActionKind.QuickFix)) {
    // "Disable …" comes after every fix of the line's problems, not between one problem's fixes and the next's.
    const disabling: CodeAction[] = [];
    for (const diagnostic of ours) {
      const code = String(diagnostic.code);
      // The names a finding suggests (a State, an issue), carried by its diagnostic.
      replacementsOf(diagnostic).forEach((replacement, i) =>
        actions.push(quickFix({ title: l10n.t('Change to "{0}"', replacement), edits: [{ range: diagnostic.range, newText: replacement }] }, diagnostic, i === 0)),
      );
      const recommendation = analysis.recommendations.find(({ item }) => containsPosition(item.range, diagnostic.range.start));
      if (recommendation) {
        if (code === 'smart/action-category') {
          strongerWording(analysis.model, recommendation).forEach((fix, i) => actions.push(quickFix(fix, diagnostic, i === 0)));
        } else if (code === 'smart/time-bound') {
          const year = timeFrameYear(analysis.frontMatter.data.session);
          actions.push(quickFix(appendTimeFrame(analysis.model, recommendation, year), diagnostic, true));
        } else if (code === 'smart/single-action') {
          const split = splitActions(analysis.model, recommendation);
          if (split) actions.push(quickFix(split, diagnostic, true));
        } else if (code === 'references/sdg-missing') {
          const language = analysis.frontMatter.data.language;
          sdgSuggestions(analysis.model, recommendation.item, language).forEach((id, i) => {
            const fix = sdgCitation(analysis.model, recommendation.item, id, language);
            if (fix) actions.push(quickFix(fix, diagnostic, i === 0));
          });
        }
      }
      for (const fix of disableRuleFixes(analysis.model, code, diagnostic.range.start.line)) disabling.push(quickFix(fix, diagnostic));
    }
    actions.push(...disabling);
  }

  if (renumber.length && only && wants(RENUMBER_KIND)) {
    actions.push({ title: l10n.t('Renumber paragraphs'), kind: RENUMBER_KIND, edit: { changes: { [uri]: renumber } } });
  }
  return actions;
}
