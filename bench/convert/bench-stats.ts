export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Per-round ratios a[i] / b[i] (modes measured in the same round). */
export function pairedRatios(a: number[], b: number[]): number[] {
  return a.map((value, i) => value / b[i]!);
}
