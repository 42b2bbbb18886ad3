import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countExportRecords,
  createExportRecordCounter,
  type ExportRecordCounts,
} from '../../../../src/proxy/operations/count-export-records';

// The lines of a keys-excluded export as the hub may write them
// (docs/reference/hub-wire-contract.md#export-blob, #recorded-traffic), with the cases a cheap scan
// could get wrong: multi-byte characters, a tag named moduleId, a null moduleId, an escaped key,
// blank lines.
const LINES = [
  'Keys are excluded from this export (excludeKeysInExport=true); authentication is null on every line.',
  '{"id":"dev-1","eTag":"MA==","status":"enabled","authentication":null,"tags":{"site":"Zürich €"}}',
  '{"id":"dev-1","moduleId":"mod-a","eTag":"MA==","status":"enabled","authentication":null}',
  '',
  '   ',
  '{"id":"dev-2","tags":{"moduleId":"not-a-module"},"properties":{"desired":{"moduleId":"x"}}}',
  '{"id":"dev-3","moduleId":null}',
  '{"id":"dev-4","module\\u0049d":"escaped-module"}',
  '{"id":"dev-5","tags":{"mood":"😀"}}',
  '  {"id":"dev-5","moduleId":"indented-module"}',
];
const EXPECTED: ExportRecordCounts = { devices: 4, modules: 3 };

function countChunks(chunks: Uint8Array[]): ExportRecordCounts {
  const counter = createExportRecordCounter();
  for (const chunk of chunks) counter.push(chunk);
  return counter.end();
}

function splitAt(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [0, ...[...new Set(cuts)].sort((a, b) => a - b), bytes.length];
  return points.slice(1).map((end, i) => bytes.subarray(points[i], end));
}

describe('createExportRecordCounter', () => {
  it.each([
    ['CRLF with a final newline', `${LINES.join('\r\n')}\r\n`],
    ['LF with a final newline', `${LINES.join('\n')}\n`],
    ['CRLF without a final newline', LINES.join('\r\n')],
    ['LF without a final newline', LINES.join('\n')],
    ['a byte-order mark before the warning line', `\uFEFF${LINES.join('\r\n')}`],
  ])(
    'counts devices and modules separately, skipping the warning and blank lines (%s)',
    (_name, text) => {
      expect(countChunks([Buffer.from(text, 'utf8')])).toEqual(EXPECTED);
    },
  );

  it('gives the same counts for a split at every byte: mid-line, between CR and LF, inside a UTF-8 character', () => {
    const bytes = Buffer.from(`${LINES.join('\r\n')}\r\n`, 'utf8');
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(countChunks(splitAt(bytes, [cut])), `cut at ${cut}`).toEqual(EXPECTED);
    }
  });

  it('gives the same counts for one-byte chunks and for any set of random cuts', () => {
    const bytes = Buffer.from(LINES.join('\n'), 'utf8');
    expect(countChunks([...bytes].map((byte) => Uint8Array.of(byte)))).toEqual(EXPECTED);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 40 }),
        (cuts) => {
          expect(countChunks(splitAt(bytes, cuts))).toEqual(EXPECTED);
        },
      ),
    );
  });

  it('counts nothing in an empty file, a file of blank lines, or a lone warning line', () => {
    expect(countChunks([])).toEqual({ devices: 0, modules: 0 });
    expect(countChunks([Buffer.from('\r\n\n  \r\n')])).toEqual({ devices: 0, modules: 0 });
    expect(countChunks([Buffer.from('Keys are excluded from this export.\r\n')])).toEqual({
      devices: 0,
      modules: 0,
    });
  });

  it('counts a broken record line as a device, even when it mentions moduleId, and skips later non-JSON lines', () => {
    const text = [
      '{"id":"a"',
      '{"id":"b","moduleId":"m"',
      'not a record',
      '{"id":"c","moduleId":"m"}',
    ].join('\n');
    expect(countChunks([Buffer.from(text)])).toEqual({ devices: 2, modules: 1 });
  });

  it('counts a record line longer than it buffers as a device and carries on with the next line', () => {
    const huge = `{"id":"big","tags":{"blob":"${'x'.repeat(5 * 1024 * 1024)}"}}`;
    const bytes = Buffer.from(`${huge}\r\n{"id":"big","moduleId":"m"}\r\n`);
    expect(countChunks(splitAt(bytes, [65536, 2 * 65536, 3_000_000, bytes.length - 10]))).toEqual({
      devices: 1,
      modules: 1,
    });
  });
});

describe('countExportRecords', () => {
  it('counts a stream of chunks, Buffers or strings', async () => {
    const bytes = Buffer.from(`${LINES.join('\r\n')}\r\n`, 'utf8');
    expect(await countExportRecords(Readable.from(splitAt(bytes, [7, 100, 101, 250])))).toEqual(
      EXPECTED,
    );
    expect(
      await countExportRecords(
        Readable.from([LINES.slice(0, 3).join('\n'), '\n', LINES.slice(3).join('\n')]),
      ),
    ).toEqual(EXPECTED);
  });

  it('rejects when the stream fails midway', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('{"id":"a"}\n'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(countExportRecords(failing)).rejects.toThrow('connection reset');
  });
});
