import type { GenerateSpec } from '../core/bulk/generate-devices';
import { checkGenerateSpec } from '../core/bulk/generate-devices';
import type { TwinCollection } from '../core/model/export-import-device';
import { parseStrictArgs } from './parse-strict-args';

export const GENERATE_USAGE = `  iot-bulk generate --count <n> --out <file> [--pattern <id-pattern>] [--start <n>]
                   [--keys hub|here] [--status enabled|disabled] [--mode create|createOrUpdate]
                   [--tag <name>=<value>]... [--desired <name>=<value>]... [--edge]
                   Writes the import file of <n> test devices. --pattern holds one counter, {n} or
                   {n:6} (six zero-padded digits; default "device-{n:6}"). --keys hub (default)
                   lets the hub create the keys; --keys here writes new random keys into the file.
                   A value that reads as JSON (30, true, {"a":1}) is taken as such, else as text.`;

export interface GenerateCommand {
  command: 'generate';
  out: string;
  spec: GenerateSpec;
}

function readValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function readPairs(flag: string, pairs: string[] | undefined): TwinCollection | string {
  const collection: TwinCollection = {};
  for (const pair of pairs ?? []) {
    const equals = pair.indexOf('=');
    if (equals <= 0) return `--${flag} needs <name>=<value>, got "${pair}"`;
    collection[pair.slice(0, equals)] = readValue(pair.slice(equals + 1));
  }
  return collection;
}

const wholeNumber = (text: string): number => (/^\d+$/.test(text) ? Number(text) : Number.NaN);

/** argv starts after "generate". */
export function parseGenerateArgs(
  argv: string[],
): { ok: GenerateCommand } | { usageError: string } {
  const result = parseStrictArgs(argv, {
    count: { type: 'string' },
    out: { type: 'string' },
    pattern: { type: 'string', default: 'device-{n:6}' },
    start: { type: 'string', default: '1' },
    keys: { type: 'string', default: 'hub' },
    status: { type: 'string', default: 'enabled' },
    mode: { type: 'string', default: 'create' },
    tag: { type: 'string', multiple: true },
    desired: { type: 'string', multiple: true },
    edge: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  });
  if (result.usageError !== undefined) return { usageError: result.usageError };
  const { values, positionals } = result.parsed;
  if (positionals.length > 0) return { usageError: `unexpected argument "${positionals[0]}"` };
  if (!values.count) return { usageError: 'generate needs --count <n>' };
  if (!values.out) return { usageError: 'generate needs --out <file>' };
  if (values.keys !== 'hub' && values.keys !== 'here')
    return { usageError: '--keys must be hub or here' };
  if (values.status !== 'enabled' && values.status !== 'disabled')
    return { usageError: '--status must be enabled or disabled' };
  if (values.mode !== 'create' && values.mode !== 'createOrUpdate')
    return { usageError: '--mode must be create or createOrUpdate' };
  const tags = readPairs('tag', values.tag);
  if (typeof tags === 'string') return { usageError: tags };
  const desired = readPairs('desired', values.desired);
  if (typeof desired === 'string') return { usageError: desired };
  const spec: GenerateSpec = {
    pattern: values.pattern,
    count: wholeNumber(values.count),
    start: wholeNumber(values.start),
    keys: values.keys,
    status: values.status,
    mode: values.mode,
    tags: Object.keys(tags).length > 0 ? tags : undefined,
    desired: Object.keys(desired).length > 0 ? desired : undefined,
    iotEdge: values.edge || undefined,
  };
  const problems = checkGenerateSpec(spec);
  if (problems.length > 0)
    return { usageError: problems.map((p) => `--${p.field}: ${p.message}`).join('\n') };
  return { ok: { command: 'generate', out: values.out, spec } };
}
