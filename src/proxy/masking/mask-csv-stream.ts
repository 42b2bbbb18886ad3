import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { guessCsvDialect, type CsvDialect } from '../../core/convert/csv/guess-csv-dialect';
import { maskSecretPatterns } from './mask-secret-patterns';
import { createSecretFields, type SecretFields } from './secret-fields';
import { MASKED_SECRET } from '../../contracts/api/files';
import { isIdentityName } from './secret-names';

// Masks a CSV of any size, one character at a time with RFC 4180 quoting (quoted fields may hold
// delimiters, doubled quotes and newlines): whole columns that are secret (secret-fields.ts: by
// header name, detection or the admin's mapping), and secrets written inside any other cell (a
// connection string in a twin column, a key-shaped value in a column nobody mapped). Every other
// byte is passed through unchanged. The delimiter and the line break are the converter's own guess
// from the same first lines (core's guessCsvDialect), so a cell is masked by the column the
// converter read it in.

function unquote(field: string): string {
  // Most cells are bare values: skip the regular expression for them.
  if (!field.endsWith('\r') && !field.includes('"')) return field.trim();
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
  let dialect: CsvDialect | undefined;
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
      out += (field.trimStart().startsWith('"') ? `"${MASKED_SECRET}"` : MASKED_SECRET) + cr;
    } else {
      out += maskCell(field, !identities.has(column));
    }
    out += terminator;
    field = '';
    column++;
  };

  const consume = (text: string, { delimiter, newline }: CsvDialect): void => {
    // A record ends at the file's line break only: with CRLF a lone LF is part of a cell, as it is
    // for the converter, and a file of CR line breaks has records too.
    const recordEnd = newline === '\r' ? '\r' : '\n';
    const pairedWithCr = newline === '\r\n';
    const delimiterCode = delimiter.charCodeAt(0);
    const recordEndCode = recordEnd.charCodeAt(0);
    // Runs of ordinary characters are copied as one slice: a support download of a 1,000,000-row
    // source is ~130 MB, and one string append per character was most of its masking time.
    let i = 0;
    while (i < text.length) {
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (text[i] === '"') {
            field += '"';
            i++;
            continue;
          }
          inQuotes = false;
        } else {
          const quote = text.indexOf('"', i);
          if (quote < 0) {
            field += text.slice(i);
            return;
          }
          field += text.slice(i, quote + 1);
          quoteSeen = true;
          i = quote + 1;
          continue;
        }
      }
      let j = i;
      while (j < text.length) {
        const code = text.charCodeAt(j);
        if (code === delimiterCode || code === recordEndCode || code === 0x22) break;
        j++;
      }
      if (j > i) {
        field += text.slice(i, j);
        i = j;
        continue;
      }
      const c = text[i]!;
      if (c === delimiter) endField(c);
      else if (c === recordEnd && (!pairedWithCr || field.endsWith('\r'))) {
        endField(c);
        column = 0;
        header = false;
      } else {
        // Only a quote that opens the cell quotes it, as papaparse reads it for the converter:
        // after a space, the quote and the delimiters behind it are plain text.
        if (c === '"' && field === '') inQuotes = true;
        field += c;
      }
      i++;
    }
  };

  const run = (stream: Transform, text: string, final: boolean): void => {
    if (!dialect) {
      pending += text;
      // The converter guesses on its text after the byte order mark.
      dialect = guessCsvDialect(
        pending.charCodeAt(0) === 0xfeff ? pending.slice(1) : pending,
        final,
      );
      if (!dialect) return;
      text = pending;
      pending = '';
    }
    consume(text, dialect);
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
