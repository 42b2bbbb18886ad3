import { describe, expect, it } from 'vitest';
import {
  decodeQueryCursor,
  encodeQueryCursor,
} from '../../../../src/hub-emulator/query/query-cursor';

const QUERY = 'SELECT * FROM devices';
const cursor = { after: { deviceId: 'd-9', moduleId: '' }, sent: 9 };

describe('query continuation tokens', () => {
  it('round-trips a cursor for the same query', () => {
    expect(decodeQueryCursor(QUERY, encodeQueryCursor(QUERY, cursor))).toEqual(cursor);
  });

  it('refuses a token minted for another query', () => {
    expect(
      decodeQueryCursor('SELECT * FROM devices.modules', encodeQueryCursor(QUERY, cursor)),
    ).toBeUndefined();
  });

  it.each(['garbage', 'eyJxIjoxfQ', Buffer.from('[1,2]').toString('base64url'), ''])(
    'refuses the token %j',
    (token) => {
      expect(decodeQueryCursor(QUERY, token)).toBeUndefined();
    },
  );
});
