import type { DeviceStatus, TwinCollection } from '../model/export-import-device';
import { checkDeviceId } from '../convert/validate-device-id';
import { encodeBase64 } from '../convert/base64';
import {
  DESIRED_MAX_BYTES,
  TAGS_MAX_BYTES,
  validateTwinCollection,
} from '../convert/validate-twin-collection';

// Test devices for a hub, as the import file the console and `iot-bulk generate` upload: the first
// flow of the import/export article's sample (docs/bulk-flows.md, "Generate test devices"). Ids
// come from a pattern with one counter placeholder, `{n}` or `{n:W}` (zero-padded to W digits), so
// every id is distinct and the whole set can be described, checked and regenerated from the spec.

export type GeneratedKeys = 'here' | 'hub';

export interface GenerateSpec {
  /** For example `sensor-{n:6}` gives sensor-000001, sensor-000002, ... */
  pattern: string;
  count: number;
  /** The first counter value. */
  start: number;
  /** `here`: 32 random bytes per key written into the file; `hub`: the hub creates the keys. */
  keys: GeneratedKeys;
  status: DeviceStatus;
  mode: 'create' | 'createOrUpdate';
  tags?: TwinCollection | undefined;
  desired?: TwinCollection | undefined;
  iotEdge?: boolean | undefined;
}

export type GenerateField = 'pattern' | 'count' | 'start' | 'tags' | 'desired';

export interface GenerateProblem {
  field: GenerateField;
  message: string;
}

/** One import job is the unit of work; the article's largest sample run is a million devices. */
export const MAX_GENERATED_DEVICES = 1_000_000;
const KEY_BYTES = 32;
const PLACEHOLDER = /\{n(?::(\d{1,2}))?\}/g;

interface ParsedPattern {
  prefix: string;
  suffix: string;
  width: number;
}

function parsePattern(pattern: string): ParsedPattern | string {
  const matches = [...pattern.matchAll(PLACEHOLDER)];
  if (matches.length !== 1)
    return matches.length === 0
      ? 'The pattern needs one counter placeholder, {n} or {n:6} for six zero-padded digits.'
      : 'The pattern may hold only one counter placeholder.';
  const match = matches[0]!;
  const width = match[1] === undefined ? 0 : Number(match[1]);
  if (width > 12) return 'A counter of more than 12 digits is not needed: use {n:12} or fewer.';
  return {
    prefix: pattern.slice(0, match.index),
    suffix: pattern.slice(match.index + match[0].length),
    width,
  };
}

const idOf = (p: ParsedPattern, n: number): string =>
  `${p.prefix}${String(n).padStart(p.width, '0')}${p.suffix}`;

/** Every problem of a spec, each on the field that causes it; empty when it can be generated. */
export function checkGenerateSpec(spec: GenerateSpec): GenerateProblem[] {
  const problems: GenerateProblem[] = [];
  if (!Number.isInteger(spec.count) || spec.count < 1 || spec.count > MAX_GENERATED_DEVICES)
    problems.push({
      field: 'count',
      message: `The count must be a whole number from 1 to ${MAX_GENERATED_DEVICES.toLocaleString('en-US')}.`,
    });
  if (!Number.isInteger(spec.start) || spec.start < 0)
    problems.push({
      field: 'start',
      message: 'The first number must be a whole number, 0 or more.',
    });
  const parsed = parsePattern(spec.pattern);
  if (typeof parsed === 'string') problems.push({ field: 'pattern', message: parsed });
  else if (problems.length === 0) {
    // Only the counter varies, and it is digits: the first and the longest id stand for all.
    const last = spec.start + spec.count - 1;
    for (const id of [idOf(parsed, spec.start), idOf(parsed, last)]) {
      const check = checkDeviceId(id);
      if (check !== 'ok') {
        problems.push({ field: 'pattern', message: idProblem(id, check) });
        break;
      }
    }
  }
  for (const [field, collection, maxBytes] of [
    ['tags', spec.tags, TAGS_MAX_BYTES],
    ['desired', spec.desired, DESIRED_MAX_BYTES],
  ] as const) {
    if (!collection) continue;
    const problem = validateTwinCollection(collection, maxBytes, true, true);
    if (problem !== null)
      problems.push({
        field,
        message: `The ${field === 'tags' ? 'tags' : 'desired properties'} break the hub's twin rules (${problem.kind}).`,
      });
  }
  return problems;
}

function idProblem(id: string, check: string): string {
  if (check === 'too-long') return `The id "${id.slice(0, 40)}…" is over 128 characters.`;
  if (check === 'plus-or-hash')
    return `The id "${id}" holds + or #, which the hub's documentation does not support.`;
  return `The id "${id}" holds characters the hub does not allow in an id (letters, digits and - . % _ * ? ! ( ) , : = @ $ ' only).`;
}

/** The import lines of a checked spec, `batch` lines per yielded chunk (LF-terminated). */
export function* generateImportLines(
  spec: GenerateSpec,
  randomBytes: (length: number) => Uint8Array,
  batch = 10_000,
): Generator<string> {
  const parsed = parsePattern(spec.pattern);
  if (typeof parsed === 'string' || checkGenerateSpec(spec).length > 0)
    throw new Error('generateImportLines needs a spec that checkGenerateSpec accepts');
  // Everything after the id and the keys is the same on every line: serialise it once.
  const head = `","importMode":"${spec.mode}","status":"${spec.status}"`;
  const twin =
    (spec.tags ? `,"tags":${JSON.stringify(spec.tags)}` : '') +
    (spec.desired ? `,"properties":{"desired":${JSON.stringify(spec.desired)}}` : '') +
    (spec.iotEdge ? ',"capabilities":{"iotEdge":true}' : '');
  const key = (): string => encodeBase64(randomBytes(KEY_BYTES));
  let lines: string[] = [];
  const end = spec.start + spec.count;
  for (let n = spec.start; n < end; n++) {
    const auth =
      spec.keys === 'here'
        ? `,"authentication":{"symmetricKey":{"primaryKey":"${key()}","secondaryKey":"${key()}"},"type":"sas"}`
        : '';
    lines.push(`{"id":"${idOf(parsed, n)}${head}${auth}${twin}}\n`);
    if (lines.length === batch) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join('');
}

/** The ids a spec makes, for a preview: the first `count` of them. */
export function previewIds(spec: GenerateSpec, count: number): string[] {
  const parsed = parsePattern(spec.pattern);
  if (typeof parsed === 'string') return [];
  const shown = Math.max(0, Math.min(count, spec.count));
  return Array.from({ length: shown }, (_, i) => idOf(parsed, spec.start + i));
}
