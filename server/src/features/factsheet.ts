// "Export factsheet for this section": the factsheet of a section as an HTML page or a Word file,
// handed to the extension in base64 for it to save where the user chose.

import type { Analysis } from '../core/analyse';
import { factsheetContent, UnknownSectionError } from '../core/factsheet/content';
import { factsheetDocx } from '../core/factsheet/docx';
import { factsheetHtml } from '../core/factsheet/html';
import type { FactsheetResult } from '../protocol';

export async function factsheetFile(analysis: Analysis, sectionTitle: unknown, format: unknown): Promise<FactsheetResult> {
  if (typeof sectionTitle !== 'string' || (format !== 'html' && format !== 'docx')) {
    return { error: `a factsheet needs a section title and the format html or docx`, sections: [] };
  }
  try {
    const content = factsheetContent(analysis.model, analysis.frontMatter.data, sectionTitle);
    const bytes = format === 'docx' ? await factsheetDocx(content) : Buffer.from(factsheetHtml(content), 'utf8');
    return { base64: bytes.toString('base64'), title: content.title };
  } catch (error) {
    if (error instanceof UnknownSectionError) return { error: error.message, sections: error.available };
    throw error;
  }
}
