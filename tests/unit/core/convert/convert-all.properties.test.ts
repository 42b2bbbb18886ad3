import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertAll } from '../../../../src/core/convert/convert-all';
import { decodedBase64Length, encodeBase64 } from '../../../../src/core/convert/base64';
import { guardFormula, unguardFormula } from '../../../../src/core/convert/csv/csv-formula-guard';
import { locateJsonError } from '../../../../src/core/convert/locate-json-error';
import type { ConvertOptions, InputFormat } from '../../../../src/core/convert/types';
import { DEFAULT_OPTIONS } from './support/fixture-cases';

const ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.%_*?!(),:=@$'";
const validId = fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 1, maxLength: 40 });
const key = fc
  .uint8Array({ minLength: 16, maxLength: 64 })
  .map((b) => Buffer.from(b).toString('base64'));

function csvCell(value: string): string {
  return /[",\r\n;\t|]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function chunk(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length] ?? 1);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

function accountingHolds(options: ConvertOptions, input: Uint8Array | Uint8Array[]): void {
  const { report, output } = convertAll(input, options);
  if (report.fileError) {
    expect(report.total).toBe(0);
    expect(output).toBe('');
    return;
  }
  expect(report.valid + report.invalid + report.blank).toBe(report.total);
  const lines = output === '' ? [] : output.slice(0, -1).split('\n');
  if (report.written) expect(lines).toHaveLength(report.valid);
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
}

describe('conversion properties', () => {
  it('converts every generated valid device list to one line per row, whatever the chunking', () => {
    const device = fc.record({
      id: validId,
      status: fc.constantFrom('enabled', 'Disabled', ''),
      keys: fc.option(fc.tuple(key, key)),
      site: fc.string({ maxLength: 20 }),
      n: fc.integer(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(device, { selector: (d) => d.id, maxLength: 30 }),
        fc.constantFrom(',', ';', '\t'),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 5 }),
        (devices, delimiter, sizes) => {
          const header = [
            'deviceId',
            'status',
            'primaryKey',
            'secondaryKey',
            'tags.site',
            'desired.n',
          ].join(delimiter);
          const rows = devices.map((d) =>
            [
              // Written as every CSV of ours writes an id (formula-guarded), which the reader undoes.
              csvCell(guardFormula(d.id)),
              d.status,
              d.keys?.[0] ?? '',
              d.keys?.[1] ?? '',
              csvCell(d.site),
              String(d.n),
            ].join(delimiter),
          );
          const bytes = new TextEncoder().encode([header, ...rows].join('\r\n') + '\r\n');
          const whole = convertAll(bytes, DEFAULT_OPTIONS);
          expect(whole.report).toMatchObject({
            total: devices.length,
            valid: devices.length,
            invalid: 0,
          });
          const chunked = convertAll(chunk(bytes, sizes), DEFAULT_OPTIONS, { detectChars: 1 });
          expect(chunked.output).toBe(whole.output);
          const parsed =
            whole.output.trim() === ''
              ? []
              : whole.output
                  .trim()
                  .split('\n')
                  .map((l) => JSON.parse(l) as { id: string; tags?: { site: unknown } });
          expect(parsed.map((p) => p.id)).toEqual(devices.map((d) => d.id));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never crashes and keeps exact row accounting on random bytes in every format', () => {
    const format = fc.constantFrom<InputFormat | 'auto'>('auto', 'csv', 'json', 'ndjson');
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        format,
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 }),
        (bytes, f, sizes) => {
          const options = { ...DEFAULT_OPTIONS, format: f, skipInvalid: true };
          accountingHolds(options, bytes);
          accountingHolds(options, chunk(bytes, sizes));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives hostile text: quotes, separators, huge fields, deep JSON and UTF-16 bytes', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '"',
        '""',
        ',',
        ';',
        '\t',
        '|',
        '\r\n',
        '\n',
        '\r',
        '{',
        '}',
        '[',
        ']',
        'deviceId',
        'id',
        'tags.',
        '\uFEFF',
        '\u0000',
        'é',
        '😀',
        '\\',
      ),
      fc.string({ maxLength: 10 }),
    );
    const hostile = fc.oneof(
      fc.array(piece, { maxLength: 60 }).map((p) => `deviceId,tags.x\n${p.join('')}`),
      fc.array(piece, { maxLength: 60 }).map((p) => p.join('')),
      fc.integer({ min: 1, max: 3000 }).map((d) => '['.repeat(d) + ']'.repeat(d % 7 === 0 ? 0 : d)),
      fc
        .integer({ min: 1, max: 20 })
        .map((d) => `deviceId,tags\nx,"${'{""a"":'.repeat(d)}1${'}'.repeat(d)}"`),
      fc
        .integer({ min: 1000, max: 200_000 })
        .map((n) => `deviceId,statusReason\n${'x'.repeat(n)},${'y'.repeat(n)}`),
    );
    const encoding = fc.constantFrom<'utf8' | 'utf16le'>('utf8', 'utf16le');
    fc.assert(
      fc.property(hostile, encoding, fc.boolean(), (text, enc, bom) => {
        const body = Buffer.from(text, enc);
        const prefix = bom
          ? enc === 'utf16le'
            ? Buffer.from([0xff, 0xfe])
            : Buffer.from([0xef, 0xbb, 0xbf])
          : Buffer.alloc(0);
        accountingHolds(
          { ...DEFAULT_OPTIONS, skipInvalid: true },
          new Uint8Array(Buffer.concat([prefix, body])),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('checks base64 length exactly like a real decoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const encoded = encodeBase64(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodedBase64Length(encoded)).toBe(bytes.length === 0 ? -1 : bytes.length);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (text) => {
        const length = decodedBase64Length(text);
        // Accepted text is padded standard base64 and decodes to that many bytes. The unused low
        // bits of the last character may be non-zero ("/++=" for "/+8="): the usual decoders ignore
        // them (Node's Buffer; .NET's Convert.FromBase64String, we believe), so we do not refuse
        // them.
        if (length >= 0) {
          expect(text).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
          expect(text.length % 4).toBe(0);
          expect(Buffer.from(text, 'base64')).toHaveLength(length);
        }
      }),
    );
  });

  it('locates a JSON error exactly when JSON.parse fails', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.json().map((j) => j.slice(0, -1)),
          fc.string(),
        ),
        (text) => {
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          expect(locateJsonError(text) === undefined).toBe(valid);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('twin text writer', () => {
  it('writes the same bytes from flat CSV columns as from the equivalent JSON objects', () => {
    const cellText = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer().map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.constantFrom(
        'true',
        'false',
        'null',
        '007',
        '-0',
        '1e3',
        '1.50',
        '{"a":{"b":[1,2]}}',
        '[1,"x"]',
        'é😀',
        '"q"',
        'a\\b',
      ),
    );
    const key = fc
      .string({ unit: fc.constantFrom(...'abcXYZ_-19'), minLength: 1, maxLength: 6 })
      .filter((k) => !/^(0|[1-9]\d*)$/.test(k));
    fc.assert(
      fc.property(
        fc.uniqueArray(key, { minLength: 1, maxLength: 5 }),
        fc.array(fc.array(cellText, { minLength: 5, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (keys, rows) => {
          const header = [
            'deviceId',
            ...keys.map((k) => `tags.${k}`),
            ...keys.map((k) => `desired.${k}`),
          ];
          const csvRows = rows.map((cells, i) => [
            `d${i}`,
            ...keys.map((_, j) => cells[j]!),
            ...keys.map((_, j) => cells[(j + 1) % 5]!),
          ]);
          const csv = [header, ...csvRows]
            .map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))
            .join('\n');
          // A CSV cell like '@ is our spreadsheet formula guard and reads as @ (csv-formula-guard).
          const json = JSON.stringify(
            csvRows.map((r) =>
              Object.fromEntries(header.map((h, i) => [h, unguardFormula(r[i] ?? '')])),
            ),
          );
          const fromCsv = convertAll(csv, { ...DEFAULT_OPTIONS, skipInvalid: true });
          const fromJson = convertAll(json, { ...DEFAULT_OPTIONS, skipInvalid: true });
          expect(fromCsv.report.valid).toBe(fromJson.report.valid);
          expect(fromCsv.output).toBe(fromJson.output);
        },
      ),
      { numRuns: 200 },
    );
  });
});
