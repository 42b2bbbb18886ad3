// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

import house from './tools/eslint-rules/index.js';

// The architecture is a lint rule (docs/architecture.md, "Parts and allowed imports"). One rule,
// `house/boundaries`, resolves every specifier a module names (static, `export from`, `import()`,
// `require`, `new URL(..., import.meta.url)`) against the importing file and checks the resolved
// path against the zones below. Inside src/web a feature is its folder under features/, so a new
// feature is a zone the day it is created; a new src/<area> without a zone here is itself an error.

/** @type {Record<string, import('./tools/eslint-rules/boundaries.js').Zone>} */
const zones = {
  core: {
    imports: [],
    packages: [],
    why: 'core is pure: nothing of ours and no package (papaparse only in its CSV reader).',
  },
  contracts: {
    imports: ['core'],
    packages: ['zod'],
    why: 'contracts may import only core and zod.',
  },
  web: {
    imports: ['core', 'contracts'],
    packages: 'any',
    why: 'The web talks to the proxy only over HTTP.',
  },
  proxy: {
    imports: ['core', 'contracts'],
    packages: 'any',
    why: 'The proxy talks to the hub only over HTTP, exactly as it would to Azure.',
  },
  'hub-emulator': {
    imports: ['core', 'contracts', 'local-ca'],
    packages: 'any',
    why: 'The emulator is a separate service.',
  },
  'dev-stack': { imports: 'any', packages: 'any', why: 'The dev stack starts every server.' },
  cli: {
    imports: ['core', 'contracts'],
    packages: 'any',
    why: 'The CLI only adapts argv and files to core.',
  },
  'local-ca': { imports: [], packages: 'any', why: 'local-ca is a leaf library.' },
};

// External SDKs confined to the modules that wrap them, whatever the zone otherwise allows.
/** @type {import('./tools/eslint-rules/boundaries.js').ConfinedPackage[]} */
const confined = [
  {
    name: 'papaparse',
    allowedIn: ['src/core/convert/csv/**'],
    why: "papaparse belongs to core's CSV reader only.",
  },
  {
    name: '@azure/storage-blob',
    allowedIn: [
      'src/web/lib/upload/**',
      'src/web/features/*/api/upload-*.ts',
      'src/proxy/**',
      'src/hub-emulator/**',
      'src/dev-stack/**',
    ],
    why: '@azure/storage-blob belongs to the upload module and the server-side storage modules.',
  },
  {
    name: '@azure/storage-queue',
    allowedIn: ['src/proxy/queue/**', 'src/dev-stack/**'],
    why: "@azure/storage-queue belongs to the proxy's queue module (src/proxy/queue/message-queue.ts).",
  },
  ...['@azure/msal-browser', '@azure/msal-react'].map((name) => ({
    name,
    allowedIn: ['src/web/features/auth/**', 'src/web/app/**', 'src/web/main.tsx'],
    why: "MSAL belongs to web's auth feature, the app shell and the entry that builds the instance.",
  })),
];

const boundaries = {
  root: import.meta.dirname,
  zones,
  browser: ['core', 'contracts', 'web'],
  confined,
};

// What only a host provides. Core runs in browsers, workers and Node alike, and its clock and
// randomness come in through options so tests and replays are exact.
const hostGlobals = ['Buffer', 'process', 'require', 'global', '__dirname', '__filename'].map(
  (name) => ({ name, message: `${name} belongs to Node; this code also runs in browsers.` }),
);
const readsTheClock = [
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'The time comes from the injected clock (a now() or clock() option).',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'The time comes from the injected clock (a now() or clock() option).',
  },
];
// The emulator's instants come from HubEmulatorOptions (clock, and pacingTimer for pacing only);
// server.ts alone supplies the production defaults.
const emulatorClock = [
  ...readsTheClock,
  {
    selector: "MemberExpression[object.name='performance'][property.name='now']",
    message: 'Pacing reads the injected pacingTimer (HubEmulatorOptions).',
  },
];
const coreClock = [
  ...readsTheClock,
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: 'core takes randomness only through an injected source (a random-bytes option).',
  },
  {
    selector:
      "MemberExpression[object.name='crypto'][property.name=/^(getRandomValues|randomUUID)$/]",
    message: 'core takes randomness only through an injected source (a random-bytes option).',
  },
];

// One way to start a worker (docs/architecture.md, "Workers"): each engine's factory,
// src/web/workers/<name>/create-<name>-worker.ts, is the only `new Worker(...)`, and the page talks
// to it through the shared channel; a feature or a hook starting its own worker would bypass the
// channel's parsing, requestIds and coded failures.
const startsAWorker = [
  {
    selector: 'NewExpression[callee.name=/^(Worker|SharedWorker)$/]',
    message:
      'Workers start only in their factory (src/web/workers/<name>/create-<name>-worker.ts) and are used through the worker channel.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.local/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    plugins: { house },
    rules: { 'house/boundaries': ['error', boundaries] },
  },
  {
    files: ['src/core/**', 'src/contracts/**', 'src/web/**'],
    rules: { 'no-restricted-globals': ['error', ...hostGlobals] },
  },
  {
    files: ['src/core/**'],
    rules: { 'no-restricted-syntax': ['error', ...coreClock] },
  },
  {
    files: ['src/web/**'],
    ignores: ['src/web/workers/*/create-*-worker.ts'],
    rules: { 'no-restricted-syntax': ['error', ...startsAWorker] },
  },
  {
    files: ['src/hub-emulator/**'],
    ignores: ['src/hub-emulator/server.ts'],
    rules: { 'no-restricted-syntax': ['error', ...emulatorClock] },
  },
);
