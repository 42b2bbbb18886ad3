import { describe, expect, it } from 'vitest';
import { exportRecordKind } from '../../../../src/core/registry/export-record-kind';

describe('exportRecordKind', () => {
  it.each([
    ['{"id":"a"}', 'device'],
    ['{"id":"a","moduleId":"m"}', 'module'],
    ['  {"id":"a","moduleId":"m"}', 'module'],
    ['{"id":"a","moduleId":null}', 'device'],
    ['{"id":"a","moduleId":""}', 'device'],
    ['{"id":"a","tags":{"moduleId":"m"}}', 'device'],
    ['{"id":"a","module\\u0049d":"m"}', 'module'],
    ['{"id":"a","moduleId":"m"', 'device'],
    ['not a record', 'none'],
  ] as const)('%s is a %s', (text, kind) => {
    expect(exportRecordKind(text, 1)).toBe(kind);
  });
});
