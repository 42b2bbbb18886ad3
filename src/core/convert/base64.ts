// Keys are checked by their characters and length, never decoded. Blink's atob is the largest
// validation cost at 1M rows (perf-notes.md sec. 4: 2M atob take 1.3-3.0 s in a Chromium worker),
// and a regular expression beats a charCodeAt loop by about 2x here: the keys are sliced strings
// of the CSV chunk, which irregexp scans in native code while charCodeAt unwraps them every call.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PADDED_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decoded byte length of a padded standard base64 string, or -1 when it is not valid base64. */
export function decodedBase64Length(value: string): number {
  const length = value.length;
  if (length === 0 || length % 4 !== 0 || !PADDED_BASE64.test(value)) return -1;
  const padding = value.charCodeAt(length - 1) !== 61 ? 0 : value.charCodeAt(length - 2) === 61 ? 2 : 1;
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
