import { parseCondition } from './parse-condition';
import {
  QueryParseError,
  type Condition,
  type ParsedQuery,
  type Path,
  type Select,
  type SelectItem,
} from './query-ast';
import { TokenCursor, tokenize } from './tokenize-query';

export { QueryParseError, type ParsedQuery } from './query-ast';

// SELECT [TOP n] * | <items> FROM devices | devices.modules [WHERE <condition>] [GROUP BY <paths>]
// where an item is a property path or COUNT(), each with an optional AS alias. Anything else is a
// loud QueryParseError, never a silently wrong answer (docs/hub-emulator.md, Query).
export function parseQuery(text: string): ParsedQuery {
  const cursor = new TokenCursor(tokenize(text));
  cursor.expectWord('select');
  let top: number | undefined;
  if (cursor.takeWord('top')) {
    const n = cursor.next();
    if (n?.type !== 'num' || !Number.isInteger(n.value) || n.value < 1)
      throw new QueryParseError('TOP takes a positive whole number.');
    top = n.value;
  }
  const rawItems = cursor.takeSym('*') ? undefined : parseItems(cursor);
  cursor.expectWord('from');
  const from = cursor.next();
  const source = from?.type === 'word' ? from.value.toLowerCase() : '';
  if (source !== 'devices' && source !== 'devices.modules')
    throw new QueryParseError('The emulator supports only FROM devices and FROM devices.modules.');
  // Paths may name the collection first (`devices.tags.x`), as the query language allows.
  const prefix = `${source}.`;
  const toPath = (name: string): Path =>
    (name.toLowerCase().startsWith(prefix) ? name.slice(prefix.length) : name).split('.');
  let where: Condition | undefined;
  if (cursor.takeWord('where')) where = parseCondition(cursor, toPath);
  let groupBy: Path[] | undefined;
  if (cursor.takeWord('group')) {
    cursor.expectWord('by');
    groupBy = [];
    do {
      const name = cursor.next();
      if (name?.type !== 'word') throw new QueryParseError('GROUP BY takes property paths.');
      groupBy.push(toPath(name.value));
    } while (cursor.takeSym(','));
  }
  if (!cursor.atEnd()) throw new QueryParseError('Unexpected text after the query.');
  const select: Select = rawItems
    ? { kind: 'items', items: rawItems.map((item) => item(toPath)) }
    : { kind: 'all' };
  checkAggregation(select, groupBy, source);
  return { source, select, top, where, groupBy };
}

type PendingItem = (toPath: (name: string) => Path) => SelectItem;

function parseItems(cursor: TokenCursor): PendingItem[] {
  const items: PendingItem[] = [];
  let unnamedCounts = 0;
  do {
    const token = cursor.next();
    if (token?.type !== 'word')
      throw new QueryParseError('Expected *, a property path or COUNT().');
    const isCount = token.value.toLowerCase() === 'count' && cursor.isSym('(');
    if (isCount) {
      cursor.expectSym('(');
      cursor.expectSym(')');
    }
    let alias: string | undefined;
    if (cursor.takeWord('as')) {
      const name = cursor.next();
      if (name?.type !== 'word' || name.value.includes('.'))
        throw new QueryParseError('Expected an alias after AS.');
      alias = name.value;
    }
    // An unaliased COUNT() is named $1, $2, ... (positional, as the service names them).
    if (isCount) {
      const name = alias ?? `$${++unnamedCounts}`;
      items.push(() => ({ kind: 'count', name }));
    } else {
      const raw = token.value;
      items.push((toPath) => {
        const path = toPath(raw);
        return { kind: 'path', path, name: alias ?? path[path.length - 1] ?? raw };
      });
    }
  } while (cursor.takeSym(','));
  return items;
}

function checkAggregation(
  select: Select,
  groupBy: Path[] | undefined,
  source: ParsedQuery['source'],
): void {
  const items = select.kind === 'items' ? select.items : [];
  const counts = items.some((item) => item.kind === 'count');
  if (groupBy) {
    if (source !== 'devices')
      throw new QueryParseError('GROUP BY is supported only when querying device twins.');
    if (select.kind === 'all') throw new QueryParseError('GROUP BY needs a select list.');
    const grouped = new Set(groupBy.map((path) => path.join('.')));
    for (const item of items) {
      if (item.kind === 'path' && !grouped.has(item.path.join('.')))
        throw new QueryParseError(`'${item.path.join('.')}' is neither grouped nor aggregated.`);
    }
  } else if (counts && items.some((item) => item.kind === 'path')) {
    throw new QueryParseError('Mixing COUNT() with properties needs GROUP BY.');
  }
}
