import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { MASK, isSecretName } from './secret-names';

// Masks the values of key-like columns (by header name) in a CSV of any size, one character at a
// time with RFC 4180 quoting (quoted fields may hold delimiters, doubled quotes and newlines).
// Every other byte is passed through unchanged. The delimiter is guessed from the header line the
// way spreadsheet exports vary: comma, semicolon, tab or pipe.

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

export function createCsvMaskingTransform(): Transform {
  const decoder = new StringDecoder('utf8');
  let delimiter: string | undefined;
  let pending = '';
  let header = true;
  const masked = new Set<number>();
  let column = 0;
  let field = '';
  let inQuotes = false;
  let quoteSeen = false;
  let out = '';

  const endField = (terminator: string): void => {
    if (header) {
      if (isSecretName(unquote(field))) masked.add(column);
      out += field;
    } else if (masked.has(column) && unquote(field) !== '') {
      const cr = field.endsWith('\r') ? '\r' : '';
      out += (field.trimStart().startsWith('"') ? `"${MASK}"` : MASK) + cr;
    } else {
      out += field;
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
