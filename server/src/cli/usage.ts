// What the command line says when it is used wrongly: exit 2 with one line on standard error.

export const USAGE = `Usage:
  upr check FILE... [--format text|json|sarif] [--locale en|ru]
  upr count FILE [--format text|json] [--locale en|ru]
  upr classify [--lang en|ru|fr|es] < recommendations.txt`;

/** Unusable input or usage: reported as `upr: MESSAGE` on one line, exit code 2. */
export class UsageError extends Error {}
