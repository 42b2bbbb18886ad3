import type { Condition, Literal, Operand, Path, QueryFunction } from './query-ast';

// Evaluates a WHERE condition against a twin document. Paths are case-sensitive like twin
// property names; a missing property compares unequal to everything (so `!=` is true) and is in
// no IN list (so NIN is true), as in the hub's document-store semantics for undefined values.
export function evaluateCondition(condition: Condition, doc: Record<string, unknown>): boolean {
  switch (condition.kind) {
    case 'and':
      return evaluateCondition(condition.left, doc) && evaluateCondition(condition.right, doc);
    case 'or':
      return evaluateCondition(condition.left, doc) || evaluateCondition(condition.right, doc);
    case 'not':
      return !evaluateCondition(condition.operand, doc);
    case 'compare':
      return compare(value(condition.left, doc), condition.op, value(condition.right, doc));
    case 'in': {
      const actual = value(condition.operand, doc);
      const found = actual !== undefined && condition.values.some((v) => v === actual);
      return condition.negated ? !found : found;
    }
    case 'call':
      return call(
        condition.name,
        condition.args.map((arg) => value(arg, doc)),
      );
  }
}

export function lookup(doc: Record<string, unknown>, path: Path): unknown {
  let current: unknown = doc;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function value(operand: Operand, doc: Record<string, unknown>): unknown {
  return operand.kind === 'literal' ? operand.value : lookup(doc, operand.path);
}

function compare(actual: unknown, op: string, expected: unknown): boolean {
  if (op === '=') return actual !== undefined && expected !== undefined && actual === expected;
  if (op === '!=') return actual !== expected;
  if (typeof actual !== typeof expected || actual === null || expected === null) return false;
  if (typeof actual !== 'string' && typeof actual !== 'number') return false;
  const a = actual as Literal as string | number;
  const b = expected as string | number;
  if (op === '<') return a < b;
  if (op === '>') return a > b;
  if (op === '<=') return a <= b;
  return a >= b;
}

function call(name: QueryFunction, args: unknown[]): boolean {
  const [first, second] = args;
  switch (name) {
    case 'IS_DEFINED':
      return first !== undefined;
    case 'IS_NULL':
      return first === null;
    case 'IS_BOOL':
      return typeof first === 'boolean';
    case 'IS_NUMBER':
      return typeof first === 'number';
    case 'IS_STRING':
      return typeof first === 'string';
    case 'IS_OBJECT':
      return typeof first === 'object' && first !== null && !Array.isArray(first);
    case 'IS_ARRAY':
      return Array.isArray(first);
    case 'IS_PRIMITIVE':
      return first === null || ['string', 'number', 'boolean'].includes(typeof first);
    case 'STARTSWITH':
      return typeof first === 'string' && typeof second === 'string' && first.startsWith(second);
    case 'ENDSWITH':
      return typeof first === 'string' && typeof second === 'string' && first.endsWith(second);
  }
}
