// Keys are checked by their characters and length, never decoded. Blink's atob is the largest
// validation cost at 1M rows (docs/reference/measured-baselines.md#conversion-in-the-browser: 2M
// atob take 1.3-3.0 s in a Chromium worker). A search for a character outside the alphabet is about
// twice as fast as an anchored match of the whole key, and three times a charCodeAt loop: irregexp
// scans for a character class in native code, while charCodeAt unwraps the key (a sliced string of
// the CSV chunk) on every call.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const OUTSIDE_ALPHABET = /[^A-Za-z0-9+/=]/;

/** Decoded byte length of a padded standard base64 string, or -1 when it is not valid base64. */
export function decodedBase64Length(value: string): number {
  const length = value.length;
  if (length === 0 || length % 4 !== 0 || OUTSIDE_ALPHABET.test(value)) return -1;
  // Padding: at most two "=", and only at the very end.
  const firstPad = value.indexOf('=');
  if (firstPad === -1) return (length / 4) * 3;
  if (firstPad < length - 2 || (firstPad === length - 2 && value.charCodeAt(length - 1) !== 61))
    return -1;
  return (length / 4) * 3 - (length - firstPad);
}

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out +=
      ALPHABET[(n >> 18) & 63]! +
      ALPHABET[(n >> 12) & 63]! +
      ALPHABET[(n >> 6) & 63]! +
      ALPHABET[n & 63]!;
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
