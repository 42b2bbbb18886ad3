import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../src/hub-emulator/query/parse-query';
import { evaluateCondition } from '../../../../src/hub-emulator/query/evaluate-condition';

const twin = {
  deviceId: 'dev-17',
  status: 'enabled',
  tags: { site: 'a', floor: 3, nothing: null, list: [1, 2], nested: { x: 1 } },
  properties: { desired: { fw: '1.2' } },
};

function matches(where: string): boolean {
  const parsed = parseQuery(`SELECT * FROM devices WHERE ${where}`);
  return parsed.where ? evaluateCondition(parsed.where, twin) : true;
}

describe('evaluateCondition', () => {
  it.each([
    ["status = 'enabled'", true],
    ["status != 'enabled'", false],
    ["status <> 'disabled'", true],
    ["tags.site = 'a' AND tags.floor > 2", true],
    ["tags.site = 'b' OR properties.desired.fw = '1.2'", true],
    ["NOT (deviceId = 'dev-17')", false],
    ["tags.missing = 'x'", false],
    ["tags.missing != 'x'", true],
    ['tags.floor >= 3 AND tags.floor < 4', true],
    ["deviceId = 'it''s'", false],
    ["'a' = tags.site", true],
    ['tags.nothing = null', true],
    ["tags.site IN ['x', 'a']", true],
    ['tags.floor IN [1, 2]', false],
    ["tags.site NIN ['x']", true],
    ["tags.missing NIN ['x']", true],
    ["tags.missing IN ['x']", false],
    ["STARTSWITH(deviceId, 'dev-')", true],
    ["ENDSWITH(deviceId, '17')", true],
    ["STARTSWITH(tags.floor, '3')", false],
    ['IS_DEFINED(tags.nothing)', true],
    ['IS_DEFINED(tags.missing)', false],
    ['IS_NULL(tags.nothing)', true],
    ['IS_NUMBER(tags.floor) AND IS_STRING(tags.site)', true],
    ['IS_ARRAY(tags.list) AND IS_OBJECT(tags.nested) AND NOT IS_OBJECT(tags.list)', true],
    ['IS_PRIMITIVE(tags.nothing) AND NOT IS_PRIMITIVE(tags.nested)', true],
    ['IS_BOOL(tags.floor)', false],
  ])('evaluates %s as %s', (where, expected) => {
    expect(matches(where)).toBe(expected);
  });
});
