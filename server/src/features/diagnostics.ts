// Findings as LSP diagnostics.

import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Finding, Severity } from '../core/findings';

export const DIAGNOSTIC_SOURCE = 'upr-submission';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostics(findings: Finding[]): Diagnostic[] {
  return findings.map((finding) => ({
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    // Sent back with the diagnostic when the client asks for its code actions.
    ...(finding.replacements?.length ? { data: { replacements: finding.replacements } satisfies DiagnosticData } : {}),
  }));
}

/** What a diagnostic carries for its quick fixes. */
export interface DiagnosticData {
  replacements?: string[];
}

/** The replacements a diagnostic of ours carries (`Finding.replacements`), if any. */
export function replacementsOf(diagnostic: Diagnostic): string[] {
  const replacements = (diagnostic.data as DiagnosticData | undefined)?.replacements;
  return Array.isArray(replacements) ? replacements.filter((replacement) => typeof replacement === 'string') : [];
}
