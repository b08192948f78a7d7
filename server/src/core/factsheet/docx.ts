// The factsheet as a Word document (the same content as the HTML page), made with `docx`: A4,
// headings, the key facts with their sources as real footnotes, a status table for the previous
// recommendations, the new recommendations as a numbered list with their SDG targets.

import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { FactsheetContent } from './content';
import type { ImplementationStatus } from './labels';

const ACCENT = '0B6FA4';
const MUTED = '51606F';
const STATUS_FILL: Record<ImplementationStatus, string> = {
  implemented: 'D9F2E3',
  partiallyImplemented: 'FDF0CC',
  notImplemented: 'FBDCDC',
  notAssessed: 'E8ECF0',
};
const RECOMMENDATIONS_LIST = 'factsheet-recommendations';
// A4 in twentieths of a point, with 16 mm margins.
const PAGE = { width: 11906, height: 16838, margin: 907 };

export async function factsheetDocx(content: FactsheetContent): Promise<Buffer> {
  const { labels } = content;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: labels.factsheet.toUpperCase(), color: ACCENT, bold: true, size: 17 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: content.title, bold: true, size: 40 })] }),
  ];
  for (const line of [content.submissionTitle, content.review]) {
    if (line) children.push(new Paragraph({ children: [new TextRun({ text: line, color: MUTED, size: 18 })] }));
  }
  if (content.issue.length) {
    children.push(heading(labels.issue), ...content.issue.map((text) => new Paragraph({ text, spacing: { after: 80 } })));
  }
  // Footnote ids follow the sources' numbers, so a fact's source n is footnote n.
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  content.sources.forEach((source, index) => {
    footnotes[index + 1] = { children: [new Paragraph({ text: source })] };
  });
  if (content.keyFacts.length) {
    children.push(heading(labels.keyFacts));
    for (const fact of content.keyFacts) {
      children.push(
        new Paragraph({
          bullet: { level: 0 },
          shading: { type: ShadingType.CLEAR, fill: 'EEF5FA', color: 'auto' },
          spacing: { after: 60 },
          children: [new TextRun(fact.text), ...fact.sources.map((source) => new FootnoteReferenceRun(source))],
        }),
      );
    }
  }
  children.push(heading(labels.previousRecommendations));
  if (content.previousRecommendations.length) {
    const cell = (text: string, options: { bold?: boolean; fill?: string } = {}) =>
      new TableCell({
        shading: options.fill ? { type: ShadingType.CLEAR, fill: options.fill, color: 'auto' } : undefined,
        margins: { top: 60, bottom: 60, left: 100, right: 100 },
        children: [new Paragraph({ children: [new TextRun({ text, bold: options.bold, size: 19 })] })],
      });
    const rule = { style: BorderStyle.SINGLE, size: 4, color: 'E1E8EE' };
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders: { top: none, left: none, right: none, bottom: rule, insideHorizontal: rule, insideVertical: none },
        rows: [
          new TableRow({ tableHeader: true, children: [cell(labels.reference, { bold: true }), cell(labels.status, { bold: true })] }),
          ...content.previousRecommendations.map(
            (recommendation) =>
              new TableRow({
                children: [
                  cell(recommendation.reference),
                  cell(recommendation.statusText ?? labels.statuses[recommendation.status], { fill: STATUS_FILL[recommendation.status] }),
                ],
              }),
          ),
        ],
      }),
    );
  } else {
    children.push(muted(labels.noPreviousRecommendations));
  }
  children.push(heading(labels.newRecommendations));
  if (content.newRecommendations.length) {
    for (const recommendation of content.newRecommendations) {
      children.push(new Paragraph({ numbering: { reference: RECOMMENDATIONS_LIST, level: 0 }, spacing: { after: 20 }, text: recommendation.text }));
      if (recommendation.targets.length) {
        const runs = recommendation.targets.flatMap((target, index) => [
          ...(index ? [new TextRun({ text: '; ', color: MUTED, size: 17 })] : []),
          new TextRun({ text: target.label, bold: true, color: ACCENT, size: 17 }),
          new TextRun({ text: `${target.suggested ? ` (${labels.suggested})` : ''}${target.text ? ` — ${target.text}` : ''}`, color: MUTED, size: 17 }),
        ]);
        children.push(
          new Paragraph({ indent: { left: 360 }, spacing: { after: 100 }, children: [new TextRun({ text: `${labels.sdgTargets}: `, color: MUTED, size: 17 }), ...runs] }),
        );
      }
    }
  } else {
    children.push(muted(labels.noNewRecommendations));
  }
  if (content.members.length || content.coalitionName) {
    children.push(heading(labels.coalition));
    if (content.coalitionName) children.push(new Paragraph({ children: [new TextRun({ text: content.coalitionName, bold: true })] }));
    for (const member of content.members) {
      const details = [member.region, member.role].filter(Boolean).join(', ');
      children.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun({ text: member.organisation, size: 19 }), ...(details ? [new TextRun({ text: ` (${details})`, color: MUTED, size: 19 })] : [])],
        }),
      );
    }
  }
  const document = new Document({
    title: `${labels.factsheet}: ${content.title}`,
    creator: content.coalitionName ?? '',
    styles: { default: { document: { run: { font: 'Calibri', size: 21, color: '1D2733' } } } },
    numbering: {
      config: [
        {
          reference: RECOMMENDATIONS_LIST,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 360, hanging: 360 } } } }],
        },
      ],
    },
    footnotes,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function heading(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 80 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'D5E3EC', space: 2 } },
    children: [new TextRun({ text, bold: true, color: ACCENT, size: 24 })],
  });
}

function muted(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, italics: true, color: MUTED })] });
}
