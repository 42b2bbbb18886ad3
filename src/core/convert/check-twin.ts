import { DESIRED_MAX_BYTES, TAGS_MAX_BYTES, utf8Length, validateTwinCollection, type TwinProblem } from './validate-twin-collection';
import type { ReportBuilder } from './report-builder';
import type { RowDraft } from './row-draft';

function describe(problem: NonNullable<TwinProblem>, field: string, maxBytes: number): [string, string] {
  if (problem.kind === 'bad-key') return ['TWIN_KEY_INVALID', `${field} has the key "${problem.key}", which may not be empty or contain ".", "$" or spaces`];
  if (problem.kind === 'too-deep') return ['TWIN_TOO_DEEP', `${field} nests deeper than 10 levels`];
  return ['TWIN_TOO_LARGE', `${field} is ${problem.bytes} bytes; the hub's limit is ${maxBytes}`];
}

// The exact check serializes the collection, so it only runs when the cheap upper bound
// (6 bytes per character, the worst JSON escape) could exceed the limit or keys need a walk.
function checkOne(collection: Record<string, unknown> | undefined, estimate: number, needKeys: boolean, maxBytes: number): TwinProblem {
  if (collection === undefined) return null;
  if (!needKeys && estimate * 6 + 2 <= maxBytes) return null;
  return validateTwinCollection(collection, maxBytes, needKeys);
}

// Text-mode twins were key-checked per column and per structured cell; only the size remains.
// A UTF-16 unit is at most 3 UTF-8 bytes, so short texts skip the exact count.
function checkText(text: string, maxBytes: number): TwinProblem {
  if (text === '' || text.length * 3 + 2 <= maxBytes) return null;
  const bytes = utf8Length(text) + 2;
  return bytes > maxBytes ? { kind: 'too-large', bytes } : null;
}

/** Reports twin limit violations of one row; true when there was an error. */
export function checkTwin(d: RowDraft, line: number, row: number, report: ReportBuilder): boolean {
  let failed = false;
  const tags = checkOne(d.tags, d.tagsEstimate, d.tagsNeedKeyCheck, TAGS_MAX_BYTES) ?? checkText(d.tagsText, TAGS_MAX_BYTES);
  if (tags) {
    const [code, message] = describe(tags, 'tags', TAGS_MAX_BYTES);
    report.add(line, row, 'tags', code, 'error', message);
    failed = true;
  }
  const desired = checkOne(d.desired, d.desiredEstimate, d.desiredNeedKeyCheck, DESIRED_MAX_BYTES) ?? checkText(d.desiredText, DESIRED_MAX_BYTES);
  if (desired) {
    const [code, message] = describe(desired, 'properties.desired', DESIRED_MAX_BYTES);
    report.add(line, row, 'properties.desired', code, 'error', message);
    failed = true;
  }
  return failed;
}
