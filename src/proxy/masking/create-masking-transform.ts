import { Transform, type TransformCallback } from 'node:stream';
import { createCsvMaskingTransform } from './mask-csv-stream';
import { createJsonMaskingTransform } from './mask-json-stream';
import { createSecretFields, type SecretFields } from './secret-fields';

export type MaskedFormat = 'json' | 'csv' | 'sniff';

/**
 * The transform a support user's download goes through. `sniff` (for `source.txt`) decides from the
 * first non-blank character: `{` or `[` means JSON/NDJSON, anything else CSV.
 */
export function createMaskingTransform(
  format: MaskedFormat,
  fields: SecretFields = createSecretFields(),
): Transform {
  if (format === 'json') return createJsonMaskingTransform(fields);
  if (format === 'csv') return createCsvMaskingTransform(fields);
  return createSniffingTransform(fields);
}

function createSniffingTransform(fields: SecretFields): Transform {
  let inner: Transform | undefined;
  let head = Buffer.alloc(0);
  const start = (outer: Transform): Transform => {
    const text = head
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    const chosen =
      text.startsWith('{') || text.startsWith('[')
        ? createJsonMaskingTransform(fields)
        : createCsvMaskingTransform(fields);
    chosen.on('data', (data: Buffer | string) => outer.push(data));
    chosen.on('error', (error) => outer.destroy(error));
    return chosen;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (inner) {
        inner.write(chunk, callback);
        return;
      }
      head = Buffer.concat([head, chunk]);
      if (
        !head
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .trim()
      ) {
        callback();
        return;
      }
      inner = start(this);
      inner.write(head, callback);
    },
    flush(callback: TransformCallback) {
      if (!inner) {
        inner = start(this);
        if (head.length > 0) inner.write(head);
      }
      inner.once('end', () => callback());
      inner.end();
    },
  });
}
