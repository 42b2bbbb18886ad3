import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Probes: snippets linted with the real eslint.config.js at a path inside the tree, so each
// boundary is shown to fail on the natural way to break it, and a few legal imports to pass. If a
// rule is loosened or a zone forgotten, a probe here goes quiet and the test says which.

const root = path.resolve(import.meta.dirname, '../..');
const RULES = new Set(['house/boundaries', 'no-restricted-globals', 'no-restricted-syntax']);

interface Probe {
  name: string;
  file: string;
  code: string;
  /** `rule` or `rule:messageId` */
  expected: string;
}

const breaches: Probe[] = [
  {
    name: 'a sibling feature through ../../',
    file: 'src/web/features/registry/components/probe.ts',
    code: "import { x } from '../../import/model/x';\nexport { x };",
    expected: 'house/boundaries:featureToFeature',
  },
  {
    name: 'a sibling feature through a dynamic import()',
    file: 'src/web/features/registry/components/probe.ts',
    code: "export const load = () => import('../../diff/model/x');",
    expected: 'house/boundaries:featureToFeature',
  },
  {
    name: 'a sibling feature through export ... from',
    file: 'src/web/features/jobs/probe.ts',
    code: "export { x } from '../exports/model/x';",
    expected: 'house/boundaries:featureToFeature',
  },
  {
    name: 'a sibling feature through export * from',
    file: 'src/web/features/jobs/probe.ts',
    code: "export * from '../exports/model/x';",
    expected: 'house/boundaries:featureToFeature',
  },
  {
    name: 'a sibling feature through require()',
    file: 'src/web/features/jobs/probe.ts',
    code: "export const x: unknown = require('../import/x');",
    expected: 'house/boundaries:featureToFeature',
  },
  {
    name: 'a sibling feature through a typeof import() type',
    file: 'src/web/features/jobs/probe.ts',
    code: "export type X = typeof import('../import/x');",
    expected: 'house/boundaries:featureToFeature',
  },
  {
    name: "a sibling feature's worker through new URL(..., import.meta.url)",
    file: 'src/web/features/jobs/api/probe.ts',
    code: "export const url = new URL('../../import/worker/w.ts', import.meta.url);",
    expected: 'house/boundaries:featureToFeature',
  },
  {
    name: 'a feature folder that does not exist yet is a zone too',
    file: 'src/web/features/brand-new/probe.ts',
    code: "import { x } from '../import/x';\nexport { x };",
    expected: 'house/boundaries:featureToFeature',
  },
  {
    name: 'a feature importing the app shell',
    file: 'src/web/features/jobs/components/probe.tsx',
    code: "import { App } from '../../../app/app';\nexport { App };",
    expected: 'house/boundaries:featureToApp',
  },
  {
    name: 'lib importing a feature',
    file: 'src/web/lib/probe.ts',
    code: "import { x } from '../features/import/x';\nexport { x };",
    expected: 'house/boundaries:sharedToFeature',
  },
  {
    name: 'a shared worker importing a feature',
    file: 'src/web/workers/conversion/probe.ts',
    code: "import { x } from '../../features/import/x';\nexport { x };",
    expected: 'house/boundaries:sharedToFeature',
  },
  {
    name: 'components importing the app shell',
    file: 'src/web/components/probe.tsx',
    code: "import { App } from '../app/app';\nexport { App };",
    expected: 'house/boundaries:sharedToFeature',
  },
  {
    name: 'the web importing the proxy',
    file: 'src/web/lib/probe.ts',
    code: "import { x } from '../../proxy/server';\nexport { x };",
    expected: 'house/boundaries:area',
  },
  {
    name: "the web naming the proxy's module in a URL",
    file: 'src/web/lib/probe.ts',
    code: "export const url = new URL('../../proxy/server.ts', import.meta.url);",
    expected: 'house/boundaries:area',
  },
  {
    name: 'the web importing the proxy by a root path',
    file: 'src/web/lib/probe.ts',
    code: "import { x } from '/src/proxy/server';\nexport { x };",
    expected: 'house/boundaries:area',
  },
  {
    name: 'the web importing a file from outside src/',
    file: 'src/web/lib/probe.ts',
    code: "import pkg from '../../../package.json';\nexport { pkg };",
    expected: 'house/boundaries:outside',
  },
  {
    name: "a bare Node built-in ('fs') in the web",
    file: 'src/web/lib/probe.ts',
    code: "import { readFile } from 'fs';\nexport { readFile };",
    expected: 'house/boundaries:builtin',
  },
  {
    name: 'a node: built-in in a contract',
    file: 'src/contracts/api/probe.ts',
    code: "import { readFile } from 'node:fs/promises';\nexport { readFile };",
    expected: 'house/boundaries:builtin',
  },
  {
    name: "a bare Node built-in ('path') in core",
    file: 'src/core/diff/probe.ts',
    code: "import path from 'path';\nexport { path };",
    expected: 'house/boundaries:builtin',
  },
  {
    name: 'core importing a contract',
    file: 'src/core/diff/probe.ts',
    code: "import { x } from '../../contracts/api/x';\nexport { x };",
    expected: 'house/boundaries:area',
  },
  {
    name: 'core importing an npm package',
    file: 'src/core/diff/probe.ts',
    code: "import { z } from 'zod';\nexport { z };",
    expected: 'house/boundaries:npm',
  },
  {
    name: 'papaparse in core outside its CSV reader',
    file: 'src/core/diff/probe.ts',
    code: "import Papa from 'papaparse';\nexport { Papa };",
    expected: 'house/boundaries:confined',
  },
  {
    name: 'a contract importing the web',
    file: 'src/contracts/api/probe.ts',
    code: "import { x } from '../../web/lib/x';\nexport { x };",
    expected: 'house/boundaries:area',
  },
  {
    name: 'a contract importing a package other than zod',
    file: 'src/contracts/api/probe.ts',
    code: "import Papa from 'react';\nexport { Papa };",
    expected: 'house/boundaries:npm',
  },
  {
    name: 'the proxy importing the emulator',
    file: 'src/proxy/routes/probe.ts',
    code: "import { x } from '../../hub-emulator/server';\nexport { x };",
    expected: 'house/boundaries:area',
  },
  {
    name: 'the emulator importing the proxy, dynamically',
    file: 'src/hub-emulator/probe.ts',
    code: "export const load = () => import('../proxy/server');",
    expected: 'house/boundaries:area',
  },
  {
    name: 'the CLI importing the proxy',
    file: 'src/cli/probe.ts',
    code: "import { x } from '../proxy/server';\nexport { x };",
    expected: 'house/boundaries:area',
  },
  {
    name: 'local-ca importing core',
    file: 'src/local-ca/probe.ts',
    code: "import { x } from '../core/diff';\nexport { x };",
    expected: 'house/boundaries:area',
  },
  {
    name: 'MSAL outside the auth feature and the app shell',
    file: 'src/web/features/jobs/probe.ts',
    code: "import { PublicClientApplication } from '@azure/msal-browser';\nexport { PublicClientApplication };",
    expected: 'house/boundaries:confined',
  },
  {
    name: 'the storage SDK outside the upload module',
    file: 'src/web/features/import/model/probe.ts',
    code: "import { BlockBlobClient } from '@azure/storage-blob';\nexport { BlockBlobClient };",
    expected: 'house/boundaries:confined',
  },
  {
    name: 'a new src/ area without a zone',
    file: 'src/new-area/probe.ts',
    code: 'export const x = 1;',
    expected: 'house/boundaries:noZone',
  },
  {
    name: 'Buffer in core',
    file: 'src/core/convert/probe.ts',
    code: "export const bytes = Buffer.from('a');",
    expected: 'no-restricted-globals',
  },
  {
    name: 'process in core',
    file: 'src/core/convert/probe.ts',
    code: 'export const env = process.env;',
    expected: 'no-restricted-globals',
  },
  {
    name: 'process in the web',
    file: 'src/web/lib/probe.ts',
    code: 'export const env = process.env;',
    expected: 'no-restricted-globals',
  },
  {
    name: 'require as a value in core',
    file: 'src/core/convert/probe.ts',
    code: 'export const load = require;',
    expected: 'no-restricted-globals',
  },
  {
    name: 'Date.now() in core',
    file: 'src/core/plan/probe.ts',
    code: 'export const at = Date.now();',
    expected: 'no-restricted-syntax',
  },
  {
    name: 'new Date() in core',
    file: 'src/core/plan/probe.ts',
    code: 'export const at = new Date();',
    expected: 'no-restricted-syntax',
  },
  {
    name: 'Math.random() in core',
    file: 'src/core/plan/probe.ts',
    code: 'export const pick = Math.random();',
    expected: 'no-restricted-syntax',
  },
  {
    name: 'crypto.getRandomValues() in core',
    file: 'src/core/plan/probe.ts',
    code: 'export const bytes = crypto.getRandomValues(new Uint8Array(4));',
    expected: 'no-restricted-syntax',
  },
  {
    name: 'Date.now() in the emulator outside server.ts',
    file: 'src/hub-emulator/jobs/probe.ts',
    code: 'export const at = Date.now();',
    expected: 'no-restricted-syntax',
  },
  {
    name: 'new Date() in the emulator outside server.ts',
    file: 'src/hub-emulator/http/probe.ts',
    code: 'export const at = new Date();',
    expected: 'no-restricted-syntax',
  },
  {
    name: 'performance.now() in the emulator outside server.ts',
    file: 'src/hub-emulator/jobs/probe.ts',
    code: 'export const at = performance.now();',
    expected: 'no-restricted-syntax',
  },
  {
    name: 'a feature starting a worker of its own',
    file: 'src/web/features/import-errors/api/probe.ts',
    code: "export const w = new Worker(new URL('./x-worker.ts', import.meta.url), { type: 'module' });",
    expected: 'no-restricted-syntax',
  },
  {
    name: "a worker's client starting the worker outside its factory",
    file: 'src/web/workers/diff/probe.ts',
    code: "export const w = new Worker(new URL('./diff-worker.ts', import.meta.url));",
    expected: 'no-restricted-syntax',
  },
];

const legal: Omit<Probe, 'expected'>[] = [
  {
    name: "a worker's factory starting it",
    file: 'src/web/workers/diff/create-diff-worker.ts',
    code: "export const w = () => new Worker(new URL('./diff-worker.ts', import.meta.url), { type: 'module' });",
  },
  {
    name: "the emulator's production clock defaults in server.ts",
    file: 'src/hub-emulator/server.ts',
    code: 'export const clock = () => new Date();\nexport const timer = () => performance.now();',
  },
  {
    name: 'a feature importing itself, lib, components, core and contracts',
    file: 'src/web/features/registry/components/probe.tsx',
    code: [
      "import { a } from '../model/a';",
      "import { b } from '../../../lib/b';",
      "import { c } from '../../../components/c';",
      "import { d } from '../../../../core/diff';",
      "import { e } from '../../../../contracts/api/e';",
      "import { useQuery } from '@tanstack/react-query';",
      'export { a, b, c, d, e, useQuery };',
    ].join('\n'),
  },
  {
    name: 'the app shell importing features',
    file: 'src/web/app/probe.tsx',
    code: "import { x } from '../features/import/x';\nexport const load = () => import('../features/diff/y');\nexport { x };",
  },
  {
    name: 'the web importing a public asset by a root path',
    file: 'src/web/app/probe.tsx',
    code: "import logo from '/logo.svg';\nexport { logo };",
  },
  {
    name: 'papaparse in core/convert/csv',
    file: 'src/core/convert/csv/probe.ts',
    code: "import Papa from 'papaparse';\nexport { Papa };",
  },
  {
    name: 'a contract importing core and zod',
    file: 'src/contracts/api/probe.ts',
    code: "import { z } from 'zod';\nimport { x } from '../../core/diff';\nexport { x, z };",
  },
  {
    name: 'the emulator importing local-ca and node: built-ins',
    file: 'src/hub-emulator/probe.ts',
    code: "import { x } from '../local-ca/local-ca';\nimport { readFile } from 'node:fs/promises';\nexport { x, readFile };",
  },
  {
    name: 'the dev stack importing every server',
    file: 'src/dev-stack/probe.ts',
    code: "import { a } from '../proxy/server';\nimport { b } from '../hub-emulator/server';\nexport { a, b };",
  },
  {
    name: 'core building a date from a time it was given',
    file: 'src/core/plan/probe.ts',
    code: 'export const at = (now: () => number) => new Date(now()).toISOString();',
  },
  {
    name: 'a test importing anything',
    file: 'tests/unit/web/probe.test.ts',
    code: "import { a } from '../../../src/proxy/server';\nimport { readFile } from 'fs';\nexport { a, readFile };",
  },
];

let eslint: ESLint;

// The first lint loads the config, the parser and the resolver (seconds on a busy machine): done
// once here, so no probe's own time includes it.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText('export {};\n', { filePath: path.join(root, 'src/core/warm-up.ts') });
}, 60_000);

async function found(probe: Omit<Probe, 'expected'>): Promise<string[]> {
  const [result] = await eslint.lintText(probe.code, { filePath: path.join(root, probe.file) });
  expect(result?.fatalErrorCount).toBe(0);
  return (result?.messages ?? [])
    .filter((message) => message.ruleId !== null && RULES.has(message.ruleId))
    .map((message) => `${message.ruleId}:${message.messageId ?? ''}`);
}

describe('lint probes', () => {
  it.each(breaches)('reports $name', async (probe) => {
    const messages = await found(probe);
    expect(messages.some((message) => message.startsWith(probe.expected))).toBe(true);
  });

  it.each(legal)('allows $name', async (probe) => {
    expect(await found(probe)).toEqual([]);
  });
});
