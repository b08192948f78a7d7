// upr factsheet FILE --section "TITLE" --to docx|html -o OUT: the advocacy factsheet of one
// section, in the submission's language (English or Russian). An unknown section is a usage
// error that lists the sections there are.

import { parseSubmission } from '../core/document';
import { factsheetContent, UnknownSectionError } from '../core/factsheet/content';
import { factsheetDocx } from '../core/factsheet/docx';
import { factsheetHtml } from '../core/factsheet/html';
import { checkFrontMatter } from '../core/frontMatter';
import { readSubmission } from './input';
import { checkOutputPath, writeFileAtomically } from './output';
import { UsageError } from './usage';

const FORMATS = ['docx', 'html'];

export async function factsheet(files: string[], section: string | undefined, to: string | undefined, output: string | undefined): Promise<number> {
  if (files.length !== 1) throw new UsageError('factsheet takes exactly one FILE');
  if (section === undefined || !section.trim()) throw new UsageError('factsheet needs --section "TITLE"');
  if (to === undefined) throw new UsageError('factsheet needs --to docx or --to html');
  if (!FORMATS.includes(to)) throw new UsageError(`unknown factsheet format "${to}": use docx or html`);
  const target = checkOutputPath('factsheet', output, to === 'docx' ? 'OUT.docx' : 'OUT.html', files);
  const [file] = files;
  const model = parseSubmission(readSubmission(file));
  let content;
  try {
    content = factsheetContent(model, checkFrontMatter(model).data, section);
  } catch (error) {
    if (error instanceof UnknownSectionError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  writeFileAtomically(target, to === 'docx' ? await factsheetDocx(content) : factsheetHtml(content));
  process.stdout.write(
    `${target}: factsheet on "${content.title}", ${content.keyFacts.length} key facts, ${content.previousRecommendations.length} previous and ${content.newRecommendations.length} new recommendations\n`,
  );
  return 0;
}
