import { maskSecretPatterns } from './mask-secret-patterns';
import { MASKED_SECRET } from '../../contracts/api/files';
import { isIdentityName } from './secret-names';
import type { SecretFields } from './secret-fields';

// A streaming JSON scanner that masks values by what they are, not by how a line looks: it keeps
// the path of object keys down to every value, so a value is masked when its own key or any key
// above it names a secret (`symmetricKey.primaryKey`, `registryCredentials.acr.password`,
// `env.DB_PASSWORD.value`) or matches a column the admin mapped to a key. Every other string goes
// through the free-text patterns (a raw line in `errorStatus`, a connection string in a twin), with
// embedded JSON scanned the same way. Any layout works: NDJSON, pretty-printed, one minified array,
// even text that is not JSON at all (it passes through, strings and all, pattern-masked). Bytes
// that need no mask are copied unchanged; only a string that holds a secret is rewritten.

interface Frame {
  kind: 'object' | 'array';
  /** Everything inside is secret (the value's key or an ancestor's names one). */
  secret: boolean;
  /** Object: the key of the member being read; its value is secret when `memberSecret`. */
  key: string | undefined;
  memberSecret: boolean;
  expectKey: boolean;
}

/** A string with no closing quote this long is refused rather than buffered without bound. */
export const MAX_STRING = 16 * 1024 * 1024;
/** Embedded JSON inside a string inside a string...: deeper than this only the patterns apply. */
const MAX_EMBED_DEPTH = 3;
/**
 * Nesting kept track of; deeper levels (no device file comes close) are counted, not stored, and
 * everything in them is masked, so a file of a million `[` cannot exhaust memory.
 */
const MAX_NESTING = 256;

export class JsonSecretScanner {
  private readonly stack: Frame[] = [];
  private carry = '';
  /** Inside `carry` (an unfinished string from its opening quote): where scanning resumes. */
  private resumeAt = 0;
  private escaped = false;
  private skippingNumber = false;
  private overflow = 0;

  constructor(
    private readonly fields: SecretFields,
    private readonly depth = 0,
  ) {}

  write(chunk: string): string {
    const text = this.carry + chunk;
    const inString = this.carry !== '';
    this.carry = '';
    return this.scan(text, inString);
  }

  /**
   * The rest of the input. An unfinished string (a raw line the hub cut short) is never passed
   * raw: in a secret value's place it is masked whole, anywhere else pattern-masked.
   */
  end(): string {
    const rest = this.carry;
    this.carry = '';
    if (rest === '') return '';
    return this.valueIsSecret()
      ? `"${MASKED_SECRET}`
      : maskSecretPatterns(rest, { keyShapes: true });
  }

  private scan(text: string, resumeInString: boolean): string {
    let out = '';
    let copyFrom = 0;
    let i = 0;
    if (resumeInString) {
      const closed = this.findStringEnd(text, this.resumeAt);
      if (closed < 0) return this.hold(text, 0, out);
      out += this.emitString(text.slice(0, closed + 1));
      copyFrom = i = closed + 1;
    }
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.skippingNumber) {
        if (isNumberChar(c)) {
          copyFrom = i + 1;
          continue;
        }
        this.skippingNumber = false;
      }
      if (c === 0x22) {
        out += text.slice(copyFrom, i);
        this.escaped = false;
        const closed = this.findStringEnd(text, i + 1);
        if (closed < 0) return this.hold(text, i, out);
        out += this.emitString(text.slice(i, closed + 1));
        i = closed;
        copyFrom = i + 1;
      } else if (
        (c === 0x7b || c === 0x5b) &&
        (this.overflow > 0 || this.stack.length >= MAX_NESTING)
      ) {
        this.overflow++;
      } else if (c === 0x7b || c === 0x5b) {
        this.stack.push({
          kind: c === 0x7b ? 'object' : 'array',
          secret: this.valueIsSecret(),
          key: undefined,
          memberSecret: false,
          expectKey: c === 0x7b,
        });
      } else if (c === 0x7d || c === 0x5d) {
        if (this.overflow > 0) this.overflow--;
        else this.stack.pop();
      } else if (c === 0x2c) {
        const top = this.top();
        if (top?.kind === 'object') {
          top.expectKey = true;
          top.key = undefined;
        }
      } else if ((c === 0x2d || (c >= 0x30 && c <= 0x39)) && this.valueIsSecret()) {
        // A numeric PIN or password is as secret as a string one.
        out += text.slice(copyFrom, i) + `"${MASKED_SECRET}"`;
        this.skippingNumber = true;
        copyFrom = i + 1;
      }
    }
    return out + text.slice(copyFrom);
  }

  /** Index of the closing quote at or after `from`, or -1 (the escape state is kept for later). */
  private findStringEnd(text: string, from: number): number {
    for (let j = from; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (this.escaped) this.escaped = false;
      else if (c === 0x5c) this.escaped = true;
      else if (c === 0x22) return j;
    }
    return -1;
  }

  private hold(text: string, stringStart: number, out: string): string {
    this.carry = text.slice(stringStart);
    this.resumeAt = this.carry.length;
    if (this.carry.length > MAX_STRING)
      throw new Error('refusing to mask a JSON string longer than 16 MiB');
    return out;
  }

  /** `raw` is one whole string literal, quotes included. */
  private emitString(raw: string): string {
    const top = this.top();
    let decoded: string | undefined;
    try {
      // Without a backslash the text between the quotes is the value (most strings: ids, keys).
      decoded = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
    } catch {
      // Not valid JSON string syntax (a bare control character, a bad escape): still a key or a
      // value in its place, but only the patterns can mask it.
      decoded = undefined;
    }
    if (top?.kind === 'object' && top.expectKey && this.overflow === 0) {
      const name = decoded ?? raw.slice(1, -1);
      top.key = name;
      top.expectKey = false;
      top.memberSecret = top.secret || this.fields.isSecretKey(name, () => this.keyPath());
      return raw;
    }
    if (this.valueIsSecret()) return raw === '""' ? raw : `"${MASKED_SECRET}"`;
    if (decoded === undefined) return maskSecretPatterns(raw, { keyShapes: true });
    const keyShapes = !(top?.kind === 'object' && top.key !== undefined && isIdentityName(top.key));
    const masked = this.maskText(decoded, keyShapes);
    return masked === decoded ? raw : JSON.stringify(masked);
  }

  private maskText(text: string, keyShapes: boolean): string {
    let out = text;
    if (this.depth < MAX_EMBED_DEPTH && out.includes('"')) {
      const embedded = new JsonSecretScanner(this.fields, this.depth + 1);
      out = embedded.write(out) + embedded.end();
    }
    return maskSecretPatterns(out, { keyShapes });
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  private valueIsSecret(): boolean {
    if (this.overflow > 0) return true;
    const top = this.top();
    if (!top) return false;
    return top.kind === 'object' ? top.memberSecret && !top.expectKey : top.secret;
  }

  /** Object keys from the outermost value down to the member being read (array levels skipped). */
  private keyPath(): string[] {
    const path: string[] = [];
    for (const frame of this.stack)
      if (frame.kind === 'object' && frame.key !== undefined) path.push(frame.key);
    return path;
  }
}

function isNumberChar(c: number): boolean {
  // digits . + - e E
  return (
    (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2b || c === 0x2d || c === 0x65 || c === 0x45
  );
}
