import {
  QUERY_FUNCTIONS,
  QueryParseError,
  type CompareOp,
  type Condition,
  type Literal,
  type Operand,
  type Path,
  type QueryFunction,
} from './query-ast';
import type { TokenCursor } from './tokenize-query';

// WHERE grammar: OR of ANDs of factors; a factor is NOT factor, ( condition ), a boolean function
// (IS_DEFINED(path), STARTSWITH(path, 'x'), ...), `operand IN [...]` / `NIN [...]`, or a
// comparison of two operands (a property path or a literal).
const COMPARE_OPS = new Set<string>(['=', '!=', '<', '>', '<=', '>=']);
const FUNCTIONS = new Set<string>(QUERY_FUNCTIONS);
const ARITY: Record<QueryFunction, number> = {
  IS_DEFINED: 1,
  IS_NULL: 1,
  IS_BOOL: 1,
  IS_NUMBER: 1,
  IS_STRING: 1,
  IS_OBJECT: 1,
  IS_ARRAY: 1,
  IS_PRIMITIVE: 1,
  STARTSWITH: 2,
  ENDSWITH: 2,
};

export function parseCondition(cursor: TokenCursor, toPath: (name: string) => Path): Condition {
  const parseOr = (): Condition => {
    let left = parseAnd();
    while (cursor.takeWord('or')) left = { kind: 'or', left, right: parseAnd() };
    return left;
  };
  const parseAnd = (): Condition => {
    let left = parseFactor();
    while (cursor.takeWord('and')) left = { kind: 'and', left, right: parseFactor() };
    return left;
  };
  const parseFactor = (): Condition => {
    if (cursor.takeWord('not')) return { kind: 'not', operand: parseFactor() };
    if (cursor.takeSym('(')) {
      const inner = parseOr();
      cursor.expectSym(')');
      return inner;
    }
    const head = cursor.peek();
    if (head?.type === 'word' && cursor.peek(1)?.value === '(') return parseCall();
    const left = parseOperand(cursor, toPath);
    if (cursor.isWord('in') || cursor.isWord('nin')) {
      const negated = cursor.isWord('nin');
      cursor.next();
      return { kind: 'in', operand: left, values: parseList(cursor), negated };
    }
    const op = cursor.next();
    if (op?.type !== 'sym' || !COMPARE_OPS.has(op.value))
      throw new QueryParseError('Expected a comparison operator, IN or NIN.');
    return {
      kind: 'compare',
      left,
      op: op.value as CompareOp,
      right: parseOperand(cursor, toPath),
    };
  };
  const parseCall = (): Condition => {
    const name = String(cursor.next()?.value).toUpperCase();
    if (!FUNCTIONS.has(name))
      throw new QueryParseError(`The function ${name} is not supported in twin queries.`);
    const fn = name as QueryFunction;
    cursor.expectSym('(');
    const args: Operand[] = [];
    if (!cursor.isSym(')')) {
      do args.push(parseOperand(cursor, toPath));
      while (cursor.takeSym(','));
    }
    cursor.expectSym(')');
    if (args.length !== ARITY[fn])
      throw new QueryParseError(`${fn} takes ${ARITY[fn]} argument(s), not ${args.length}.`);
    return { kind: 'call', name: fn, args };
  };
  return parseOr();
}

export function parseOperand(cursor: TokenCursor, toPath: (name: string) => Path): Operand {
  const token = cursor.next();
  if (token?.type === 'str' || token?.type === 'num')
    return { kind: 'literal', value: token.value };
  if (token?.type !== 'word') throw new QueryParseError('Expected a property path or a literal.');
  const lower = token.value.toLowerCase();
  if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
  if (lower === 'null') return { kind: 'literal', value: null };
  return { kind: 'path', path: toPath(token.value) };
}

function parseList(cursor: TokenCursor): Literal[] {
  cursor.expectSym('[');
  const values: Literal[] = [];
  if (!cursor.isSym(']')) {
    do {
      const operand = parseOperand(cursor, () => {
        throw new QueryParseError('IN and NIN take a list of literals.');
      });
      if (operand.kind === 'literal') values.push(operand.value);
    } while (cursor.takeSym(','));
  }
  cursor.expectSym(']');
  return values;
}
