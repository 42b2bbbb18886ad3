import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMaskingTransform,
  type MaskedFormat,
} from '../../../../src/proxy/masking/create-masking-transform';
import { maskJsonText } from '../../../../src/proxy/masking/mask-json-stream';

async function mask(format: MaskedFormat, chunks: (string | Buffer)[]): Promise<string> {
  const out: Buffer[] = [];
  const stream = Readable.from(chunks.map((chunk) => Buffer.from(chunk))).pipe(
    createMaskingTransform(format),
  );
  for await (const data of stream) out.push(Buffer.from(data as Buffer));
  return Buffer.concat(out).toString('utf8');
}

function splitAt(text: string, cuts: number[]): Buffer[] {
  const bytes = Buffer.from(text);
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let last = 0;
  for (const point of points) {
    parts.push(bytes.subarray(last, point));
    last = point;
  }
  parts.push(bytes.subarray(last));
  return parts;
}

const KEY_A = 'c2VjcmV0LWtleS1hYWFhYWFhYWFhYWFhYWFhYWFhYQ==';
const KEY_B = 'c2VjcmV0LWtleS1iYmJiYmJiYmJiYmJiYmJiYmJiYg==';

const NDJSON = [
  'The first line may be a comment to the user',
  `{"id":"d1","eTag":"MA==","status":"enabled","authentication":{"symmetricKey":{"primaryKey":"${KEY_A}","secondaryKey":"${KEY_B}"},"type":"sas"}}`,
  '{"id":"d2","authentication":null,"tags":{"note":"say \\"primaryKey\\": \\"not a key\\""}}',
  `{"id":"m1","moduleId":"mod","authentication":{"symmetricKey":{"primaryKey":"${KEY_B}","secondaryKey":null},"type":"sas"}}`,
].join('\r\n');

describe('JSON masking', () => {
  it('replaces primaryKey and secondaryKey values and leaves every other byte alone', async () => {
    const masked = await mask('json', [NDJSON]);
    expect(masked).not.toContain(KEY_A);
    expect(masked).not.toContain(KEY_B);
    // A pair written inside free text is masked too: that is how a raw line reads in errorStatus.
    expect(masked).toBe(
      NDJSON.replaceAll(KEY_A, '***').replaceAll(KEY_B, '***').replace('not a key', '***'),
    );
  });

  it('masks a pretty-printed JSON array and a connection string column', () => {
    const text = `[\n  {\n    "id": "a",\n    "primary_key" : "${KEY_A}",\n    "ConnectionString": "HostName=h;SharedAccessKey=${KEY_B}"\n  }\n]`;
    expect(maskJsonText(text)).toBe(
      `[\n  {\n    "id": "a",\n    "primary_key" : "***",\n    "ConnectionString": "***"\n  }\n]`,
    );
  });

  it('gives the same result however the stream is chunked, multi-byte characters included', async () => {
    const text = `${NDJSON}\n{"id":"ünïcødé-✓","primaryKey":"${KEY_A}","x":[1,2,{"secondaryKey":"${KEY_B}"}]}`;
    const expected = await mask('json', [text]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (cuts) => {
        expect(await mask('json', splitAt(text, cuts))).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

const CSV = `id;primaryKey;"secondary;Key";tags.site\r\nd1;${KEY_A};"${KEY_B}";"north; ""A"""\r\nd2;;;south\r\n"d3\nmulti";${KEY_B};x;y`;

describe('CSV masking', () => {
  it('masks key-like columns found by header name, keeping quoting, blanks and CRLF', async () => {
    const masked = await mask('csv', [CSV]);
    expect(masked).toBe(
      `id;primaryKey;"secondary;Key";tags.site\r\nd1;***;"***";"north; ""A"""\r\nd2;;;south\r\n"d3\nmulti";***;***;y`,
    );
  });

  it('gives the same result however the stream is chunked', async () => {
    const expected = await mask('csv', [CSV]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (cuts) => {
        expect(await mask('csv', splitAt(CSV, cuts))).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  // The converter's dialect, not a count on the header line: the semicolons in a quoted header
  // cell outnumber the commas, yet every row splits by commas.
  it('splits by the delimiter the converter reads the file with', async () => {
    const csv = 'deviceId,primaryKey,"note;a;b;c"\nd1,not-key-shaped,x\n';
    expect(await mask('csv', [csv])).toBe('deviceId,primaryKey,"note;a;b;c"\nd1,***,x\n');
  });

  it('does not take a quote after a space for a quoted cell, as the converter does not', async () => {
    const csv = 'deviceId,note,primaryKey\nd1, "a,not-key-shaped",x\n';
    expect(await mask('csv', [csv])).toBe('deviceId,note,primaryKey\nd1, "a,***,x\n');
  });

  it('ends records at CR in a file whose line breaks are CR', async () => {
    expect(await mask('csv', ['deviceId,primaryKey\rd1,not-key-shaped\r'])).toBe(
      'deviceId,primaryKey\rd1,***\r',
    );
  });

  it('keeps a lone LF inside a cell of a CRLF file, as the converter does', async () => {
    const csv = 'deviceId,note,primaryKey\r\nd1,a\nb,not-key-shaped\r\n';
    expect(await mask('csv', [csv])).toBe('deviceId,note,primaryKey\r\nd1,a\nb,***\r\n');
  });
});

describe('sniffing (source.txt)', () => {
  it('treats a file starting with { as JSON and anything else as CSV', async () => {
    expect(await mask('sniff', ['  \n', `{"primaryKey":"${KEY_A}"}`])).toBe(
      '  \n{"primaryKey":"***"}',
    );
    expect(await mask('sniff', ['id,secondaryKey\n', `a,${KEY_A}\n`])).toBe(
      'id,secondaryKey\na,***\n',
    );
  });

  it('passes an empty file through', async () => {
    expect(await mask('sniff', [''])).toBe('');
  });
});
