// What "Export factsheet" and "Prepare oral statement" let the user choose: the sections, with the
// lines they span (to find the one at the cursor), and the recommendations.

import type { Analysis } from '../core/analyse';
import { recommendationText } from '../core/sectionText';
import type { SubmissionParts } from '../protocol';

export function submissionParts({ model }: Analysis): SubmissionParts {
  return {
    sections: model.sections.map((section, index) => ({
      index,
      title: section.title,
      startLine: section.range.start.line,
      endLine: section.range.end.line,
      inRecommendations: section.inRecommendations,
    })),
    recommendations: model.recommendations.map((recommendation, index) => ({
      index,
      text: recommendationText(recommendation),
      section: recommendation.section,
    })),
  };
}
