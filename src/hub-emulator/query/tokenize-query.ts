import { QueryParseError } from './query-ast';

// Tokens of the query language: numbers, 'single' or "double" quoted strings ('' escapes a quote),
// dotted names (`properties.reported.fw`, `$metadata` segments included) and symbols.
export type Token =
  | { type: 'num'; value: number }
  | { type: 'str'; value: string }
  | { type: 'word'; value: string }
  | { type: 'sym'; value: string };

const TOKEN =
  /\s*(?:(-?\d+(?:\.\d+)?)|'((?:[^']|'')*)'|"((?:[^"\\]|\\.)*)"|([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)|(<=|>=|!=|<>|[=<>(),*[\]]))/y;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length && text.slice(index).trim() !== '') {
    TOKEN.lastIndex = index;
    const m = TOKEN.exec(text);
    if (!m) throw new QueryParseError(`Syntax error at position ${index}.`);
    index = TOKEN.lastIndex;
    if (m[1] !== undefined) tokens.push({ type: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ type: 'str', value: m[2].replaceAll("''", "'") });
    else if (m[3] !== undefined) tokens.push({ type: 'str', value: parseDoubleQuoted(m[3]) });
    else if (m[4] !== undefined) tokens.push({ type: 'word', value: m[4] });
    else tokens.push({ type: 'sym', value: m[5] === '<>' ? '!=' : (m[5] ?? '') });
  }
  return tokens;
}

function parseDoubleQuoted(body: string): string {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    throw new QueryParseError(`Invalid escape in the string "${body}".`);
  }
}

/** A cursor over the tokens with the small helpers every parser step needs. */
export class TokenCursor {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  next(): Token | undefined {
    return this.tokens[this.pos++];
  }
  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }
  isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.type === 'word' && token.value.toLowerCase() === word;
  }
  isSym(sym: string): boolean {
    const token = this.peek();
    return token?.type === 'sym' && token.value === sym;
  }
  takeWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.pos++;
    return true;
  }
  takeSym(sym: string): boolean {
    if (!this.isSym(sym)) return false;
    this.pos++;
    return true;
  }
  expectWord(word: string): void {
    if (!this.takeWord(word)) throw new QueryParseError(`Expected ${word.toUpperCase()}.`);
  }
  expectSym(sym: string): void {
    if (!this.takeSym(sym)) throw new QueryParseError(`Expected '${sym}'.`);
  }
}
