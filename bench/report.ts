// How the benchmarks compute and print their figures: one line per figure, beside its target.

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

export function line(label: string, value: string, target = '', labelWidth = 34): void {
  console.log(`  ${label.padEnd(labelWidth)}${value.padStart(12)}${target ? `   target ${target}` : ''}`);
}

export const verdict = (value: number, limit: number) => (value <= limit ? 'met' : 'MISSED');
