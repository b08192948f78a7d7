// Renumbers the paragraphs 1, 2, 3 ... in document order: the edit behind the quick fix.

import type { SubmissionDocument } from '../document';
import type { Range } from '../text';

export interface TextEdit {
  range: Range;
  newText: string;
}

export function renumberParagraphs(model: SubmissionDocument): TextEdit[] {
  const edits: TextEdit[] = [];
  model.paragraphs.forEach((paragraph, index) => {
    const wanted = `${index + 1}.`;
    if (paragraph.number !== index + 1) edits.push({ range: paragraph.numberRange, newText: wanted });
  });
  return edits;
}
