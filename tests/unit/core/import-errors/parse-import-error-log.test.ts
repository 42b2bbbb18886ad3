import { describe, expect, it } from 'vitest';
import {
  describeImportError,
  IMPORT_ERROR_CATALOGUE,
  parseImportErrorLog,
} from '../../../../src/core/import-errors';

const LOG = [
  '{"deviceId":"a_device_id","errorCode":404001,"errorStatus":"a_device_id"}',
  '{"errorCode":400012,"errorStatus":"Invalid device format in line: {\\"id\\":\\"dev-9\\",\\"moduleId\\":\\"m1\\",\\"authentication\\":{\\"type\\":\\"SELF_SIGNED\\"}}. Error converting value \\"SELF_SIGNED\\". Path \'authentication.type\', line 1, position 49."}',
  '{"deviceId":"dev-3","errorCode":"409001","errorStatus":"A device with ID \'dev-3\' is already registered."}',
  'not json at all',
  '',
].join('\r\n');

describe('importErrors.log parsing', () => {
  it('reads CRLF lines split at arbitrary points into the same entries', () => {
    const whole = [...parseImportErrorLog([LOG])];
    const pieces: string[] = [];
    for (let i = 0; i < LOG.length; i += 5) pieces.push(LOG.slice(i, i + 5));
    expect([...parseImportErrorLog(pieces)]).toEqual(whole);
    expect(whole.map((e) => [e.line, e.deviceId, e.errorCode])).toEqual([
      [1, 'a_device_id', 404001],
      [2, 'dev-9', 400012],
      [3, 'dev-3', 409001],
      [4, null, null],
    ]);
  });

  it('recovers the id and module of an unparseable line from the quoted import line', () => {
    const entry = [...parseImportErrorLog([LOG])][1]!;
    expect(entry).toMatchObject({
      deviceId: 'dev-9',
      moduleId: 'm1',
      deviceIdFromQuotedLine: true,
    });
  });

  it('keeps an entry without deviceId when nothing can be recovered', () => {
    const [entry] = [
      ...parseImportErrorLog([
        '{"errorCode":400012,"errorStatus":"Invalid device format in line: garbage"}\n',
      ]),
    ];
    expect(entry).toMatchObject({ deviceId: null, errorCode: 400012 });
  });
});

describe('the error catalogue', () => {
  it.each([400004, 400012, 403002, 404001, 409001, 412001, 404010, 409301])(
    'explains import log code %i in plain words',
    (code) => {
      const info = describeImportError(code);
      expect(info.name).not.toBe('Unknown');
      expect(info.inImportLog).toBe(true);
      expect(info.whatToDo.length).toBeGreaterThan(10);
    },
  );

  it('covers every code of docs/reference/hub-wire-contract.md#error-codes', () => {
    const codes = [
      400001, 400003, 400004, 400005, 400006, 400008, 400011, 400012, 400013, 401002, 403001,
      403002, 403003, 404001, 404002, 404010, 404301, 409001, 409104, 409301, 409401, 412001,
      413002, 429001, 429002, 429003, 429004, 500001, 503001,
    ];
    expect(codes.filter((c) => !IMPORT_ERROR_CATALOGUE.has(c))).toEqual([]);
  });

  it('gives a generic entry for an unknown code', () => {
    expect(describeImportError(599999)).toMatchObject({ name: 'Unknown', code: 599999 });
  });
});
