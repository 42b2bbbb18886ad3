import { describe, expect, it } from 'vitest';
import { createRegistryIndex } from '../../../../src/core/plan/build-registry-index';
import { deviceKey } from '../../../../src/core/registry/device-key';
import { EDGE_SCOPE, exportLine, exportText } from './support/plan-test-lines';

const REGISTRY =
  'Keys are excluded from this export\r\n' +
  exportText(
    exportLine('gw-1', { capabilities: { iotEdge: true }, deviceScope: EDGE_SCOPE }),
    exportLine('gw-1', { moduleId: '$edgeAgent', authentication: null }),
    exportLine('leaf-1', { deviceScope: EDGE_SCOPE, parentScopes: [EDGE_SCOPE] }),
    exportLine('leaf-2', { deviceScope: EDGE_SCOPE }),
    exportLine('other', { moduleId: 'm1' }),
    exportLine('other'),
    '{"id":"broken"',
    '',
  );

function build(text: string, touched?: string[], chunk = text.length) {
  const builder = createRegistryIndex(touched ? { touched: new Set(touched) } : {});
  for (let i = 0; i < text.length; i += chunk) builder.push(text.slice(i, i + chunk));
  return builder.finish();
}

describe('indexing the registry export', () => {
  it('keeps the lines of touched devices and their modules only, counting every identity', () => {
    const index = build(REGISTRY, ['gw-1']);
    expect([...index.records.keys()]).toEqual([deviceKey('gw-1'), deviceKey('gw-1', '$edgeAgent')]);
    expect(index.modulesOf.get('gw-1')).toEqual(['$edgeAgent']);
    expect(index.identityCount).toBe(6);
  });

  it('keeps everything without a scan, and reads the same across any chunking', () => {
    const whole = build(REGISTRY);
    const bytewise = build(REGISTRY, undefined, 7);
    expect(whole.records.size).toBe(6);
    expect([...bytewise.records]).toEqual([...whole.records]);
    expect(whole.modulesOf.get('other')).toEqual(['m1']);
  });

  it('knows every edge scope and how many leaves name it, touched or not', () => {
    const index = build(REGISTRY, []);
    expect(index.edgeScopes.get(EDGE_SCOPE)).toBe('gw-1');
    expect(index.childrenOfScope.get(EDGE_SCOPE)).toBe(2);
    expect(index.withoutAuthentication).toBe(1);
  });

  it('skips the leading warning line as a notice and reports a broken line by number', () => {
    const index = build(REGISTRY, []);
    expect(index.issues.map((i) => [i.line, i.code, i.severity])).toEqual([
      [1, 'leading-comment-line', 'notice'],
      [8, 'invalid-json', 'error'],
    ]);
  });

  it('uses the later of two lines for one kept device and counts it once', () => {
    const text = exportText(
      exportLine('d', { status: 'enabled' }),
      exportLine('d', { status: 'disabled' }),
    );
    const index = build(text, ['d']);
    expect(index.identityCount).toBe(1);
    expect(JSON.parse(index.records.get('d') ?? '{}')).toMatchObject({ status: 'disabled' });
    expect(index.issueCounts['duplicate-device']).toBe(1);
  });
});
