import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { maskSecretPatterns } from './mask-secret-patterns';
import { createSecretFields, type SecretFields } from './secret-fields';
import { MASK, isIdentityName } from './secret-names';

// Masks a CSV of any size, one character at a time with RFC 4180 quoting (quoted fields may hold
// delimiters, doubled quotes and newlines): whole columns that are secret (secret-fields.ts: by
// header name, detection or the admin's mapping), and secrets written inside any other cell (a
// connection string in a twin column, a key-shaped value in a column nobody mapped). Every other
// byte is passed through unchanged. The delimiter is guessed from the header line the way
// spreadsheet exports vary: comma, semicolon, tab or pipe.

const CANDIDATES = [',', ';', '\t', '|'];

export function guessDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const count = headerLine.split(candidate).length - 1;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

function unquote(field: string): string {
  const trimmed = field.replace(/\r$/, '').trim();
  return trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replaceAll('""', '"')
    : trimmed;
}

function requote(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/** A cell of a column that is not secret as a whole: only what the free-text patterns find. */
function maskCell(field: string, keyShapes: boolean): string {
  const cr = field.endsWith('\r') ? '\r' : '';
  const value = unquote(field);
  const masked = maskSecretPatterns(value, { keyShapes });
  return masked === value ? field : requote(masked) + cr;
}

export function createCsvMaskingTransform(fields: SecretFields = createSecretFields()): Transform {
  const decoder = new StringDecoder('utf8');
  let delimiter: string | undefined;
  let pending = '';
  let header = true;
  const masked = new Set<number>();
  const identities = new Set<number>();
  let column = 0;
  let field = '';
  let inQuotes = false;
  let quoteSeen = false;
  let out = '';

  const endField = (terminator: string): void => {
    if (header) {
      // A spreadsheet's byte order mark sits in front of the first header name.
      const name = unquote(field.replace(/^\uFEFF/, ''));
      if (fields.isSecretColumn(name)) masked.add(column);
      if (isIdentityName(name)) identities.add(column);
      out += field;
    } else if (masked.has(column) && unquote(field) !== '') {
      const cr = field.endsWith('\r') ? '\r' : '';
      out += (field.trimStart().startsWith('"') ? `"${MASK}"` : MASK) + cr;
    } else {
      out += maskCell(field, !identities.has(column));
    }
    out += terminator;
    field = '';
    column++;
  };

  const consume = (text: string, delim: string): void => {
    for (const c of text) {
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c === '"') {
            field += c;
            continue;
          }
          inQuotes = false;
        } else {
          field += c;
          if (c === '"') quoteSeen = true;
          continue;
        }
      }
      if (c === delim) endField(c);
      else if (c === '\n') {
        endField(c);
        column = 0;
        header = false;
      } else {
        if (c === '"' && field.trim() === '') inQuotes = true;
        field += c;
      }
    }
  };

  const run = (stream: Transform, text: string, final: boolean): void => {
    if (!delimiter) {
      pending += text;
      const newline = pending.indexOf('\n');
      if (newline < 0 && !final) return;
      delimiter = guessDelimiter(newline < 0 ? pending : pending.slice(0, newline));
      text = pending;
      pending = '';
    }
    consume(text, delimiter);
    if (final && (field !== '' || column > 0)) endField('');
    if (out) stream.push(out);
    out = '';
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      run(this, decoder.write(chunk), false);
      callback();
    },
    flush(callback: TransformCallback) {
      run(this, decoder.end(), true);
      callback();
    },
  });
}
