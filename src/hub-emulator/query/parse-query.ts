// The subset of the IoT Hub query language the emulator answers (issue 3): SELECT * or SELECT
// COUNT() [AS alias] FROM devices | devices.modules [WHERE <condition>] with =, !=, <>, <, >, <=,
// >=, AND, OR, NOT and parentheses over dotted paths of the twin document. Anything else is a loud
// ParseError, never a silently wrong answer.
export type Literal = string | number | boolean | null;
export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; operand: Condition }
  | { kind: 'compare'; path: string[]; op: '=' | '!=' | '<' | '>' | '<=' | '>='; value: Literal };

export interface ParsedQuery {
  source: 'devices' | 'devices.modules';
  select: { kind: 'all' } | { kind: 'count'; alias: string };
  where: Condition | undefined;
}

export class QueryParseError extends Error {}

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?)|'((?:[^']|'')*)'|"((?:[^"\\]|\\.)*)"|([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)|(<=|>=|!=|<>|[=<>(),*]))/y;

type Token =
  | { type: 'num'; value: number }
  | { type: 'str'; value: string }
  | { type: 'word'; value: string }
  | { type: 'sym'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let index = 0;
  while (index < text.length && text.slice(index).trim() !== '') {
    TOKEN.lastIndex = index;
    const m = TOKEN.exec(text);
    if (!m) throw new QueryParseError(`Syntax error at position ${index}.`);
    index = TOKEN.lastIndex;
    if (m[1] !== undefined) tokens.push({ type: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ type: 'str', value: m[2].replaceAll("''", "'") });
    else if (m[3] !== undefined)
      tokens.push({ type: 'str', value: JSON.parse(`"${m[3]}"`) as string });
    else if (m[4] !== undefined) tokens.push({ type: 'word', value: m[4] });
    else tokens.push({ type: 'sym', value: m[5] === '<>' ? '!=' : (m[5] ?? '') });
  }
  return tokens;
}

export function parseQuery(text: string): ParsedQuery {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (word: string): boolean =>
    peek()?.type === 'word' && peek()?.value.toString().toLowerCase() === word;
  const isSym = (sym: string): boolean => peek()?.type === 'sym' && peek()?.value === sym;
  const expectWord = (word: string): void => {
    if (!isWord(word)) throw new QueryParseError(`Expected ${word.toUpperCase()}.`);
    pos++;
  };
  const expectSym = (sym: string): void => {
    if (!isSym(sym)) throw new QueryParseError(`Expected '${sym}'.`);
    pos++;
  };

  expectWord('select');
  let select: ParsedQuery['select'];
  if (isSym('*')) {
    pos++;
    select = { kind: 'all' };
  } else if (isWord('count')) {
    pos++;
    expectSym('(');
    expectSym(')');
    let alias = '$1';
    if (isWord('as')) {
      pos++;
      const name = tokens[pos++];
      if (name?.type !== 'word') throw new QueryParseError('Expected an alias after AS.');
      alias = name.value;
    }
    select = { kind: 'count', alias };
  } else {
    throw new QueryParseError('The emulator supports only SELECT * and SELECT COUNT().');
  }
  expectWord('from');
  const from = tokens[pos++];
  const source = from?.type === 'word' ? from.value.toLowerCase() : '';
  if (source !== 'devices' && source !== 'devices.modules')
    throw new QueryParseError('The emulator supports only FROM devices and FROM devices.modules.');

  const parseOr = (): Condition => {
    let left = parseAnd();
    while (isWord('or')) {
      pos++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): Condition => {
    let left = parseFactor();
    while (isWord('and')) {
      pos++;
      left = { kind: 'and', left, right: parseFactor() };
    }
    return left;
  };
  const parseFactor = (): Condition => {
    if (isWord('not')) {
      pos++;
      return { kind: 'not', operand: parseFactor() };
    }
    if (isSym('(')) {
      pos++;
      const inner = parseOr();
      expectSym(')');
      return inner;
    }
    const path = tokens[pos++];
    if (path?.type !== 'word') throw new QueryParseError('Expected a property path.');
    const op = tokens[pos++];
    if (op?.type !== 'sym' || !['=', '!=', '<', '>', '<=', '>='].includes(op.value))
      throw new QueryParseError('Expected a comparison operator.');
    const literal = tokens[pos++];
    let value: Literal;
    if (literal?.type === 'str' || literal?.type === 'num') value = literal.value;
    else if (
      literal?.type === 'word' &&
      ['true', 'false', 'null'].includes(literal.value.toLowerCase())
    ) {
      value =
        literal.value.toLowerCase() === 'null' ? null : literal.value.toLowerCase() === 'true';
    } else throw new QueryParseError('Expected a literal value.');
    return { kind: 'compare', path: path.value.split('.'), op: op.value as '=', value };
  };

  let where: Condition | undefined;
  if (isWord('where')) {
    pos++;
    where = parseOr();
  }
  if (pos < tokens.length) throw new QueryParseError('Unexpected text after the query.');
  return { source, select, where };
}
