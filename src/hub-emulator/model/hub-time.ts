// Timestamps as the hub writes them (docs/reference/hub-wire-contract.md#recorded-traffic):
// ISO-8601 UTC with 7 fractional digits and `Z`; never-set times are .NET's DateTime.MinValue,
// which the create response prints without `Z` and GET prints with `Z`.
export const MIN_TIME = '0001-01-01T00:00:00Z';
export const MIN_TIME_NO_ZONE = '0001-01-01T00:00:00';

// Imports stamp every identity of a batch with the same instant, so remember the last one.
let lastMs = Number.NaN;
let lastText = '';

export function hubTime(date: Date): string {
  const ms = date.getTime();
  if (ms !== lastMs) {
    lastText = `${date.toISOString().slice(0, -1)}0000Z`;
    lastMs = ms;
  }
  return lastText;
}

/**
 * .NET ticks (100 ns since 0001-01-01) of the instant, which is how the hub mints `generationId`.
 */
export function dotNetTicks(date: Date): string {
  const epochOffsetMs = 62_135_596_800_000n;
  return ((BigInt(date.getTime()) + epochOffsetMs) * 10_000n).toString();
}

/**
 * Tracking-id timestamp form `MM/dd/yyyy HH:mm:ss` (invariant culture, 24-hour), per recorded
 * errors.
 */
export function trackingTimestamp(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}
