// Folding: front matter, sections, recommendations, footnotes and multi-line comments.

import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { SubmissionDocument } from '../core/document';
import type { Range } from '../core/text';

export function foldingRanges(model: SubmissionDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (range: Range, kind?: FoldingRangeKind) => {
    if (range.end.line > range.start.line) ranges.push({ startLine: range.start.line, endLine: range.end.line, kind });
  };
  if (model.frontMatter?.closed) add(model.frontMatter.range);
  for (const section of model.sections) add(section.range, FoldingRangeKind.Region);
  for (const recommendation of model.recommendations) add(recommendation.range);
  for (const paragraph of model.paragraphs) add(paragraph.range);
  for (const footnote of model.footnoteDefinitions) add(footnote.range);
  for (const comment of model.comments) add(comment, FoldingRangeKind.Comment);
  return ranges;
}
