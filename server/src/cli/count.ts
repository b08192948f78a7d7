// upr count FILE [--format text|json]: words, limit and words per section.

import { analyseText } from '../core/analyse';
import type { CommandConfigs } from './config';
import { readSubmission } from './input';
import { UsageError } from './usage';

export function count(files: string[], format: 'text' | 'json', configs: CommandConfigs): number {
  if (files.length !== 1) throw new UsageError('count takes exactly one FILE');
  const analysis = analyseText(readSubmission(files[0]), configs.forFile(files[0]));
  const result = {
    words: analysis.wordCount.words,
    limit: analysis.wordLimit.limit,
    sections: analysis.wordCount.sections.map(({ title, words }) => ({ title, words })),
  };
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    process.stdout.write(`${result.words} / ${result.limit} words\n`);
    for (const section of result.sections) process.stdout.write(`${String(section.words).padStart(7)}  ${section.title}\n`);
  }
  return 0;
}
