import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';

// The converter reads UTF-16 files with a byte order mark (what Excel writes as "Unicode text";
// src/core/convert/input-decoder.ts). The masking reads UTF-8. Without this step a UTF-16 source
// would pass the mask as bytes it cannot read, keys included: so a UTF-16 file is turned into UTF-8
// before it is masked, and support reads it as UTF-8.

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function encodingOf(head: Buffer): Encoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Passes UTF-8 through untouched; decodes UTF-16 (LE or BE, with BOM) to UTF-8. */
export function createUtf8Transcoder(): Transform {
  let head: Buffer | null = Buffer.alloc(0);
  let decoder: TextDecoder | null = null;
  const decide = (outer: Transform, bytes: Buffer): void => {
    const encoding = encodingOf(bytes);
    if (encoding === 'utf-8') {
      outer.push(bytes);
      return;
    }
    decoder = new TextDecoder(encoding);
    // The BOM goes: the text is UTF-8 from here on, which needs none.
    outer.push(Buffer.from(decoder.decode(bytes.subarray(2), { stream: true }), 'utf8'));
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (head !== null) {
        head = Buffer.concat([head, chunk]);
        if (head.length < 2) {
          callback();
          return;
        }
        const bytes = head;
        head = null;
        decide(this, bytes);
        callback();
        return;
      }
      if (decoder) this.push(Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
      else this.push(chunk);
      callback();
    },
    flush(callback: TransformCallback) {
      if (head !== null && head.length > 0) decide(this, head);
      if (decoder) {
        const rest = decoder.decode();
        if (rest) this.push(Buffer.from(rest, 'utf8'));
      }
      callback();
    },
  });
}
