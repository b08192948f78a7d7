// Generates a realistic UPR joint submission (*.upr.md) with an exact number of counted words:
// front matter, an executive summary, thematic sections with numbered paragraphs, a
// "Recommendations" subsection under each, references such as `A/HRC/15/2, para. 76.27` and
// `SDG 5.2`, footnote markers and definitions, a drafting comment and a link.
//
// Deterministic for a given seed. The word count is kept by the generator itself, independently
// of the product's counter: only plain prose is counted; front matter, paragraph numbers, list
// markers, footnote markers, comments and link URLs are added uncounted, as the format says.

import { seededRandom } from '../test/seededRandom';

export interface GenerateOptions {
  /** Counted words, footnotes included (default 5,630: the joint submission limit). */
  words?: number;
  /** Numbered paragraphs (default 60). */
  paragraphs?: number;
  /** Recommendations, spread over the Recommendations subsections (default 60). */
  recommendations?: number;
  /** Thematic sections, each with a Recommendations subsection (default 8). */
  themes?: number;
  footnotes?: number;
  seed?: number;
}

export interface GeneratedSubmission {
  text: string;
  words: number;
  paragraphs: number;
  recommendations: number;
  footnotes: number;
  /** Headings in document order with their levels. */
  sections: { title: string; level: number }[];
}

const THEMES = [
  'Equality and non-discrimination',
  'Right to education',
  'Right to health',
  'Access to justice',
  'Right to work and employment',
  'Accessibility and independent living',
  'Participation in political and public life',
  'Violence against women and girls',
  'Children deprived of family care',
  'Data collection and statistics',
  'Freedom of expression and association',
  'Right to an adequate standard of living',
];

const SUBJECTS = ['the State', 'the Government', 'the Ministry of Labour', 'the Ombudsperson', 'local authorities', 'the Parliament', 'the coalition', 'civil society organisations'];
const VERBS = ['adopted', 'reviewed', 'amended', 'funded', 'monitored', 'postponed', 'consulted on', 'implemented', 'reported on', 'announced'];
const OBJECTS = ['a national action plan', 'the law on social protection', 'inclusive education programmes', 'the budget for rehabilitation services', 'accessible polling stations', 'guidelines on reasonable accommodation', 'the strategy on deinstitutionalisation', 'complaint mechanisms for persons with disabilities', 'disaggregated data on employment', 'shelters for survivors of violence'];
const TAILS = ['in rural regions', 'without meaningful consultation', 'despite repeated recommendations', 'since the previous review', 'with support from international partners', 'in Bishkek and Osh', 'for children and adolescents', 'without a dedicated budget line', 'in line with international standards', 'only partially'];
const ACTIONS = ['Adopt', 'Amend', 'Ensure', 'Allocate', 'Establish', 'Ratify', 'Guarantee', 'Strengthen', 'Develop', 'Repeal'];
const FILLER = ['however', 'moreover', 'in practice', 'according to members of the coalition', 'as documented by monitoring visits', 'in particular'];
const SYMBOLS = ['A/HRC/15/2', 'A/HRC/29/4', 'A/HRC/44/10', 'CRPD/C/KGZ/CO/1', 'CEDAW/C/KGZ/CO/5', 'E/C.12/KGZ/CO/2-3'];
const SDG_TARGETS = ['4.5', '5.2', '8.5', '10.2', '11.2', '16.3', '16.7', '17.18'];

/** Words as the format counts them in plain prose: whitespace-separated, with a letter or digit. */
export function countPlainWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

export function generateSubmission(options: GenerateOptions = {}): GeneratedSubmission {
  const targetWords = options.words ?? 5630;
  const paragraphCount = options.paragraphs ?? 60;
  const recommendationCount = options.recommendations ?? 60;
  const themeCount = Math.min(options.themes ?? 8, THEMES.length);
  const footnoteCount = options.footnotes ?? 20;
  const random = seededRandom(options.seed ?? 20240521);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  // Tokens of prose; each is exactly one counted word.
  const reference = () => [`${pick(SYMBOLS)},`, 'para.', `${1 + Math.floor(random() * 140)}.${1 + Math.floor(random() * 30)}`];
  const sentenceTokens = (): string[] => {
    const parts = [pick(SUBJECTS), pick(VERBS), pick(OBJECTS), pick(TAILS)];
    if (random() < 0.3) parts.splice(1, 0, pick(FILLER));
    const tokens = parts.join(' ').split(' ');
    tokens[0] = tokens[0][0].toUpperCase() + tokens[0].slice(1);
    return tokens;
  };
  /** Exactly `n` words of prose, in sentences, with references now and then. */
  const prose = (n: number, allowReferences: boolean): string[] => {
    const tokens: string[] = [];
    while (tokens.length < n) {
      const sentence = sentenceTokens();
      if (allowReferences && random() < 0.25) sentence.push('(see', ...reference().map((t, i, all) => (i === all.length - 1 ? `${t})` : t)));
      else if (allowReferences && random() < 0.15) sentence.push('under', 'SDG', pick(SDG_TARGETS));
      tokens.push(...sentence.slice(0, n - tokens.length));
      tokens[tokens.length - 1] = tokens[tokens.length - 1].replace(/[,.]?$/, '.');
    }
    return tokens;
  };

  const lines: string[] = [];
  let words = 0;
  const sections: { title: string; level: number }[] = [];
  const heading = (level: number, title: string) => {
    lines.push(`${'#'.repeat(level)} ${title}`, '');
    sections.push({ title, level });
    words += countPlainWords(title);
  };

  // Front matter: not counted.
  lines.push(
    '---',
    'type: joint',
    'state: Kyrgyzstan',
    'cycle: 4',
    'session: 49',
    'language: en',
    'title: Rights of persons with disabilities in Kyrgyzstan',
    'coalition:',
    '  name: Coalition for Disability Rights in Kyrgyzstan',
    '  members:',
    '    - organisation: Association of Parents of Children with Disabilities',
    '      region: Bishkek',
    '      role: rapporteur',
    '    - organisation: Bishkek Disability Rights Centre',
    '      role: member',
    '    - organisation: Osh Women with Disabilities Network',
    '      region: Osh',
    '      role: member',
    'deadline: 2025-10-09',
    '---',
    '',
  );

  // Recommendations and footnotes have fixed lengths; the numbered paragraphs take the rest.
  const recommendationTexts: string[] = [];
  for (let i = 0; i < recommendationCount; i++) {
    const tokens = `${pick(ACTIONS)} ${pick(OBJECTS)} ${pick(TAILS)}`.split(' ');
    if (random() < 0.5) tokens.push('and', 'report', 'on', 'progress', 'before', 'the', 'next', 'review');
    if (i % 3 === 0) tokens.push('in', 'line', 'with', 'SDG', `${pick(SDG_TARGETS)}.`);
    else if (i % 3 === 1) tokens.push('(see', `${pick(SYMBOLS)},`, 'para.', `${1 + Math.floor(random() * 140)}.${1 + Math.floor(random() * 30)}).`);
    else tokens[tokens.length - 1] += '.';
    recommendationTexts.push(tokens.join(' '));
  }
  // Every third paragraph, from the second, carries a footnote marker, as far as footnotes go.
  const usedFootnotes = Math.min(footnoteCount, Math.floor((paragraphCount + 1) / 3));
  const footnoteTexts: string[] = [];
  for (let i = 0; i < usedFootnotes; i++) {
    footnoteTexts.push(
      i % 2 === 0
        ? `${pick(SYMBOLS)}, para. ${1 + Math.floor(random() * 140)}.${1 + Math.floor(random() * 30)}.`
        : `Interview with a member organisation, ${pick(['Bishkek', 'Osh', 'Naryn', 'Karakol'])}, March 2024.`,
    );
  }

  const themes = THEMES.slice(0, themeCount);
  const summaryParagraphs = Math.max(1, Math.round(paragraphCount * 0.1));
  const methodologyParagraphs = 1;
  const thematicParagraphs = paragraphCount - summaryParagraphs - methodologyParagraphs;

  // Count everything fixed, to size the paragraphs.
  const fixedTitles = [
    'Executive summary',
    'Methodology and consultation',
    'Follow-up to the third cycle review',
    ...themes.flatMap((theme, i) => [`${String.fromCharCode(65 + i)}. ${theme}`, `Recommendations on ${theme.toLowerCase()}`]),
    'Notes',
  ];
  // A link: its text is counted, its URL is not.
  const linkSentence = 'See the coalition report';
  const fixedWords =
    fixedTitles.reduce((sum, title) => sum + countPlainWords(title), 0) +
    recommendationTexts.reduce((sum, text) => sum + countPlainWords(text), 0) +
    footnoteTexts.reduce((sum, text) => sum + countPlainWords(text), 0) +
    countPlainWords(linkSentence);
  const paragraphWords = targetWords - fixedWords;
  if (paragraphWords < paragraphCount * 5) throw new Error(`${targetWords} words are too few for this structure`);
  const sizes = Array.from({ length: paragraphCount }, (_, i) =>
    Math.floor(paragraphWords / paragraphCount) + (i < paragraphWords % paragraphCount ? 1 : 0),
  );

  let paragraphNumber = 0;
  let footnoteNumber = 0;
  const paragraph = (extra?: (tokens: string[]) => void) => {
    const tokens = prose(sizes[paragraphNumber], true);
    extra?.(tokens);
    words += tokens.length; // one counted word per token
    if (footnoteNumber < usedFootnotes && paragraphNumber % 3 === 1) {
      footnoteNumber++;
      tokens[tokens.length - 1] += `[^${footnoteNumber}]`;
    }
    paragraphNumber++;
    lines.push(`${paragraphNumber}. ${tokens.join(' ')}`, '');
  };

  heading(1, 'Executive summary');
  for (let i = 0; i < summaryParagraphs; i++) paragraph();
  heading(1, 'Methodology and consultation');
  lines.push('<!-- drafting note: add the list of consultations held in the regions before submitting -->', '');
  paragraph((tokens) => tokens.push('See', 'the', '[coalition', 'report](https://example.org/coalition/report-2024.pdf).'));
  heading(1, 'Follow-up to the third cycle review');
  let recommendationIndex = 0;
  themes.forEach((theme, i) => {
    heading(2, `${String.fromCharCode(65 + i)}. ${theme}`);
    const share = Math.floor(thematicParagraphs / themeCount) + (i < thematicParagraphs % themeCount ? 1 : 0);
    for (let p = 0; p < share; p++) paragraph();
    heading(3, `Recommendations on ${theme.toLowerCase()}`);
    const items = Math.floor(recommendationCount / themeCount) + (i < recommendationCount % themeCount ? 1 : 0);
    for (let r = 0; r < items; r++) {
      const text = recommendationTexts[recommendationIndex++];
      words += countPlainWords(text);
      lines.push(`- ${text}`);
    }
    lines.push('');
  });
  heading(1, 'Notes');
  for (let i = 0; i < footnoteNumber; i++) {
    words += countPlainWords(footnoteTexts[i]);
    lines.push(`[^${i + 1}]: ${footnoteTexts[i]}`);
  }
  if (words !== targetWords) throw new Error(`generated ${words} words instead of ${targetWords}`);
  lines.push('');

  return {
    text: lines.join('\n'),
    words,
    paragraphs: paragraphNumber,
    recommendations: recommendationIndex,
    footnotes: footnoteNumber,
    sections,
  };
}
