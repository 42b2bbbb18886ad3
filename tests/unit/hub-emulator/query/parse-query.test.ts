import { describe, expect, it } from 'vitest';
import { parseQuery, QueryParseError } from '../../../../src/hub-emulator/query/parse-query';
import { evaluateCondition } from '../../../../src/hub-emulator/query/evaluate-condition';

const twin = {
  deviceId: 'd1',
  status: 'enabled',
  tags: { site: 'a', floor: 3 },
  properties: { desired: { fw: '1.2' } },
};

function matches(where: string): boolean {
  const parsed = parseQuery(`SELECT * FROM devices WHERE ${where}`);
  return parsed.where ? evaluateCondition(parsed.where, twin) : true;
}

describe('parseQuery', () => {
  it('parses COUNT with an alias, case-insensitively', () => {
    expect(parseQuery('select count() as total from DEVICES')).toEqual({
      source: 'devices',
      select: { kind: 'count', alias: 'total' },
      where: undefined,
    });
  });

  it('names an unaliased COUNT $1', () => {
    expect(parseQuery('SELECT COUNT() FROM devices').select).toEqual({
      kind: 'count',
      alias: '$1',
    });
  });

  it.each([
    ["status = 'enabled'", true],
    ["status != 'enabled'", false],
    ["status <> 'disabled'", true],
    ["tags.site = 'a' AND tags.floor > 2", true],
    ["tags.site = 'b' OR properties.desired.fw = '1.2'", true],
    ["NOT (deviceId = 'd1')", false],
    ["tags.missing = 'x'", false],
    ["tags.missing != 'x'", true],
    ['tags.floor >= 3 AND tags.floor < 4', true],
    ["deviceId = 'it''s'", false],
  ])('evaluates WHERE %s as %s', (where, expected) => {
    expect(matches(where)).toBe(expected);
  });

  it.each([
    'SELECT deviceId FROM devices',
    'SELECT * FROM devices.jobs',
    "SELECT * FROM devices WHERE status = 'a' GROUP BY status",
    'DELETE FROM devices',
  ])('refuses %s', (query) => {
    expect(() => parseQuery(query)).toThrow(QueryParseError);
  });
});
