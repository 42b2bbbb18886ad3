import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { MASK, isSecretName } from './secret-names';

// Masks `"<secret name>": "<value>"` pairs in NDJSON or JSON text of any layout (one line per
// device, pretty-printed, or one 100 MB minified array) without parsing whole documents and without
// changing any other byte. Text is cut only right after `{ } [ ] ,` outside strings: no key/value
// pair spans such a cut, so each piece can be masked on its own.

const PAIR = /("(?:[^"\\]|\\.)*")(\s*:\s*)"(?:[^"\\]|\\.)*"/g;
/** A piece with no safe cut point this long is refused rather than buffered without bound. */
const MAX_CARRY = 16 * 1024 * 1024;

export function maskJsonText(text: string): string {
  return text.replace(PAIR, (whole, key: string, colon: string) => {
    let name: string;
    try {
      name = JSON.parse(key) as string;
    } catch {
      return whole;
    }
    return isSecretName(name) ? `${key}${colon}"${MASK}"` : whole;
  });
}

export function createJsonMaskingTransform(): Transform {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let inString = false;
  let escaped = false;
  let scanned = 0;

  const flushSafe = (stream: Transform, text: string): string => {
    let cut = -1;
    for (let i = scanned; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === ',' || c === '{' || c === '}' || c === '[' || c === ']') cut = i + 1;
    }
    if (cut < 0) {
      scanned = text.length;
      return text;
    }
    stream.push(maskJsonText(text.slice(0, cut)));
    // The string/escape flags already describe the end of `text`, so the carried rest is not
    // rescanned.
    const rest = text.slice(cut);
    scanned = rest.length;
    return rest;
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      carry = flushSafe(this, carry + decoder.write(chunk));
      if (carry.length > MAX_CARRY)
        return callback(new Error('refusing to mask a JSON token longer than 16 MiB'));
      return callback();
    },
    flush(callback: TransformCallback) {
      const rest = carry + decoder.end();
      if (rest) this.push(maskJsonText(rest));
      callback();
    },
  });
}
