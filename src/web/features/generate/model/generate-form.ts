import type { GenerateProblem, GenerateSpec } from '../../../../core/bulk/generate-devices';
import { checkGenerateSpec } from '../../../../core/bulk/generate-devices';
import type { TwinCollection } from '../../../../core/model/export-import-device';

// The generate page's form as typed (every field text, so a half-typed number is not lost) and its
// reading into the core's GenerateSpec, with every problem on the field that causes it. Values
// read like the CLI's `--tag name=value` (docs/bulk-flows.md, "Generate test devices"): text that
// parses as JSON (30, true, {"a":1}) is taken as such, anything else as a string.

export interface NameValueRow {
  name: string;
  value: string;
}

export interface GenerateForm {
  count: string;
  pattern: string;
  start: string;
  keys: GenerateSpec['keys'];
  status: GenerateSpec['status'];
  mode: GenerateSpec['mode'];
  tags: NameValueRow[];
  desired: NameValueRow[];
}

export const DEFAULT_GENERATE_FORM: GenerateForm = {
  count: '100',
  pattern: 'device-{n:6}',
  start: '1',
  keys: 'hub',
  status: 'enabled',
  mode: 'create',
  tags: [],
  desired: [],
};

export interface ReadGenerateForm {
  spec: GenerateSpec;
  problems: GenerateProblem[];
}

function readValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function readRows(
  field: 'tags' | 'desired',
  rows: readonly NameValueRow[],
): { collection?: TwinCollection; problem?: GenerateProblem } {
  const collection: TwinCollection = {};
  const words = field === 'tags' ? 'tag' : 'desired property';
  for (const [i, row] of rows.entries()) {
    const name = row.name.trim();
    if (name === '' && row.value.trim() === '') continue;
    if (name === '')
      return { problem: { field, message: `Row ${i + 1}: the ${words} needs a name.` } };
    if (Object.hasOwn(collection, name))
      return { problem: { field, message: `Row ${i + 1}: "${name}" is named twice.` } };
    collection[name] = readValue(row.value.trim());
  }
  return Object.keys(collection).length > 0 ? { collection } : {};
}

const wholeNumber = (text: string): number =>
  /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;

/** The spec the form describes and its problems (none: it can be generated). */
export function readGenerateForm(form: GenerateForm): ReadGenerateForm {
  const tags = readRows('tags', form.tags);
  const desired = readRows('desired', form.desired);
  const spec: GenerateSpec = {
    pattern: form.pattern,
    count: wholeNumber(form.count),
    start: wholeNumber(form.start),
    keys: form.keys,
    status: form.status,
    mode: form.mode,
    tags: tags.collection,
    desired: desired.collection,
  };
  const problems = checkGenerateSpec(spec);
  for (const row of [tags.problem, desired.problem]) if (row) problems.push(row);
  return { spec, problems };
}

/** The first problem of one field, for the text under it. */
export function problemOf(problems: readonly GenerateProblem[], field: GenerateProblem['field']) {
  return problems.find((problem) => problem.field === field)?.message;
}
