// Per-property twin limits (docs/reference/hub-wire-contract.md#twins, #limits): a key is at most 1
// KB of UTF-8 with no control characters, and each string value at most 4 KB of UTF-8. Core code
// has no TextEncoder guarantee and no Buffer, so byte lengths are counted from UTF-16 units here.
export const TWIN_KEY_MAX_BYTES = 1024;
export const TWIN_VALUE_MAX_BYTES = 4096;

export type TwinKeyFault = 'reserved' | 'too-long' | 'control';

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** UTF-8 byte length of a string; a lone surrogate counts 3 bytes, as U+FFFD does once encoded. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length;) {
    const size = utf8SizeAt(text, i);
    bytes += size;
    i += size === 4 ? 2 : 1;
  }
  return bytes;
}

/**
 * UTF-8 bytes of the character starting at code unit `i`: 4 means a surrogate pair, which takes two
 * code units; a lone surrogate counts 3, as U+FFFD does once encoded. Returns a number, not a pair,
 * so the hot scanners below allocate nothing.
 */
function utf8SizeAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  return isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(i + 1)) ? 4 : 3;
}

/** Unicode "Cc": C0 controls, DEL and C1 controls. */
export function isControlCharacter(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

/** Why the hub refuses a twin key, or null. Reserved covers empty keys and `.`, `$`, space. */
export function twinKeyFault(key: string): TwinKeyFault | null {
  if (key.length === 0) return 'reserved';
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (isControlCharacter(c)) return 'control';
    if (c === 46 || c === 36 || c === 32) return 'reserved';
  }
  // A UTF-16 unit is at most 3 UTF-8 bytes, so short keys skip the exact count.
  if (key.length * 3 > TWIN_KEY_MAX_BYTES && utf8Length(key) > TWIN_KEY_MAX_BYTES)
    return 'too-long';
  return null;
}

/**
 * True when a string value (not a key) is longer than 4 KB once decoded; the callers only need yes
 * or no.
 */
export function isStringValueTooLong(value: string): boolean {
  return (
    value.length > TWIN_VALUE_MAX_BYTES ||
    (value.length * 3 > TWIN_VALUE_MAX_BYTES && utf8Length(value) > TWIN_VALUE_MAX_BYTES)
  );
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  return c - 55;
}

function hex4(text: string, at: number): number {
  return (
    (hexDigit(text.charCodeAt(at)) << 12) |
    (hexDigit(text.charCodeAt(at + 1)) << 8) |
    (hexDigit(text.charCodeAt(at + 2)) << 4) |
    hexDigit(text.charCodeAt(at + 3))
  );
}

/**
 * Scans JSON text (as JSON.stringify writes it) for a string value whose decoded UTF-8 length is
 * over
 * `maxBytes`, without parsing or allocating. A string directly followed by `:` is a key and is
 * skipped.
 */
export function hasLongJsonStringValue(text: string, maxBytes: number): boolean {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (text.charCodeAt(i) !== 34) {
      i++;
      continue;
    }
    let bytes = 0;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c !== 92) {
        const size = utf8SizeAt(text, i);
        bytes += size;
        i += size === 4 ? 2 : 1;
      } else if (text.charCodeAt(i + 1) !== 117) {
        bytes += 1;
        i += 2;
      } else {
        const u = hex4(text, i + 2);
        if (
          isHighSurrogate(u) &&
          text.charCodeAt(i + 6) === 92 &&
          text.charCodeAt(i + 7) === 117 &&
          isLowSurrogate(hex4(text, i + 8))
        ) {
          bytes += 4;
          i += 12;
        } else {
          bytes += u < 0x80 ? 1 : u < 0x800 ? 2 : 3;
          i += 6;
        }
      }
    }
    i++;
    if (bytes > maxBytes && text.charCodeAt(i) !== 58) return true;
  }
  return false;
}
