import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { JsonSecretScanner } from './json-secret-scanner';
import { createSecretFields, type SecretFields } from './secret-fields';

// Masks JSON or NDJSON of any size and layout as it streams (json-secret-scanner.ts): only an
// unfinished string is held between chunks, never a line or a document.

export function maskJsonText(text: string, fields: SecretFields = createSecretFields()): string {
  const scanner = new JsonSecretScanner(fields);
  return scanner.write(text) + scanner.end();
}

export function createJsonMaskingTransform(fields: SecretFields = createSecretFields()): Transform {
  const decoder = new StringDecoder('utf8');
  const scanner = new JsonSecretScanner(fields);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        const out = scanner.write(decoder.write(chunk));
        if (out) this.push(out);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        const out = scanner.write(decoder.end()) + scanner.end();
        if (out) this.push(out);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
