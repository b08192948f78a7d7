// Runs every rule over one parsed version of a submission, then applies the user's severities
// and the inline switches. Everything the editor shows for a version comes from one Analysis.

import { AnalysisConfig } from './config';
import type { ReferenceLibrary } from './references/library';
import { parseSubmission, SubmissionDocument } from './document';
import { ruleMatches, switchedOff } from './directives';
import type { Finding, Severity } from './findings';
import { checkFrontMatter } from './frontMatter';
import { comparePositions } from './text';
import { countWords } from './wordCount';
import { footnotesRule } from './rules/footnotes';
import { issuesRule } from './rules/issues';
import { numberingRule } from './rules/numbering';
import { previousRecommendationsRule } from './rules/previousRecommendations';
import { requiredSectionsRule } from './rules/requiredSections';
import { sdgReferencesRule } from './rules/sdgReferences';
import { smartRule } from './rules/smart';
import { analyseRecommendations } from './smart/recommendations';
import type { Rule, RuleContext } from './rules/rule';
import { wordLimitFor, wordLimitRule } from './rules/wordLimit';

export interface Analysis extends RuleContext {
  diagnostics: Finding[];
}

const RULES: Rule[] = [({ frontMatter }) => frontMatter.findings, wordLimitRule, numberingRule, footnotesRule, requiredSectionsRule, smartRule, issuesRule, sdgReferencesRule, previousRecommendationsRule];

export function analyseText(text: string, config: AnalysisConfig, library?: ReferenceLibrary): Analysis {
  return analyse(parseSubmission(text), config, library);
}

export function analyse(model: SubmissionDocument, config: AnalysisConfig, library?: ReferenceLibrary): Analysis {
  const frontMatter = checkFrontMatter(model);
  const context: RuleContext = {
    model,
    config,
    frontMatter,
    wordCount: countWords(model, config),
    wordLimit: wordLimitFor(frontMatter.data, config),
    recommendations: analyseRecommendations(model.recommendations, frontMatter.data, config.smart),
    library,
  };
  const diagnostics: Finding[] = [];
  const isSwitchedOff = switchedOff(model.directives);
  for (const rule of RULES) {
    for (const finding of rule(context)) {
      const severity = configuredSeverity(config, finding);
      if (severity === 'off' || isSwitchedOff(finding.code, finding.range.start.line)) continue;
      diagnostics.push({ ...finding, severity });
    }
  }
  diagnostics.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return { ...context, diagnostics };
}

/** The user's severity for a finding: by code first, then by group, else the rule's own. */
function configuredSeverity(config: AnalysisConfig, finding: Finding): Severity | 'off' {
  const exact = config.rules[finding.code];
  if (exact) return exact;
  const group = Object.keys(config.rules).find((rule) => ruleMatches(rule, finding.code));
  return group ? config.rules[group] : finding.severity;
}
