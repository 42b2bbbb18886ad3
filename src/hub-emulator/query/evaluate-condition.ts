import type { Condition, Literal } from './parse-query';

// Evaluates a WHERE condition against a twin document. Paths are case-sensitive like twin property
// names; a missing property compares unequal to everything (so `!=` is true), as in the hub's
// document-store semantics for undefined values [inf].
export function evaluateCondition(condition: Condition, doc: Record<string, unknown>): boolean {
  switch (condition.kind) {
    case 'and':
      return evaluateCondition(condition.left, doc) && evaluateCondition(condition.right, doc);
    case 'or':
      return evaluateCondition(condition.left, doc) || evaluateCondition(condition.right, doc);
    case 'not':
      return !evaluateCondition(condition.operand, doc);
    case 'compare':
      return compare(lookup(doc, condition.path), condition.op, condition.value);
  }
}

function lookup(doc: Record<string, unknown>, path: string[]): unknown {
  let current: unknown = doc;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function compare(actual: unknown, op: string, expected: Literal): boolean {
  if (op === '=') return actual !== undefined && actual === expected;
  if (op === '!=') return actual !== expected;
  if (typeof actual !== typeof expected || actual === null || expected === null) return false;
  const a = actual as string | number;
  const b = expected as string | number;
  if (op === '<') return a < b;
  if (op === '>') return a > b;
  if (op === '<=') return a <= b;
  return a >= b;
}
