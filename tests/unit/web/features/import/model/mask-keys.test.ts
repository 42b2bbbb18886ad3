import { describe, expect, it } from 'vitest';
import { KEY_MASK } from '../../../../../../src/core/model/key-mask';
import { maskKeysInLine } from '../../../../../../src/web/features/import/model/mask-keys';

describe('maskKeysInLine', () => {
  it('masks primary and secondary keys and nothing else', () => {
    const line =
      '{"id":"d1","authentication":{"symmetricKey":{"primaryKey":"QUJD","secondaryKey":"REVG"},"type":"sas"}}';
    const masked = maskKeysInLine(line);
    expect(masked).not.toContain('QUJD');
    expect(masked).not.toContain('REVG');
    expect(masked).toContain(`"primaryKey":"${KEY_MASK}"`);
    expect(masked).toContain('"id":"d1"');
  });

  it('leaves null and empty keys alone', () => {
    const line = '{"primaryKey":null,"secondaryKey":""}';
    expect(maskKeysInLine(line)).toBe(line);
  });
});
