import { describe, expect, it } from 'vitest';
import { parseQuery, QueryParseError } from '../../../../src/hub-emulator/query/parse-query';

describe('parseQuery', () => {
  it('parses COUNT with an alias, case-insensitively', () => {
    expect(parseQuery('select count() as total from DEVICES')).toEqual({
      source: 'devices',
      select: { kind: 'items', items: [{ kind: 'count', name: 'total' }] },
      top: undefined,
      where: undefined,
      groupBy: undefined,
    });
  });

  it('names an unaliased COUNT $1', () => {
    expect(parseQuery('SELECT COUNT() FROM devices').select).toEqual({
      kind: 'items',
      items: [{ kind: 'count', name: '$1' }],
    });
  });

  it('names projected properties by alias or last segment, with the collection prefix dropped', () => {
    expect(
      parseQuery(
        'SELECT deviceId, devices.tags.site AS where_, properties.reported.fw FROM devices',
      ).select,
    ).toEqual({
      kind: 'items',
      items: [
        { kind: 'path', path: ['deviceId'], name: 'deviceId' },
        { kind: 'path', path: ['tags', 'site'], name: 'where_' },
        { kind: 'path', path: ['properties', 'reported', 'fw'], name: 'fw' },
      ],
    });
  });

  it('parses GROUP BY with COUNT()', () => {
    const parsed = parseQuery(
      'SELECT properties.reported.status AS status, COUNT() AS n FROM devices GROUP BY properties.reported.status',
    );
    expect(parsed.groupBy).toEqual([['properties', 'reported', 'status']]);
  });

  it('parses TOP, IN, NIN and the boolean functions', () => {
    const parsed = parseQuery(
      "SELECT TOP 5 * FROM devices.modules WHERE moduleId IN ['a', 'b'] AND tags.x NIN [1, null] AND STARTSWITH(deviceId, 'dev') AND NOT is_defined(tags.gone)",
    );
    expect(parsed.top).toBe(5);
    expect(parsed.source).toBe('devices.modules');
    expect(JSON.stringify(parsed.where)).toContain('"name":"IS_DEFINED"');
  });

  it.each([
    'SELECT * FROM devices.jobs',
    "SELECT * FROM devices WHERE status = 'a' GROUP BY status",
    'SELECT deviceId, COUNT() FROM devices',
    'SELECT tags.site, COUNT() AS n FROM devices GROUP BY status',
    'SELECT status, COUNT() AS n FROM devices.modules GROUP BY status',
    "SELECT * FROM devices WHERE CONTAINS(deviceId, 'x')",
    'SELECT * FROM devices WHERE STARTSWITH(deviceId)',
    "SELECT * FROM devices WHERE status IN ('a')",
    'SELECT * FROM devices WHERE deviceId IN [tags.x]',
    'SELECT TOP 0 * FROM devices',
    'SELECT * FROM devices ORDER BY deviceId',
    'DELETE FROM devices',
  ])('refuses %s', (query) => {
    expect(() => parseQuery(query)).toThrow(QueryParseError);
  });
});
