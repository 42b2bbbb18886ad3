import { describe, expect, it } from 'vitest';
import { convertAll } from '../../../../src/core/convert/convert-all';
import type { ConvertOptions } from '../../../../src/core/convert/types';
import { DEFAULT_OPTIONS } from './support/fixture-cases';

const K1 = Buffer.alloc(32, 1).toString('base64');
const K2 = Buffer.alloc(32, 2).toString('base64');
const TP40 = 'ab'.repeat(20);
const TP64 = 'CD'.repeat(32);

interface RuleCase {
  name: string;
  csv: string;
  options?: Partial<ConvertOptions>;
  /** Expected issue codes on row 1 (errors and warnings), in order. */
  codes: string[];
  valid: boolean;
}

const cases: RuleCase[] = [
  {
    name: 'accepts a plain id with every allowed punctuation',
    csv: 'deviceId\n"a-b.c%d_e*f?g!h(i),j:k=l@m$n\'o"',
    codes: [],
    valid: true,
  },
  {
    name: 'rejects a row whose id contains a space',
    csv: 'deviceId\n"dev 1"',
    codes: ['ID_INVALID'],
    valid: false,
  },
  { name: 'rejects a non-ASCII id', csv: 'deviceId\nsensör', codes: ['ID_INVALID'], valid: false },
  {
    name: 'rejects an id of 129 characters',
    csv: `deviceId\n${'a'.repeat(129)}`,
    codes: ['ID_TOO_LONG'],
    valid: false,
  },
  {
    name: 'accepts an id of 128 characters',
    csv: `deviceId\n${'a'.repeat(128)}`,
    codes: [],
    valid: true,
  },
  {
    name: 'accepts + and # in an id with a warning',
    csv: 'deviceId\na+b#c',
    codes: ['ID_PLUS_OR_HASH'],
    valid: true,
  },
  {
    name: 'refuses + and # in strict mode',
    csv: 'deviceId\na+b',
    options: { strictIds: true },
    codes: ['ID_INVALID'],
    valid: false,
  },
  {
    name: 'rejects a row with an empty id among other fields',
    csv: 'deviceId,status\n,enabled',
    codes: ['ID_MISSING'],
    valid: false,
  },
  {
    name: 'rejects a module id starting with $',
    csv: 'deviceId,moduleId\nd,$edgeHub',
    codes: ['MODULE_ID_RESERVED'],
    valid: false,
  },
  {
    name: 'accepts a module id with + and #',
    csv: 'deviceId,moduleId\nd,m+1#',
    codes: [],
    valid: true,
  },
  {
    name: 'rejects an unknown import mode',
    csv: 'deviceId,importMode\nd,upsert',
    codes: ['IMPORT_MODE_INVALID'],
    valid: false,
  },
  {
    name: 'reads import modes case-insensitively',
    csv: 'deviceId,importMode\nd,CREATEORUPDATEIFMATCHETAG\n',
    codes: ['ETAG_REQUIRED'],
    valid: false,
  },
  {
    name: 'rejects an unknown status',
    csv: 'deviceId,status\nd,active',
    codes: ['STATUS_INVALID'],
    valid: false,
  },
  {
    name: 'rejects a statusReason over 128 characters',
    csv: `deviceId,statusReason\nd,${'r'.repeat(129)}`,
    codes: ['STATUS_REASON_TOO_LONG'],
    valid: false,
  },
  {
    name: 'accepts keys of 16 and 64 bytes',
    csv: `deviceId,primaryKey,secondaryKey\nd,${Buffer.alloc(16).toString('base64')},${Buffer.alloc(64).toString('base64')}`,
    codes: [],
    valid: true,
  },
  {
    name: 'rejects a key of 15 bytes',
    csv: `deviceId,primaryKey,secondaryKey\nd,${Buffer.alloc(15).toString('base64')},${K2}`,
    codes: ['KEY_INVALID'],
    valid: false,
  },
  {
    name: 'rejects a key of 65 bytes',
    csv: `deviceId,primaryKey,secondaryKey\nd,${K1},${Buffer.alloc(65).toString('base64')}`,
    codes: ['KEY_INVALID'],
    valid: false,
  },
  {
    name: 'rejects a key that is not base64',
    csv: `deviceId,primaryKey,secondaryKey\nd,${K1.slice(0, -2)}!=,${K2}`,
    codes: ['KEY_INVALID'],
    valid: false,
  },
  {
    name: 'rejects only one key',
    csv: `deviceId,primaryKey\nd,${K1}`,
    codes: ['KEYS_BOTH_OR_NEITHER'],
    valid: false,
  },
  {
    name: 'accepts 40- and 64-hex thumbprints',
    csv: `deviceId,primaryThumbprint,secondaryThumbprint\nd,${TP40},${TP64}`,
    codes: [],
    valid: true,
  },
  {
    name: 'rejects a 41-hex thumbprint',
    csv: `deviceId,primaryThumbprint\nd,${TP40}a`,
    codes: ['THUMBPRINT_INVALID'],
    valid: false,
  },
  {
    name: 'rejects keys together with thumbprints',
    csv: `deviceId,primaryKey,secondaryKey,primaryThumbprint\nd,${K1},${K2},${TP40}`,
    codes: ['KEYS_AND_THUMBPRINTS'],
    valid: false,
  },
  {
    name: 'rejects selfSigned without a thumbprint',
    csv: 'deviceId,authType\nd,selfSigned',
    codes: ['THUMBPRINT_REQUIRED'],
    valid: false,
  },
  {
    name: 'rejects certificateAuthority with keys',
    csv: `deviceId,authType,primaryKey,secondaryKey\nd,certificateAuthority,${K1},${K2}`,
    codes: ['AUTH_TYPE_MISMATCH'],
    valid: false,
  },
  {
    name: 'rejects an unknown authType',
    csv: 'deviceId,authType\nd,token',
    codes: ['AUTH_TYPE_INVALID'],
    valid: false,
  },
  {
    name: 'needs the eTag for updateIfMatchETag',
    csv: `deviceId,importMode,primaryKey,secondaryKey\nd,updateIfMatchETag,${K1},${K2}`,
    codes: ['ETAG_REQUIRED'],
    valid: false,
  },
  {
    name: 'needs the eTag for deleteIfMatchETag',
    csv: 'deviceId,importMode\nd,deleteIfMatchETag',
    codes: ['ETAG_REQUIRED'],
    valid: false,
  },
  {
    name: 'needs the twinETag for updateTwinIfMatchETag',
    csv: 'deviceId,importMode,eTag\nd,updateTwinIfMatchETag,AAA=',
    codes: ['TWIN_ETAG_REQUIRED'],
    valid: false,
  },
  {
    name: 'warns that an update without keys regenerates them',
    csv: 'deviceId,importMode\nd,update',
    codes: ['KEYS_WILL_CHANGE'],
    valid: true,
  },
  {
    name: 'does not warn about keys on an update row that is refused anyway',
    csv: 'deviceId,importMode\n"d 1",update',
    codes: ['ID_INVALID'],
    valid: false,
  },
  {
    name: 'does not warn about keys for a create',
    csv: 'deviceId,importMode\nd,create',
    codes: [],
    valid: true,
  },
  {
    name: 'does not warn about keys for a delete',
    csv: 'deviceId,importMode\nd,delete',
    codes: [],
    valid: true,
  },
  {
    name: 'rejects a tags cell that is not a JSON object',
    csv: 'deviceId,tags\nd,[1]',
    codes: ['TWIN_NOT_AN_OBJECT'],
    valid: false,
  },
  {
    name: 'rejects a twin key with a dollar sign',
    csv: 'deviceId,desired\nd,"{""$x"":1}"',
    codes: ['TWIN_KEY_INVALID'],
    valid: false,
  },
  {
    name: 'rejects desired over 32 KB',
    csv: `deviceId,desired.blob\nd,${'x'.repeat(33 * 1024)}`,
    codes: ['TWIN_TOO_LARGE'],
    valid: false,
  },
  // Two values, since one value may not pass 4 KB on its own.
  {
    name: 'accepts tags just under 8 KB',
    csv: `deviceId,tags.a,tags.b\nd,${'x'.repeat(4000)},${'y'.repeat(4 * 1024 - 40)}`,
    codes: [],
    valid: true,
  },
  {
    name: 'warns that reported properties are ignored',
    csv: 'deviceId,reported.temp\nd,21',
    codes: ['REPORTED_IGNORED'],
    valid: true,
  },
  {
    name: 'rejects an iotEdge value that is not a boolean',
    csv: 'deviceId,iotEdge\nd,perhaps',
    codes: ['IOT_EDGE_INVALID'],
    valid: false,
  },
  {
    name: 'rejects parentScopes that are not strings',
    csv: 'deviceId,parentScopes\nd,[1]',
    codes: ['PARENT_SCOPES_INVALID'],
    valid: false,
  },
];

describe('validation rules', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { report } = convertAll(c.csv, { ...DEFAULT_OPTIONS, ...c.options });
      expect(report.issues.filter((i) => i.row === 1).map((i) => i.code)).toEqual(c.codes);
      expect(report.valid).toBe(c.valid ? 1 : 0);
      expect(report.invalid).toBe(c.valid ? 0 : 1);
    });
  }

  it('names the first copy by its line when an id repeats, and counts each later row invalid', () => {
    const { report } = convertAll('deviceId,moduleId\na,\nb,\na,\na,m\na,', DEFAULT_OPTIONS);
    const dupes = report.issues.filter((i) => i.code === 'DUPLICATE_ID');
    expect(dupes.map((i) => [i.row, i.line])).toEqual([
      [3, 4],
      [5, 6],
    ]);
    expect(dupes.map((i) => i.message)).toEqual([
      'the same id is already on line 2',
      'the same id is already on line 2',
    ]);
    expect(report).toMatchObject({ total: 5, valid: 3, invalid: 2 });
  });

  it('names the first copy by its line, not its record number, past a quoted line break', () => {
    // The first record spans lines 2-3, so record numbers and lines no longer differ by one.
    const csv = 'deviceId,tags.note\nx,"two\nlines"\nb,\nfirst,\nc,\nfirst,';
    const { report } = convertAll(csv, DEFAULT_OPTIONS);
    const dupes = report.issues.filter((i) => i.code === 'DUPLICATE_ID');
    expect(dupes).toEqual([
      expect.objectContaining({ line: 7, message: 'the same id is already on line 5' }),
    ]);
  });

  it('names the line where the first copy of a module starts in a JSON array', () => {
    const json =
      '[\n  { "deviceId": "d", "moduleId": "m" },\n  {\n    "deviceId": "d",\n    "moduleId": "m"\n  }\n]';
    const { report } = convertAll(json, { ...DEFAULT_OPTIONS, format: 'json' });
    expect(report.issues.filter((i) => i.code === 'DUPLICATE_ID')).toEqual([
      expect.objectContaining({
        line: 3,
        message: 'the same id and moduleId is already on line 2',
      }),
    ]);
  });

  it('writes nothing when a row is invalid and skipInvalid is off', () => {
    const result = convertAll('deviceId\ngood\n"bad id"', DEFAULT_OPTIONS);
    expect(result.output).toBe('');
    expect(result.report.written).toBe(false);
  });

  it('writes the valid rows when skipInvalid is on', () => {
    const result = convertAll('deviceId\ngood\n"bad id"', {
      ...DEFAULT_OPTIONS,
      skipInvalid: true,
    });
    expect(result.output).toBe('{"id":"good","importMode":"create","status":"enabled"}\n');
  });

  it('reports a missing id column as a whole-file error with the columns and samples', () => {
    const { report } = convertAll('name,site\nboiler,roof', DEFAULT_OPTIONS);
    expect(report.fileError?.code).toBe('NO_ID_COLUMN');
    expect(report.columns.map((c) => c.samples)).toEqual([['boiler'], ['roof']]);
    expect(report.total).toBe(0);
  });

  it('lets an explicit mapping override detection and ignore columns', () => {
    const mapping = { status: 'ignore', serial: 'id' } as const;
    const result = convertAll('serial,status,deviceId\ns1,bogus,other', {
      ...DEFAULT_OPTIONS,
      mapping,
    });
    expect(result.output).toBe('{"id":"other","importMode":"create","status":"enabled"}\n');
  });

  it('types dotted cells as JSON numbers, booleans and objects but keeps leading zeros', () => {
    const result = convertAll(
      'deviceId,tags.n,tags.b,tags.o,tags.zip,tags.s\nd,1.5,true,"{""a"":1}",007,x',
      DEFAULT_OPTIONS,
    );
    expect(JSON.parse(result.output)).toMatchObject({
      tags: { n: 1.5, b: true, o: { a: 1 }, zip: '007', s: 'x' },
    });
  });

  it('keeps the canonical field order and omits authentication for twin modes', () => {
    const result = convertAll(
      `deviceId,importMode,primaryKey,secondaryKey,tags.a,twinETag\nd,updateTwin,${K1},${K2},1,AAE=`,
      DEFAULT_OPTIONS,
    );
    expect(result.output).toBe(
      '{"id":"d","importMode":"updateTwin","status":"enabled","twinETag":"AAE=","tags":{"a":1}}\n',
    );
  });

  it('caps the issue list but keeps exact counts per code', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `"bad ${i}"`).join('\n');
    const { report } = convertAll(`deviceId\n${rows}`, { ...DEFAULT_OPTIONS, maxIssues: 10 });
    expect(report.issues).toHaveLength(10);
    expect(report.issueCounts?.ID_INVALID).toBe(50);
    expect(report.issuesTruncated).toBe(true);
  });
});

describe('encodings and whole-file errors', () => {
  it('reads UTF-16 LE with BOM split at odd byte boundaries', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('deviceId\ttags.city\r\nm-1\tZürich\r\n', 'utf16le'),
    ]);
    const chunks = Array.from(
      { length: bytes.length },
      (_, i) => new Uint8Array(bytes.subarray(i, i + 1)),
    );
    expect(convertAll(chunks, DEFAULT_OPTIONS, { detectChars: 1 }).output).toBe(
      '{"id":"m-1","importMode":"create","status":"enabled","tags":{"city":"Zürich"}}\n',
    );
  });

  it('refuses UTF-16 without a byte-order mark as a whole-file error', () => {
    const { report } = convertAll(
      new Uint8Array(Buffer.from('deviceId\nd1\n', 'utf16le')),
      DEFAULT_OPTIONS,
    );
    expect(report.fileError?.code).toBe('ENCODING_UNSUPPORTED');
  });

  it('warns once when bytes are not valid UTF-8', () => {
    const { report } = convertAll(
      new Uint8Array([...Buffer.from('deviceId,tags.x\nd1,caf'), 0xe9, 0x0a]),
      DEFAULT_OPTIONS,
    );
    expect(report.issues.filter((i) => i.code === 'ENCODING_REPLACED')).toHaveLength(1);
  });

  it('reports an empty file', () => {
    expect(convertAll('', DEFAULT_OPTIONS).report.fileError?.code).toBe('EMPTY_FILE');
  });

  it('counts a JSON array element that is not an object as invalid and names its line', () => {
    const { report } = convertAll('[\n{"id":"a"},\n42\n]', DEFAULT_OPTIONS);
    expect(report.issues.map((i) => [i.code, i.line, i.row])).toEqual([['NOT_AN_OBJECT', 3, 2]]);
  });
});
