// Char-code base64 handling. Blink's atob is the largest validation cost at 1M rows
// (perf-notes.md sec. 4: 2M atob take 1.3-3.0 s in a Chromium worker), so keys are checked by
// counting characters instead of decoding them.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const IS_BASE64 = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) IS_BASE64[ALPHABET.charCodeAt(i)] = 1;

/** Decoded byte length of a padded standard base64 string, or -1 when it is not valid base64. */
export function decodedBase64Length(value: string): number {
  const length = value.length;
  if (length === 0 || length % 4 !== 0) return -1;
  let padding = 0;
  if (value.charCodeAt(length - 1) === 61) padding = value.charCodeAt(length - 2) === 61 ? 2 : 1;
  const end = length - padding;
  for (let i = 0; i < end; i++) {
    const code = value.charCodeAt(i);
    if (code > 127 || IS_BASE64[code] === 0) return -1;
  }
  return (length / 4) * 3 - padding;
}

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + '=';
  }
  return out;
}
