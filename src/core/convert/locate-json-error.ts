// JSON.parse's messages differ between engines and often give no position (V8 in Node 20 says
// `Unexpected token '}', "..." is not valid JSON`), so a failed parse is re-scanned here to name
// the line and column of the first error. Runs only on failure, never on the hot path.
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  reason: string;
}

class Fail extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function scan(text: string): void {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const expectWord = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else throw new Fail(i, `unexpected ${describe(text, i)}`);
  };
  const string = (): void => {
    i++;
    for (;;) {
      if (i >= text.length) throw new Fail(i, 'unterminated string');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) throw new Fail(i, 'control character (e.g. a line break) inside a string');
      if (c === 92) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            throw new Fail(i, 'bad \\u escape');
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next))
          throw new Fail(i, 'bad escape sequence');
        i += 2;
        continue;
      }
      i++;
    }
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '' || match[0] === '-')
      throw new Fail(i, `unexpected ${describe(text, i)}`);
    i += match[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return container('}', true);
    if (c === '[') return container(']', false);
    if (c === '"') return string();
    if (c === 't') return expectWord('true');
    if (c === 'f') return expectWord('false');
    if (c === 'n') return expectWord('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    throw new Fail(i, `unexpected ${describe(text, i)}`);
  };
  const container = (close: string, isObject: boolean): void => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      if (isObject) {
        ws();
        if (text[i] !== '"')
          throw new Fail(
            i,
            `expected a property name in double quotes, found ${describe(text, i)}`,
          );
        string();
        ws();
        if (text[i] !== ':')
          throw new Fail(i, `expected ":" after a property name, found ${describe(text, i)}`);
        i++;
      }
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      throw new Fail(i, `expected "," or "${close}", found ${describe(text, i)}`);
    }
  };
  value();
  ws();
  if (i < text.length)
    throw new Fail(i, `unexpected ${describe(text, i)} after the end of the JSON value`);
}

function describe(text: string, i: number): string {
  if (i >= text.length) return 'end of file';
  return JSON.stringify(text.slice(i, i + 12));
}

function toLocation(text: string, offset: number, reason: string): JsonErrorLocation {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1, reason };
}

/**
 * Where the first syntax error of `text` is, or undefined when the text is valid JSON (or too deep
 * to scan).
 */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  try {
    scan(text);
    return undefined;
  } catch (error) {
    if (error instanceof Fail) return toLocation(text, error.offset, error.reason);
    return undefined;
  }
}
