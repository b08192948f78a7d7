// SMART recommendations: addressed to the State under review, the action category (UPR Info),
// time frame, measurability, one action per recommendation, length.

import * as l10n from '@vscode/l10n';
import type { Finding } from '../findings';
import { otherAddressee } from '../smart/addressee';
import type { Span } from '../smart/classify';
import type { AnalysedRecommendation } from '../smart/recommendations';
import type { SubmissionDocument } from '../document';
import type { Range } from '../text';
import type { Rule } from './rule';

export const smartRule: Rule = ({ model, config, recommendations, frontMatter }) =>
  recommendations.flatMap((analysed) => findingsFor(model, analysed, config.smart.maxWords, frontMatter.data.state));

function findingsFor(
  model: SubmissionDocument,
  { item, classification, words }: AnalysedRecommendation,
  maxWords: number,
  state: string | undefined,
): Finding[] {
  const findings: Finding[] = [];
  const addressee = otherAddressee(item.text, state);
  if (addressee) {
    const start = item.textOffset + addressee.start;
    findings.push({
      code: 'smart/addressee',
      severity: 'warning',
      range: model.lines.range(start, start + addressee.name.length),
      message: l10n.t('"{0}" is not the State under review ({1}): address the recommendation to {1}.', addressee.name, state!),
    });
  }
  const { category, action, smart, secondAction } = classification;
  const spanRange = (span: Span | undefined): Range =>
    span ? model.lines.range(item.textOffset + span.start, item.textOffset + span.end) : item.textRange;
  const verb = action ? action.text : item.text.trim().split(/\s+/)[0];

  if (category <= 3) {
    findings.push({
      code: 'smart/action-category',
      severity: 'warning',
      range: spanRange(action),
      message: [
        l10n.t('"{0}" is a minimal action (UPR Info category 1): it asks nothing of the State under review that it must do itself.', verb),
        l10n.t('"{0}" is a continuing action (UPR Info category 2): the State can accept it and change nothing.', verb),
        l10n.t('"{0}" is a considering action (UPR Info category 3): States can accept it without doing anything.', verb),
      ][category - 1],
    });
  } else if (category === 4) {
    findings.push({
      code: 'smart/action-category',
      severity: 'information',
      range: spanRange(action),
      message: l10n.t('"{0}" is a general action (UPR Info category 4): name the specific act (a law, a treaty, a body, a budget line) to make it category 5.', verb),
    });
  } else if (!smart.specific && smart.singleAction) {
    findings.push({
      code: 'smart/specific',
      severity: 'information',
      range: spanRange(action),
      message: l10n.t('Name the concrete object of "{0}": which law, treaty, body or budget line.', verb),
    });
  }
  if (!smart.singleAction && secondAction) {
    findings.push({
      code: 'smart/single-action',
      severity: 'warning',
      range: spanRange(secondAction),
      message: l10n.t('A second action ("{0}"): one action per recommendation lets States accept and follow up each one. Split it.', secondAction.text),
    });
  }
  if (!smart.timeBound) {
    findings.push({
      code: 'smart/time-bound',
      severity: 'warning',
      range: item.textRange,
      message: l10n.t('No time frame: add a deadline such as "by 2029" or "before the next review".'),
    });
  }
  if (!smart.measurable) {
    findings.push({
      code: 'smart/measurable',
      severity: 'information',
      range: item.textRange,
      message: l10n.t('Nothing to measure: name a number, an indicator or an instrument by which implementation can be checked.'),
    });
  }
  if (words > maxWords) {
    findings.push({
      code: 'smart/length',
      severity: 'warning',
      range: item.textRange,
      message: l10n.t('{0} words: keep a recommendation under {1} words so that a State can take it up as it is.', words, maxWords),
    });
  }
  return findings;
}
