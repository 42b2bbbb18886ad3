// Every code core's conversion gives a row, a column or a whole file, once: its severity, what it
// means and what the admin can do about it. The UI's words (src/web/features/import/model/
// conversion-issue-meanings.ts) and docs/error-codes.md (tools/render-error-codes.ts) are derived
// from this table, so a new code is written here or it does not compile.

export type IssueSeverity = 'error' | 'warning';

export interface IssueEntry {
  readonly severity: IssueSeverity;
  /** What the code says about the row or file, in the admin's words. */
  readonly meaning: string;
  /** What to change in the file or the options so the code goes away. */
  readonly whatToDo: string;
}

export const ISSUE_CATALOGUE = {
  EMPTY_FILE: {
    severity: 'error',
    meaning: 'The file is empty.',
    whatToDo: 'Choose the file that holds the devices.',
  },
  ENCODING_UNSUPPORTED: {
    severity: 'error',
    meaning: 'The file looks like UTF-16 saved without a byte-order mark, which cannot be read.',
    whatToDo: 'Save it as UTF-8, or as "Unicode text" (UTF-16 with a byte-order mark).',
  },
  ENCODING_REPLACED: {
    severity: 'warning',
    meaning: 'Some bytes are not valid UTF-8 and were replaced.',
    whatToDo: 'Save the file as UTF-8 or "Unicode text" and convert it again.',
  },
  NO_DEVICES: {
    severity: 'error',
    meaning: 'The file holds no devices (a header alone, or an empty list).',
    whatToDo: 'Check that the right file was chosen and that its filter matched devices.',
  },
  NO_ID_COLUMN: {
    severity: 'error',
    meaning: 'No column holds the device id.',
    whatToDo: 'Name a column "deviceId", or map a column to the id in the mapping step.',
  },
  JSON_SYNTAX: {
    severity: 'error',
    meaning: 'The JSON file is not valid JSON.',
    whatToDo: 'Fix the file at the line and column the message names.',
  },
  JSON_NO_DEVICES: {
    severity: 'error',
    meaning: 'The JSON is neither an array of devices nor an object holding one.',
    whatToDo: 'Give an array of device objects, or an object with such an array in one member.',
  },
  JSON_LINE_INVALID: {
    severity: 'error',
    meaning: 'The line is not valid JSON.',
    whatToDo: 'Fix or remove the line; each line of an NDJSON file is one JSON object.',
  },
  LEADING_TEXT_SKIPPED: {
    severity: 'warning',
    meaning: 'A text line before the devices was skipped, as the hub’s export has one.',
    whatToDo: 'Nothing to do when the line is the export’s notice.',
  },
  NOT_AN_OBJECT: {
    severity: 'error',
    meaning: 'The record is not a JSON object.',
    whatToDo: 'Write each device as an object such as {"id": "..."}.',
  },
  FIELD_COUNT_MISMATCH: {
    severity: 'warning',
    meaning: 'The row has more or fewer fields than the header.',
    whatToDo: 'Look for a delimiter inside an unquoted value, and quote that value.',
  },
  CSV_QUOTES: {
    severity: 'warning',
    meaning: 'Quotes in the row are not where CSV expects them.',
    whatToDo: 'Check the values the row was read as.',
  },
  CSV_UNCLOSED_QUOTE: {
    severity: 'error',
    meaning: 'A quote is never closed, so the rest of the row cannot be trusted.',
    whatToDo: 'Close the quote, or double a quote that is part of a value ("").',
  },
  UNMAPPED_COLUMN: {
    severity: 'warning',
    meaning: 'Columns that are not mapped to a hub field are left out of the import.',
    whatToDo: 'Map the column (a tag such as tags.displayName keeps any value) or leave it out.',
  },
  ID_MISSING: {
    severity: 'error',
    meaning: 'The device id is empty.',
    whatToDo: 'Give every row an id, or remove the row.',
  },
  ID_INVALID: {
    severity: 'error',
    meaning: 'The id has characters the hub refuses.',
    whatToDo: 'Spaces around an id: choose "Trim spaces around ids" in the options.',
  },
  ID_TOO_LONG: {
    severity: 'error',
    meaning: 'The id is longer than the 128 characters the hub allows.',
    whatToDo: 'Shorten the id.',
  },
  ID_PLUS_OR_HASH: {
    severity: 'warning',
    meaning:
      'The id contains "+" or "#": the hub accepts them today, but its documentation calls them unsupported.',
    whatToDo: 'Keep it, or choose strict ids in the options to refuse such rows.',
  },
  ID_TRIMMED: {
    severity: 'warning',
    meaning: 'Spaces around the id or module id were removed.',
    whatToDo: 'Nothing to do: the trimmed id is imported.',
  },
  DUPLICATE_ID: {
    severity: 'error',
    meaning:
      'The same device (or module) is already on an earlier line; each later copy is refused, and its message names the line of the first copy.',
    whatToDo: 'Keep one line per device and module.',
  },
  MODULE_ID_RESERVED: {
    severity: 'error',
    meaning: 'Module ids starting with "$" belong to the hub.',
    whatToDo: 'Leave system modules out of the file.',
  },
  MODULE_ID_INVALID: {
    severity: 'error',
    meaning: 'The module id is empty, too long or has characters the hub refuses.',
    whatToDo: 'Correct the module id, or leave the cell empty for a device row.',
  },
  IMPORT_MODE_INVALID: {
    severity: 'error',
    meaning: 'The importMode is not one of the hub’s nine modes.',
    whatToDo: 'Correct the mode, or leave it empty to use the mode chosen in the options.',
  },
  STATUS_INVALID: {
    severity: 'error',
    meaning: 'The status is neither enabled nor disabled.',
    whatToDo: 'Write enabled or disabled, or leave it empty for the default status.',
  },
  STATUS_REASON_TOO_LONG: {
    severity: 'error',
    meaning: 'The status reason is longer than 128 characters.',
    whatToDo: 'Shorten the status reason.',
  },
  ETAG_REQUIRED: {
    severity: 'error',
    meaning: 'The chosen mode only changes a device whose eTag matches, and the row has none.',
    whatToDo: 'Add the eTag from a fresh export, or choose a mode that does not check it.',
  },
  TWIN_ETAG_REQUIRED: {
    severity: 'error',
    meaning: 'The chosen mode only changes a twin whose eTag matches, and the row has no twinETag.',
    whatToDo: 'Add the twinETag from a fresh export, or choose a mode that does not check it.',
  },
  IOT_EDGE_INVALID: {
    severity: 'error',
    meaning: 'The IoT Edge column holds something other than true or false.',
    whatToDo: 'Write true or false.',
  },
  PARENT_SCOPES_INVALID: {
    severity: 'error',
    meaning: 'The parent scopes are neither a scope string nor a list of them.',
    whatToDo: 'Write one scope, or a JSON list of scopes.',
  },
  AUTH_TYPE_INVALID: {
    severity: 'error',
    meaning: 'The authentication type is not one the hub knows.',
    whatToDo: 'Write sas, selfSigned or certificateAuthority, or leave it empty.',
  },
  AUTH_TYPE_MISMATCH: {
    severity: 'error',
    meaning: 'The authentication type does not fit the keys or thumbprints given.',
    whatToDo: 'Change the type, or give the keys or thumbprints that type needs.',
  },
  KEY_INVALID: {
    severity: 'error',
    meaning: 'A key is not base64, or is not the 16 to 64 bytes the hub takes.',
    whatToDo: 'Correct the key, or leave both keys empty so the hub generates them.',
  },
  THUMBPRINT_INVALID: {
    severity: 'error',
    meaning: 'A thumbprint is not a 40- or 64-character hexadecimal value.',
    whatToDo: 'Copy the certificate’s SHA-1 or SHA-256 thumbprint again.',
  },
  THUMBPRINT_REQUIRED: {
    severity: 'error',
    meaning: 'A self-signed certificate device needs at least its primary thumbprint.',
    whatToDo: 'Add the primary thumbprint, or change the authentication type.',
  },
  KEYS_AND_THUMBPRINTS: {
    severity: 'error',
    meaning: 'The row has both keys and thumbprints; a device uses one or the other.',
    whatToDo: 'Keep the keys or the thumbprints, not both.',
  },
  KEYS_BOTH_OR_NEITHER: {
    severity: 'error',
    meaning: 'Only one of the two keys is given; the hub takes both or neither.',
    whatToDo: 'In the options, generate the missing key here or let the hub generate both.',
  },
  KEY_GENERATED: {
    severity: 'warning',
    meaning: 'The missing key was generated in this browser; it is in the keys file.',
    whatToDo: 'Keep the keys file safe: it is the only copy until the import runs.',
  },
  KEY_DROPPED: {
    severity: 'warning',
    meaning: 'The one key given is not used; the hub generates both keys.',
    whatToDo: 'Read the new keys from the hub after the import.',
  },
  KEYS_WILL_CHANGE: {
    severity: 'warning',
    meaning:
      'These rows have no keys and their mode overwrites existing devices: a device that exists gets new keys and loses its connection.',
    whatToDo: 'Plan against the registry to keep existing keys, or give the keys in the file.',
  },
  REPORTED_IGNORED: {
    severity: 'warning',
    meaning: 'Reported properties are not imported: the hub does not take them.',
    whatToDo: 'Nothing to do: devices report their own properties.',
  },
  TWIN_NOT_AN_OBJECT: {
    severity: 'error',
    meaning: 'A tags or desired-properties cell is not a JSON object.',
    whatToDo: 'Write the cell as a JSON object, or use one column per property.',
  },
  TWIN_KEY_INVALID: {
    severity: 'error',
    meaning: 'A twin key is empty or contains ".", "$" or spaces.',
    whatToDo: 'Rename the key (in the cell or the column name).',
  },
  TWIN_KEY_TOO_LONG: {
    severity: 'error',
    meaning: 'A twin key is longer than the hub allows.',
    whatToDo: 'Shorten the key.',
  },
  TWIN_KEY_CONTROL_CHAR: {
    severity: 'error',
    meaning: 'A twin key contains a control character.',
    whatToDo: 'Remove the control character from the key.',
  },
  TWIN_TOO_DEEP: {
    severity: 'error',
    meaning: 'The tags or desired properties nest deeper than the 10 levels the hub allows.',
    whatToDo: 'Flatten the nesting.',
  },
  TWIN_TOO_LARGE: {
    severity: 'error',
    meaning: 'The tags or desired properties are larger than the hub allows.',
    whatToDo: 'Move data out of the twin, or shorten its values.',
  },
  TWIN_VALUE_TOO_LARGE: {
    severity: 'error',
    meaning: 'A twin value is longer than the 4 KB the hub allows.',
    whatToDo: 'Shorten the value, or split it over several properties.',
  },
} as const satisfies Record<string, IssueEntry>;

export type IssueCode = keyof typeof ISSUE_CATALOGUE;

/** The codes of one severity: an error code counts a row as invalid, a warning does not. */
export type IssueCodeOf<S extends IssueSeverity> = {
  [C in IssueCode]: (typeof ISSUE_CATALOGUE)[C]['severity'] extends S ? C : never;
}[IssueCode];

export const ISSUE_CODES = Object.keys(ISSUE_CATALOGUE) as IssueCode[];

export function isIssueCode(value: string): value is IssueCode {
  return Object.hasOwn(ISSUE_CATALOGUE, value);
}

export function severityOf(code: IssueCode): IssueSeverity {
  return ISSUE_CATALOGUE[code].severity;
}

/** The error codes alone: what a file error or a column's mapping problem can carry. */
export const ERROR_ISSUE_CODES = ISSUE_CODES.filter(
  (code): code is IssueCodeOf<'error'> => severityOf(code) === 'error',
);
