import { Transform, type TransformCallback } from 'node:stream';
import { KEY_MASK } from '../../src/core/model/key-mask';
import { isSecretName } from '../../src/proxy/masking/secret-names';

// The baseline the real mask is measured against: the plain way to mask by field name, with no
// scanner, no free-text patterns and no dialect guessing. Lines split on LF; a JSON line parsed,
// every member whose name is secret replaced, serialised again; a CSV row split on commas (the
// bench's CSV has no quotes) with the secret header columns blanked.

function createLineTransform(maskLine: (line: string, index: number) => string): Transform {
  let carry = '';
  let index = 0;
  const maskLines = (text: string): string => {
    const lines = text.split('\n');
    carry = lines.pop() ?? '';
    return lines.map((line) => maskLine(line, index++) + '\n').join('');
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      callback(null, maskLines(carry + chunk.toString('utf8')));
    },
    flush(callback: TransformCallback) {
      callback(null, carry ? maskLine(carry, index++) : '');
    },
  });
}

function maskValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskValue);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(value as Record<string, unknown>))
    out[name] = isSecretName(name) && typeof member === 'string' ? KEY_MASK : maskValue(member);
  return out;
}

export function createNameBasedJsonMask(): Transform {
  return createLineTransform((line) => {
    const trimmed = line.replace(/\r$/, '');
    return trimmed.trim() ? JSON.stringify(maskValue(JSON.parse(trimmed))) : trimmed;
  });
}

export function createNameBasedCsvMask(): Transform {
  let secretColumns: number[] = [];
  return createLineTransform((line, index) => {
    const cells = line.split(',');
    if (index === 0) {
      secretColumns = cells.flatMap((cell, i) => (isSecretName(cell) ? [i] : []));
      return line;
    }
    for (const i of secretColumns) if (cells[i] !== undefined) cells[i] = KEY_MASK;
    return cells.join(',');
  });
}
