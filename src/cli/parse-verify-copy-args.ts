import { parseStrictArgs } from './parse-strict-args';

export const VERIFY_COPY_USAGE = `  iot-bulk verify-copy <source devices.txt> <target devices.txt>
                   [--configurations <source configurations.txt> <target configurations.txt>] [--json]
                   The diff of the two exports (version fields and reported properties excluded, as
                   \`diff\` does) read as a copy's result: "N of N identical" or the differences. The
                   edge runtime's modules, whose keys the target makes itself, are named apart.
                   Exit 0 when identical, 1 when anything differs.`;

export interface VerifyCopyCommand {
  command: 'verify-copy';
  source: string;
  target: string;
  configurations: { source: string; target: string } | undefined;
  json: boolean;
}

/** argv starts after "verify-copy"; --configurations takes the two files that follow it. */
export function parseVerifyCopyArgs(
  argv: string[],
): { ok: VerifyCopyCommand } | { usageError: string } {
  const at = argv.indexOf('--configurations');
  const rest = at < 0 ? argv : [...argv.slice(0, at), ...argv.slice(at + 3)];
  const pair = at < 0 ? undefined : argv.slice(at + 1, at + 3);
  if (pair && (pair.length < 2 || pair.some((p) => p.startsWith('--'))))
    return { usageError: '--configurations needs two files: <source> <target>' };
  const result = parseStrictArgs(rest, {
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  });
  if (result.usageError !== undefined) return { usageError: result.usageError };
  const [source, target, ...extra] = result.parsed.positionals;
  if (!source || !target) return { usageError: 'verify-copy needs two exports: <source> <target>' };
  if (extra.length > 0) return { usageError: `unexpected argument "${extra[0]}"` };
  return {
    ok: {
      command: 'verify-copy',
      source,
      target,
      configurations: pair ? { source: pair[0] ?? '', target: pair[1] ?? '' } : undefined,
      json: result.parsed.values.json,
    },
  };
}
