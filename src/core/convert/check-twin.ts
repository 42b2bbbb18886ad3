import {
  DESIRED_MAX_BYTES,
  TAGS_MAX_BYTES,
  utf8Length,
  validateTwinCollection,
  type TwinProblem,
} from './validate-twin-collection';
import {
  hasLongJsonStringValue,
  isControlCharacter,
  TWIN_KEY_MAX_BYTES,
  TWIN_VALUE_MAX_BYTES,
} from './twin-property-limits';
import type { ReportBuilder } from './report-builder';
import type { RowDraft } from './row-draft';
import type { IssueCodeOf } from '../issues/issue-catalogue';

// Keys can be 1 KB: the message shows a short, escaped start so control characters are visible.
function shown(key: string): string {
  return JSON.stringify(key.length > 40 ? key.slice(0, 40) + '…' : key);
}

function firstControl(key: string): string {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (isControlCharacter(c)) return 'U+' + c.toString(16).toUpperCase().padStart(4, '0');
  }
  return 'a control character';
}

/** [field, code, message] of one problem; `root` is `tags` or `properties.desired`. */
function describe(
  problem: NonNullable<TwinProblem>,
  root: string,
  maxBytes: number,
): [string, IssueCodeOf<'error'>, string] {
  if (problem.kind === 'too-large')
    return [
      root,
      'TWIN_TOO_LARGE',
      `${root} is ${problem.bytes} bytes; the hub's limit is ${maxBytes}`,
    ];
  const field = problem.path === '' ? root : `${root}.${problem.path}`;
  if (problem.kind === 'too-deep')
    return [root, 'TWIN_TOO_DEEP', `${root} nests deeper than 10 levels`];
  if (problem.kind === 'value-too-large') {
    return [
      field,
      'TWIN_VALUE_TOO_LARGE',
      `${field} is a string over ${TWIN_VALUE_MAX_BYTES} bytes (UTF-8), the hub's limit for one property value: shorten it or split it over several properties`,
    ];
  }
  if (problem.fault === 'too-long') {
    return [
      field,
      'TWIN_KEY_TOO_LONG',
      `${field} has the key ${shown(problem.key)} of ${utf8Length(problem.key)} bytes (UTF-8); the hub's limit is ${TWIN_KEY_MAX_BYTES}: shorten the key`,
    ];
  }
  if (problem.fault === 'control') {
    return [
      field,
      'TWIN_KEY_CONTROL_CHAR',
      `${field} has the key ${shown(problem.key)}, which contains the control character ${firstControl(problem.key)}: remove it from the key`,
    ];
  }
  return [
    field,
    'TWIN_KEY_INVALID',
    `${root} has the key "${problem.key}", which may not be empty or contain ".", "$" or spaces`,
  ];
}

// The exact check serializes the collection, so it only runs when the cheap upper bound
// (6 bytes per character, the worst JSON escape) could exceed the limit or keys need a walk.
// Values are walked only when the estimate allows a string over 4 KB (3 bytes per UTF-16 unit).
function checkOne(
  collection: Record<string, unknown> | undefined,
  estimate: number,
  needKeys: boolean,
  maxBytes: number,
): TwinProblem {
  if (collection === undefined) return null;
  const needValues = estimate * 3 > TWIN_VALUE_MAX_BYTES;
  if (!needKeys && !needValues && estimate * 6 + 2 <= maxBytes) return null;
  return validateTwinCollection(collection, maxBytes, needKeys, needValues);
}

// Text-mode twins were key-checked per column and per structured cell; size and values remain.
// A UTF-16 unit is at most 3 UTF-8 bytes, so short texts skip the exact count and the value scan;
// the text is parsed only to name the field of a value that is too long.
function checkText(text: string, maxBytes: number): TwinProblem {
  if (text === '') return null;
  if (text.length * 3 + 2 > maxBytes) {
    const bytes = utf8Length(text) + 2;
    if (bytes > maxBytes) return { kind: 'too-large', bytes };
  }
  if (
    text.length * 3 <= TWIN_VALUE_MAX_BYTES ||
    !hasLongJsonStringValue(text, TWIN_VALUE_MAX_BYTES)
  )
    return null;
  return validateTwinCollection(
    JSON.parse('{' + text + '}') as Record<string, unknown>,
    Number.POSITIVE_INFINITY,
    false,
    true,
  );
}

function reportOne(
  problem: TwinProblem,
  root: string,
  maxBytes: number,
  line: number,
  row: number,
  report: ReportBuilder,
): boolean {
  if (problem === null) return false;
  const [field, code, message] = describe(problem, root, maxBytes);
  report.add(line, row, field, code, message);
  return true;
}

/** Reports twin limit violations of one row; true when there was an error. */
export function checkTwin(d: RowDraft, line: number, row: number, report: ReportBuilder): boolean {
  const tags =
    checkOne(d.tags, d.tagsEstimate, d.tagsNeedKeyCheck, TAGS_MAX_BYTES) ??
    checkText(d.tagsText, TAGS_MAX_BYTES);
  const desired =
    checkOne(d.desired, d.desiredEstimate, d.desiredNeedKeyCheck, DESIRED_MAX_BYTES) ??
    checkText(d.desiredText, DESIRED_MAX_BYTES);
  const tagsFailed = reportOne(tags, 'tags', TAGS_MAX_BYTES, line, row, report);
  return (
    reportOne(desired, 'properties.desired', DESIRED_MAX_BYTES, line, row, report) || tagsFailed
  );
}
