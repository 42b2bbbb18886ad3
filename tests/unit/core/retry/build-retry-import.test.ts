import { describe, expect, it } from 'vitest';
import {
  buildRetryImport,
  RetryImportBuilder,
} from '../../../../src/core/retry/build-retry-import';

const K = { primaryKey: 'AAAAAAAAAAAAAAAAAAAAAA==', secondaryKey: 'AQEBAQEBAQEBAQEBAQEBAQ==' };
const SOURCE =
  [
    {
      id: 'a',
      importMode: 'create',
      status: 'enabled',
      authentication: { symmetricKey: K, type: 'sas' },
      tags: { t: 1 },
    },
    { id: 'b', importMode: 'create', status: 'enabled' },
    { id: 'b', moduleId: 'm', importMode: 'create', status: 'enabled' },
    { id: 'c', eTag: 'MA==', importMode: 'create', status: 'disabled' },
  ]
    .map((d) => JSON.stringify(d))
    .join('\n') + '\n';

describe('retry of failed rows', () => {
  it('rewrites only the failed rows with the new mode, keeping keys and twin', () => {
    const result = buildRetryImport(
      SOURCE,
      [{ deviceId: 'a' }, { deviceId: 'b', moduleId: 'm' }],
      'createOrUpdate',
    );
    expect(result.ndjson).toBe(
      `{"id":"a","importMode":"createOrUpdate","status":"enabled","authentication":{"symmetricKey":${JSON.stringify(K)},"type":"sas"},"tags":{"t":1}}\n` +
        '{"id":"b","moduleId":"m","importMode":"createOrUpdate","status":"enabled"}\n',
    );
    expect(result.matched).toBe(2);
    expect(result.missing).toEqual([]);
  });

  it('drops identity and twin fields for a delete retry', () => {
    expect(buildRetryImport(SOURCE, [{ deviceId: 'a' }], 'delete').ndjson).toBe(
      '{"id":"a","importMode":"delete","status":"enabled"}\n',
    );
  });

  it('refuses an IfMatchETag retry for a row without eTag and accepts one with it', () => {
    const result = buildRetryImport(
      SOURCE,
      [{ deviceId: 'b' }, { deviceId: 'c' }],
      'deleteIfMatchETag',
    );
    expect(result.issues.map((i) => [i.code, i.line])).toEqual([['ETAG_REQUIRED', 2]]);
    expect(result.ndjson).toBe(
      '{"id":"c","eTag":"MA==","importMode":"deleteIfMatchETag","status":"disabled"}\n',
    );
  });

  it('lists failed ids that are not in the import file, and copes with any chunking', () => {
    const builder = new RetryImportBuilder([{ deviceId: 'zz' }, { deviceId: 'c' }], 'update');
    for (let i = 0; i < SOURCE.length; i += 3) builder.push(SOURCE.slice(i, i + 3));
    const result = builder.end();
    expect(result.missing).toEqual([{ deviceId: 'zz' }]);
    expect(result.matched).toBe(1);
  });

  it('reads its file as every export and import file is read: BOM, CRLF, a leading comment, broken lines', () => {
    const lines = SOURCE.trim().split('\n');
    const text = [
      '\uFEFFKeys are excluded from this export.',
      lines[0],
      '{"id":"broken"',
      '',
      lines[3],
    ].join('\r\n');
    const result = buildRetryImport(
      text,
      [{ deviceId: 'broken' }, { deviceId: 'a' }, { deviceId: 'c' }],
      'deleteIfMatchETag',
    );
    expect(result.missing).toEqual([{ deviceId: 'broken' }]);
    // Issues name the physical line of the file, the comment and the blank line counted.
    expect(result.issues.map((i) => [i.code, i.line])).toEqual([['ETAG_REQUIRED', 2]]);
    expect(result.ndjson).toBe(
      '{"id":"c","eTag":"MA==","importMode":"deleteIfMatchETag","status":"disabled"}\n',
    );
  });
});
