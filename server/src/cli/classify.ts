// upr classify [--lang en|ru|fr|es]: one recommendation per line on standard input, one JSON
// object per line on standard output, in order (JSON Lines):
//   {"category": 1..5, "label": "specific action", "smart": {"specific", "measurable", "timeBound", "singleAction"}}
// A blank line (nothing but white space) gives `null`, so output line N always answers input line N.
// Without --lang the language is detected per line. Streamed: input is read and output written a
// chunk at a time, waiting for standard output to drain, so memory does not grow with the input.

import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { SmartConfig } from '../core/config';
import { withoutCitations } from '../core/smart/citations';
import { classifyRecommendation, type Language } from '../core/smart/classify';
import { readLines } from './input';
import { UsageError } from './usage';

export const LANGUAGES: readonly Language[] = ['en', 'ru', 'fr', 'es'];

export function languageOption(value: string | undefined): Language | undefined {
  if (value === undefined || (LANGUAGES as readonly string[]).includes(value)) return value as Language | undefined;
  throw new UsageError(`unknown language "${value}": use en, ru, fr or es`);
}

/** The line's answer as one line of JSON: exactly these keys, in this order. */
export function classifyLine(text: string, language: Language | undefined, config?: SmartConfig): string {
  if (!/\S/.test(text)) return 'null';
  const { category, label, smart } = classifyRecommendation(withoutCitations(text), { language, extraVerbs: config?.extraVerbs, concreteTerms: config?.acceptedTerms });
  return JSON.stringify({
    category,
    label,
    smart: { specific: smart.specific, measurable: smart.measurable, timeBound: smart.timeBound, singleAction: smart.singleAction },
  });
}

export async function classify(
  language: Language | undefined,
  config: SmartConfig | undefined,
  input: AsyncIterable<Buffer | string> = process.stdin,
  output: Writable = process.stdout,
): Promise<number> {
  for await (const lines of readLines(input)) {
    let text = '';
    for (const line of lines) text += `${classifyLine(line, language, config)}\n`;
    if (!output.write(text)) await once(output, 'drain');
  }
  return 0;
}
