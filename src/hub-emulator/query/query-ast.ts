// The parsed form of the IoT Hub query subset the emulator answers (docs/hub-emulator.md, Query).
export type Literal = string | number | boolean | null;
export type Path = string[];

export type Operand = { kind: 'path'; path: Path } | { kind: 'literal'; value: Literal };

export type CompareOp = '=' | '!=' | '<' | '>' | '<=' | '>=';

/** Boolean functions of a WHERE clause; the type checks take one argument, the string tests two. */
export const QUERY_FUNCTIONS = [
  'IS_DEFINED',
  'IS_NULL',
  'IS_BOOL',
  'IS_NUMBER',
  'IS_STRING',
  'IS_OBJECT',
  'IS_ARRAY',
  'IS_PRIMITIVE',
  'STARTSWITH',
  'ENDSWITH',
] as const;
export type QueryFunction = (typeof QUERY_FUNCTIONS)[number];

export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; operand: Condition }
  | { kind: 'compare'; left: Operand; op: CompareOp; right: Operand }
  | { kind: 'in'; operand: Operand; values: Literal[]; negated: boolean }
  | { kind: 'call'; name: QueryFunction; args: Operand[] };

export type SelectItem =
  { kind: 'path'; path: Path; name: string } | { kind: 'count'; name: string };

export type Select = { kind: 'all' } | { kind: 'items'; items: SelectItem[] };

export interface ParsedQuery {
  source: 'devices' | 'devices.modules';
  select: Select;
  top: number | undefined;
  where: Condition | undefined;
  groupBy: Path[] | undefined;
}

export class QueryParseError extends Error {}
