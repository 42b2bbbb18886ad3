import { describe, expect, it } from 'vitest';
import { deviceEtag, etagCounterText, twinEtag } from '../../../../src/hub-emulator/model/etag';

describe('etags', () => {
  it('encodes etags as recorded', () => {
    expect(deviceEtag(0)).toBe('MA==');
    expect(deviceEtag(343060356)).toBe('MzQzMDYwMzU2');
    expect(twinEtag(1)).toBe('AAAAAAAAAAE=');
    expect(etagCounterText('MzQzMDYwMzU2')).toBe('343060356');
  });
});
