import { describe, expect, it } from 'vitest';
import { readLineKey } from '../../../../src/core/plan/read-line-key';

describe('reading the id of a line', () => {
  it.each([
    ['{"id":"dev-1","eTag":"MQ=="}', { id: 'dev-1' }],
    ['{"id":"dev-1","moduleId":"m1","eTag":"MQ=="}', { id: 'dev-1', moduleId: 'm1' }],
    ['{"id":"dev-1","moduleId":null}', { id: 'dev-1' }],
    ['{"id":"dev-1","moduleId":""}', { id: 'dev-1' }],
    ['{"status":"enabled","moduleId":"m1","id":"dev-1"}', { id: 'dev-1', moduleId: 'm1' }],
    ['{"id":"dev-1","tags":{"moduleId":"not-me"}}', { id: 'dev-1' }],
    ['{"id":"a\\u0062c"}', { id: 'abc' }],
    [' {"id":"spaced"}', { id: 'spaced' }],
  ])('reads %s', (text, key) => {
    expect(readLineKey(text)).toEqual(key);
  });

  it.each([['{"id":""}'], ['{"id":3}'], ['[1]'], ['{"id":"x"'], ['not json'], ['null']])(
    'finds no id in %s',
    (text) => {
      expect(readLineKey(text)).toBeUndefined();
    },
  );
});
