import { MASKED_SECRET } from '../../contracts/api/files';
import { isSecretName } from './secret-names';

// Secrets inside free text, where no field name tells us what a value is: the hub's import error
// log copies a line it could not read into `errorStatus`, and a twin property or an IoT Edge
// `createOptions` may hold a connection string. Three shapes are masked:
// - `"name": "value"` pairs with a secret name, also JSON-escaped (`\"primaryKey\":\"...\"`), which
//   is how a broken raw line reads when no parser can follow it;
// - `name=value` assignments with a secret name: `SharedAccessKey=...`, `AccountKey=...`,
//   `Password=...`, and a SAS token's or URL's `sig=...`;
// - base64 tokens shaped like a symmetric key (the hub's keys are 16 to 64 bytes: 24 to 88
//   characters), unless the caller says the text is an identifier.

const QUOTED_PAIR = /(\\*"((?:[^"\\]|\\.)*?)\\*"\s*:\s*)(\\*")((?:[^"\\]|\\[^"])*)(\\*")/g;
const ASSIGNMENT = /([A-Za-z0-9_.$-]+)(\s*=\s*)([^\s;&"'\\,}\]]+)/g;
const BASE64_TOKEN = /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{20,}={0,2}(?![A-Za-z0-9+/=])/g;

/** Cheap test first: most values (ids, statuses, dates) cannot hold any of the three shapes. */
function mayHoldSecret(text: string): boolean {
  return text.length >= 24 || text.includes('=') || text.includes('"');
}

export function looksLikeKey(token: string): boolean {
  if (token.length < 24 || token.length > 88 || token.length % 4 !== 0) return false;
  if (token.endsWith('=')) return true;
  return /[A-Z]/.test(token) && /[a-z]/.test(token) && /[0-9]/.test(token);
}

export interface PatternOptions {
  /** False for identifiers (`id`, `deviceId`): their value is never a key, however it looks. */
  keyShapes: boolean;
}

export function maskSecretPatterns(text: string, options: PatternOptions): string {
  if (!mayHoldSecret(text)) return text;
  // Each shape needs a character the others do not: test for it before running its expression
  // (most long values, such as timestamps and etags, hold none of them).
  let out = text;
  if (text.includes('"') && text.includes(':'))
    out = out.replace(
      QUOTED_PAIR,
      (whole, head: string, name: string, open: string, value: string, close: string) =>
        value !== '' && isSecretName(name.replaceAll('\\', ''))
          ? `${head}${open}${MASKED_SECRET}${close}`
          : whole,
    );
  if (out.includes('='))
    out = out.replace(ASSIGNMENT, (whole, name: string, equals: string) =>
      isSecretName(name) ? `${name}${equals}${MASKED_SECRET}` : whole,
    );
  if (options.keyShapes && out.length >= 20)
    out = out.replace(BASE64_TOKEN, (token) => (looksLikeKey(token) ? MASKED_SECRET : token));
  return out;
}
