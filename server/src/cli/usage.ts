// What the command line says when it is used wrongly: exit 2 with one line on standard error.

export const USAGE = `Usage:
  upr check FILE... [--format text|json|sarif] [--locale en|ru] [--config FILE] [--references DIR]
  upr count FILE [--format text|json] [--locale en|ru] [--config FILE]
  upr classify [--lang en|ru|fr|es] [--config FILE] < recommendations.txt
  upr import FILE.csv|FILE.json -o OUT.json [--locale en|ru]
  upr export FILE --to docx -o OUT.docx [--force] [--locale en|ru] [--config FILE]
  upr matrix FILE... --to csv -o OUT.csv [--config FILE]
  upr factsheet FILE --section "TITLE" --to docx|html -o OUT

Without --config, the nearest .upr/config.yaml above each submission (above the working folder
for classify) applies.`;

/** Unusable input or usage: reported as `upr: MESSAGE` on one line, exit code 2. */
export class UsageError extends Error {}
