// The factsheet as one self-contained HTML page, laid out for A4 print (one or two pages): inline
// CSS, no scripts, no external resources, every piece of the submission's text escaped.

import type { FactsheetContent } from './content';

const STYLE = `
@page { size: A4; margin: 16mm 16mm 18mm; }
* { box-sizing: border-box; }
body { margin: 0; font: 10.5pt/1.45 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1d2733; }
main { max-width: 178mm; margin: 0 auto; padding: 8mm 0; }
header { border-left: 6px solid #0b6fa4; padding: 2mm 0 2mm 5mm; margin-bottom: 6mm; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 8.5pt; color: #0b6fa4; font-weight: 600; margin: 0; }
h1 { font-size: 20pt; line-height: 1.2; margin: 1mm 0 1mm; }
.review { margin: 0; color: #51606f; font-size: 9pt; }
h2 { font-size: 12pt; color: #0b6fa4; margin: 5mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid #d5e3ec; break-after: avoid; }
p, li { margin: 0 0 1.5mm; }
section { break-inside: avoid-page; }
.facts { list-style: none; padding: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 2.5mm; }
.facts li { background: #eef5fa; border-radius: 2mm; padding: 2.5mm 3mm; margin: 0; break-inside: avoid; }
sup { font-size: 7pt; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
th, td { text-align: left; padding: 1.5mm 2mm; border-bottom: 1px solid #e1e8ee; vertical-align: top; }
th { font-weight: 600; color: #51606f; }
.status { display: inline-block; padding: .3mm 2mm; border-radius: 3mm; font-size: 8.5pt; white-space: nowrap; }
.status-implemented { background: #d9f2e3; color: #14532d; }
.status-partiallyImplemented { background: #fdf0cc; color: #6b4a00; }
.status-notImplemented { background: #fbdcdc; color: #7a1c1c; }
.status-notAssessed { background: #e8ecf0; color: #3b4652; }
.recommendations { padding-left: 5mm; }
.recommendations li { margin-bottom: 2.5mm; break-inside: avoid; }
.targets { display: block; margin-top: .8mm; font-size: 8.5pt; color: #51606f; }
.target { font-weight: 600; color: #0b6fa4; }
.members { columns: 2; padding-left: 5mm; font-size: 9.5pt; }
.sources { font-size: 8pt; color: #51606f; padding-left: 5mm; }
.empty { color: #51606f; font-style: italic; }
@media screen { body { background: #f3f5f7; } main { background: #fff; padding: 14mm 16mm; margin: 8mm auto; box-shadow: 0 1px 4px rgba(0,0,0,.15); } }
`;

export function factsheetHtml(content: FactsheetContent): string {
  const { labels } = content;
  const parts: string[] = [];
  parts.push(
    `<header><p class="kicker">${escapeHtml(labels.factsheet)}</p><h1>${escapeHtml(content.title)}</h1>` +
      (content.submissionTitle ? `<p class="review">${escapeHtml(content.submissionTitle)}</p>` : '') +
      (content.review ? `<p class="review">${escapeHtml(content.review)}</p>` : '') +
      `</header>`,
  );
  if (content.issue.length) {
    parts.push(section(labels.issue, content.issue.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('')));
  }
  if (content.keyFacts.length) {
    const facts = content.keyFacts.map((fact) => `<li>${escapeHtml(fact.text)}${fact.sources.map((source) => `<sup>${source}</sup>`).join('')}</li>`);
    parts.push(section(labels.keyFacts, `<ul class="facts">${facts.join('')}</ul>`));
  }
  const previous = content.previousRecommendations.length
    ? `<table><thead><tr><th>${escapeHtml(labels.reference)}</th><th>${escapeHtml(labels.status)}</th></tr></thead><tbody>` +
      content.previousRecommendations
        .map(
          (recommendation) =>
            `<tr><td>${escapeHtml(recommendation.reference)}</td><td><span class="status status-${recommendation.status}">` +
            `${escapeHtml(recommendation.statusText ?? labels.statuses[recommendation.status])}</span></td></tr>`,
        )
        .join('') +
      `</tbody></table>`
    : `<p class="empty">${escapeHtml(labels.noPreviousRecommendations)}</p>`;
  parts.push(section(labels.previousRecommendations, previous));
  const recommendations = content.newRecommendations.length
    ? `<ol class="recommendations">${content.newRecommendations
        .map((recommendation) => {
          const targets = recommendation.targets
            .map(
              (target) =>
                `<span class="target">${escapeHtml(target.label)}</span>${target.suggested ? ` (${escapeHtml(labels.suggested)})` : ''}` +
                (target.text ? ` — ${escapeHtml(target.text)}` : ''),
            )
            .join('; ');
          return `<li>${escapeHtml(recommendation.text)}${targets ? `<span class="targets">${escapeHtml(labels.sdgTargets)}: ${targets}</span>` : ''}</li>`;
        })
        .join('')}</ol>`
    : `<p class="empty">${escapeHtml(labels.noNewRecommendations)}</p>`;
  parts.push(section(labels.newRecommendations, recommendations));
  if (content.members.length || content.coalitionName) {
    const members = content.members
      .map((member) => {
        const details = [member.region, member.role].filter(Boolean).join(', ');
        return `<li>${escapeHtml(member.organisation)}${details ? ` <span class="empty">(${escapeHtml(details)})</span>` : ''}</li>`;
      })
      .join('');
    const name = content.coalitionName ? `<p><strong>${escapeHtml(content.coalitionName)}</strong></p>` : '';
    parts.push(section(labels.coalition, `${name}${members ? `<ul class="members">${members}</ul>` : ''}`));
  }
  if (content.sources.length) {
    parts.push(section(labels.sources, `<ol class="sources">${content.sources.map((source) => `<li>${escapeHtml(source)}</li>`).join('')}</ol>`));
  }
  return (
    `<!DOCTYPE html>\n<html lang="${content.language}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(`${labels.factsheet}: ${content.title}`)}</title>\n<style>${STYLE}</style>\n</head>\n` +
    `<body>\n<main>\n${parts.join('\n')}\n</main>\n</body>\n</html>\n`
  );
}

function section(title: string, body: string): string {
  return `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
