import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProxyEnv } from '../../../../src/proxy/config/proxy-env';

// The README's "Running against Azure" table is what a new user follows first: a variable named
// there that the proxy does not read fails at the first start. Every name in it must be
// one the proxy's configuration schema knows.

const README = readFileSync(join(import.meta.dirname, '../../../../README.md'), 'utf8');

function tableVariables(): string[] {
  const start = README.indexOf('## Running against Azure');
  const end = README.indexOf('\n## ', start + 1);
  const section = README.slice(start, end < 0 ? undefined : end);
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const firstCell = line.split('|')[1] ?? '';
    for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(match[1] ?? '');
  }
  return [...names];
}

describe("the README's Azure variables", () => {
  it('are all read by the proxy', () => {
    const known = new Set(Object.keys(ProxyEnv.shape));
    const names = tableVariables();
    expect(names.length).toBeGreaterThan(8);
    expect(names.filter((name) => !known.has(name))).toEqual([]);
  });

  it('name every variable the proxy cannot start without, and both ways to reach the hub', () => {
    const required = Object.entries(ProxyEnv.shape)
      .filter(([, schema]) => !schema.safeParse(undefined).success)
      .map(([name]) => name);
    expect(required.length).toBeGreaterThan(2);
    const names = new Set(tableVariables());
    const needed = [...required, 'IOT_HUB_CONNECTION_STRING', 'IOT_HUB_HOST_NAME', 'IOT_HUB_AUTH'];
    expect(needed.filter((name) => !names.has(name))).toEqual([]);
  });
});
