// Small submissions for the protocol and command line tests, with their words counted by hand.

export const JOINT_FRONT_MATTER = `---
type: joint
state: Kyrgyzstan
cycle: 4
language: en
title: Joint submission on disability rights
coalition:
  name: Coalition for Inclusion
  members:
    - organisation: Access Now Bishkek
    - organisation: Equal Steps
---
`;

/**
 * A joint submission whose third paragraph is numbered 4 (line 23).
 *
 * Words by hand (headings count, paragraph numbers and list markers do not):
 *   Executive summary       "Executive summary" 2 + "Persons with disabilities still face barriers." 6 = 8
 *   Background              "Background" 1 + "The law on the rights of persons with disabilities
 *                           was adopted in 2008." 13 = 14
 *   Recommendations         "Recommendations" 1 + "The coalition recommends that the State:" 6
 *                           + "Ratify the Optional Protocol to the CRPD by 2027." 9
 *                           + "Adopt an accessibility plan in line with SDG 11.2 by 2027." 11 = 27
 * Executive summary with its subsection: 22. Total: 49.
 */
export const GAP_SUBMISSION = `${JOINT_FRONT_MATTER}
# Executive summary

1. Persons with disabilities still face barriers.

## Background

2. The law on the rights of persons with disabilities was adopted in 2008.

# Recommendations

4. The coalition recommends that the State:

- Ratify the Optional Protocol to the CRPD by 2027.
- Adopt an accessibility plan in line with SDG 11.2 by 2027.
`;

/** The 0-based line of the first line starting with `prefix`. */
export function lineOf(text: string, prefix: string): number {
  const line = text.split('\n').findIndex((content) => content.startsWith(prefix));
  if (line < 0) throw new Error(`no line starts with ${JSON.stringify(prefix)}`);
  return line;
}

/** The paragraph numbers at the start of lines, in order. */
export function paragraphNumbers(text: string): number[] {
  return text
    .split('\n')
    .map((line) => /^(\d+)\. /.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]));
}

/**
 * An individual submission (limit 2,815) exercising what is and is not counted.
 *
 * Words by hand:
 *   Executive summary  "Executive summary" 2
 *                      + "Access to justice remains limited." 5 (link URL, footnote marker,
 *                        paragraph number not counted)
 *                      + the comment: 0
 *                      + "Доступ к правосудию ограничен." 4 (Cyrillic)
 *                      + footnote [^1], cited here: "See the 2019 report." 4
 *                      = 15
 *   Recommendations    "Recommendations" 1
 *                      + "Adopt the draft law (A/HRC/15/2, para. 76.27)." 7
 *                      + "Report on SDG 5.2 — every year." 6 (the dash is no word)
 *                      = 14
 * Total 29, of which 4 in footnotes.
 */
export const COUNTING_SUBMISSION = `---
type: individual
state: KGZ
cycle: 4
language: en
title: Counting words by hand
---

# Executive summary

1. Access to [justice](https://example.org/a-very-long-url-with-many-words-in-it) remains limited.[^1]

<!-- drafting note: these seven words are not counted -->

2. Доступ к правосудию ограничен.

# Recommendations

- Adopt the draft law (A/HRC/15/2, para. 76.27).
- Report on SDG 5.2 — every year.

[^1]: See the 2019 report.
`;

export const COUNTING_WORDS = 29;
export const COUNTING_FOOTNOTE_WORDS = 4;
export const COUNTING_SECTIONS = [
  { title: 'Executive summary', words: 15 },
  { title: 'Recommendations', words: 14 },
];
