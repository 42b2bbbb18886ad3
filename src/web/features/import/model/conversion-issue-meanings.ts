import type { IssueSeverity } from '../../../../core/convert/types';

// What each conversion issue code means, in the admin's words, for the review's grouped lists, and
// the severity core gives it. The per-row message says what is wrong with that row; this says what
// the whole group is about and what to do, once. Codes are core's (src/core/convert); a code
// missing here still shows, with its first row's message standing in.
const MEANINGS: Readonly<Record<string, readonly [IssueSeverity, string]>> = {
  ID_MISSING: ['error', 'The device id is empty.'],
  ID_INVALID: [
    'error',
    'The id has characters the hub refuses. Spaces around an id: choose "Trim spaces around ids" in the options.',
  ],
  ID_TOO_LONG: ['error', 'The id is longer than the 128 characters the hub allows.'],
  ID_PLUS_OR_HASH: [
    'warning',
    'The id contains "+" or "#": the hub accepts them today, but its documentation calls them unsupported.',
  ],
  ID_TRIMMED: ['warning', 'Spaces around the id or module id were removed.'],
  DUPLICATE_ID: [
    'error',
    'The same device (or module) is already on an earlier line; each later copy is refused, and its message names the line of the first copy.',
  ],
  MODULE_ID_RESERVED: ['error', 'Module ids starting with "$" belong to the hub.'],
  MODULE_ID_INVALID: [
    'error',
    'The module id is empty, too long or has characters the hub refuses.',
  ],
  IMPORT_MODE_INVALID: ['error', 'The importMode is not one of the hub’s nine modes.'],
  STATUS_INVALID: ['error', 'The status is neither enabled nor disabled.'],
  STATUS_REASON_TOO_LONG: ['error', 'The status reason is longer than 128 characters.'],
  ETAG_REQUIRED: [
    'error',
    'The chosen mode only changes a device whose eTag matches, and the row has none.',
  ],
  TWIN_ETAG_REQUIRED: [
    'error',
    'The chosen mode only changes a twin whose eTag matches, and the row has no twinETag.',
  ],
  IOT_EDGE_INVALID: ['error', 'The IoT Edge column holds something other than true or false.'],
  PARENT_SCOPES_INVALID: [
    'error',
    'The parent scopes are neither a scope string nor a list of them.',
  ],
  AUTH_TYPE_INVALID: ['error', 'The authentication type is not one the hub knows.'],
  AUTH_TYPE_MISMATCH: [
    'error',
    'The authentication type does not fit the keys or thumbprints given.',
  ],
  KEY_INVALID: ['error', 'A key is not base64, or is not the 16 to 64 bytes the hub takes.'],
  THUMBPRINT_INVALID: ['error', 'A thumbprint is not a 40- or 64-character hexadecimal value.'],
  THUMBPRINT_REQUIRED: [
    'error',
    'A self-signed certificate device needs at least its primary thumbprint.',
  ],
  KEYS_AND_THUMBPRINTS: [
    'error',
    'The row has both keys and thumbprints; a device uses one or the other.',
  ],
  KEYS_BOTH_OR_NEITHER: [
    'error',
    'Only one of the two keys is given; the hub takes both or neither. In the options, generate the missing key here or let the hub generate both.',
  ],
  KEY_GENERATED: [
    'warning',
    'The missing key was generated in this browser; it is in the keys file.',
  ],
  KEY_DROPPED: ['warning', 'The one key given is not used; the hub generates both keys.'],
  KEYS_WILL_CHANGE: [
    'warning',
    'These rows have no keys and their mode overwrites existing devices: a device that exists gets new keys and loses its connection.',
  ],
  REPORTED_IGNORED: [
    'warning',
    'Reported properties are not imported: the hub does not take them.',
  ],
  TWIN_NOT_AN_OBJECT: ['error', 'A tags or desired-properties cell is not a JSON object.'],
  TWIN_KEY_INVALID: ['error', 'A twin key is empty or contains ".", "$" or spaces.'],
  TWIN_KEY_TOO_LONG: ['error', 'A twin key is longer than the hub allows.'],
  TWIN_KEY_CONTROL_CHAR: ['error', 'A twin key contains a control character.'],
  TWIN_TOO_DEEP: [
    'error',
    'The tags or desired properties nest deeper than the 10 levels the hub allows.',
  ],
  TWIN_TOO_LARGE: ['error', 'The tags or desired properties are larger than the hub allows.'],
  TWIN_VALUE_TOO_LARGE: ['error', 'A twin value is longer than the 4 KB the hub allows.'],
  FIELD_COUNT_MISMATCH: [
    'warning',
    'The row has more or fewer fields than the header, often a delimiter inside an unquoted value.',
  ],
  CSV_QUOTES: [
    'warning',
    'Quotes in the row are not where CSV expects them; check the values it was read as.',
  ],
  CSV_UNCLOSED_QUOTE: [
    'error',
    'A quote is never closed, so the rest of the row cannot be trusted.',
  ],
  JSON_LINE_INVALID: ['error', 'The line is not valid JSON.'],
  NOT_AN_OBJECT: ['error', 'The record is not a JSON object.'],
  LEADING_TEXT_SKIPPED: [
    'warning',
    'A text line before the devices was skipped, as the hub’s export has one.',
  ],
  UNMAPPED_COLUMN: [
    'warning',
    'Columns that are not mapped to a hub field are left out of the import.',
  ],
  ENCODING_REPLACED: [
    'warning',
    'Some bytes are not valid UTF-8 and were replaced; save the file as UTF-8 or "Unicode text".',
  ],
};

export interface IssueCodeMeaning {
  /** The severity core gives the code, so a code left out of a capped issue list still groups. */
  severity: IssueSeverity;
  meaning: string;
}

export function meaningOfIssueCode(code: string): IssueCodeMeaning | undefined {
  const entry = MEANINGS[code];
  return entry === undefined ? undefined : { severity: entry[0], meaning: entry[1] };
}
