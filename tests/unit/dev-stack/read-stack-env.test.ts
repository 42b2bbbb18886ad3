import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTS, TEST_USERS } from '../../../src/dev-stack/identity-defaults';
import { PORT_VARIABLES, readStackEnv } from '../../../src/dev-stack/read-stack-env';

// The README's and docs/dev-stack.md's port tables are what a developer reads first: each must
// name every port variable `npm start` reads, with its default, and the README's "Test users"
// every local user with its password.

const ROOT = join(import.meta.dirname, '../../..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

function section(text: string, heading: string): string {
  const start = text.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n#', start + heading.length);
  return text.slice(start, end < 0 ? undefined : end);
}

describe('the port variables of npm start', () => {
  it.each([
    ['README.md', '### Ports'],
    ['docs/dev-stack.md', '## Ports and environment variables'],
  ])('are all in the table of %s, with their defaults', (file, heading) => {
    const table = section(read(file), heading);
    for (const [name, port] of Object.entries(PORT_VARIABLES)) {
      const row = table.split('\n').find((line) => line.includes(`\`${name}\``));
      expect(row, name).toBeDefined();
      expect(row, name).toContain(String(port));
    }
  });

  it('start hub-b on 4283 by default, and on a port of its own', () => {
    const result = readStackEnv({});
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.value.ports.hubB).toBe(DEFAULT_PORTS.hubB);
    expect(result.value.ports.hubB).toBe(4283);
    const clash = readStackEnv({ HUB_B_PORT: '4282' });
    expect(clash.ok ? [] : clash.problems).toContain('HUB_B_PORT=4282: same port as HUB_PORT');
  });
});

describe("the README's test users", () => {
  it('name every local user with the password', () => {
    const table = section(read('README.md'), '### Test users');
    for (const user of TEST_USERS)
      expect(table).toContain(`| \`${user.username}\` | \`${user.password}\` |`);
  });
});
