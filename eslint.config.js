// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The architecture is a lint rule (design.md, house-style.md principle 1). Each zone names the
// folders of ours it must not import, whether Node built-ins are banned (code that runs in a
// browser or worker), and which external SDKs it may not touch because another module wraps them.

const SDK = {
  papaparse: { name: 'papaparse', message: "papaparse belongs to core's CSV reader only." },
  storageBlob: {
    name: '@azure/storage-blob',
    message:
      '@azure/storage-blob belongs to the upload module and the server-side storage modules.',
  },
  msalBrowser: {
    name: '@azure/msal-browser',
    message: "MSAL belongs to web's auth feature and the app shell.",
  },
  msalReact: {
    name: '@azure/msal-react',
    message: "MSAL belongs to web's auth feature and the app shell.",
  },
};

/**
 * @param {{ files: string[], ignores?: string[], banned: string[], why: string, browser?: boolean,
 * sdks: (keyof typeof SDK)[] }} zone
 */
function zone({ files, ignores = [], banned, why, browser = false, sdks }) {
  const patterns = [{ group: banned.map((folder) => `**/${folder}/**`), message: why }];
  if (browser)
    patterns.push({
      group: ['node:*'],
      message: 'This code runs in browsers and workers: no Node built-ins.',
    });
  return {
    files,
    ignores,
    rules: { 'no-restricted-imports': ['error', { patterns, paths: sdks.map((key) => SDK[key]) }] },
  };
}

const allSdks = /** @type {(keyof typeof SDK)[]} */ (Object.keys(SDK));
const except = (/** @type {string[]} */ ...keys) => allSdks.filter((key) => !keys.includes(key));

const webBanned = ['proxy', 'hub-emulator', 'dev-stack', 'cli', 'local-ca'];
const webWhy = 'The web talks to the proxy only over HTTP.';

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
  zone({
    files: ['src/core/**'],
    ignores: ['src/core/convert/csv/**'],
    banned: ['contracts', 'web', 'proxy', 'hub-emulator', 'dev-stack', 'cli', 'local-ca'],
    why: 'core is pure and imports nothing of ours.',
    browser: true,
    sdks: allSdks,
  }),
  zone({
    files: ['src/core/convert/csv/**'],
    banned: ['contracts', 'web', 'proxy', 'hub-emulator', 'dev-stack', 'cli', 'local-ca'],
    why: 'core is pure and imports nothing of ours.',
    browser: true,
    sdks: except('papaparse'),
  }),
  zone({
    files: ['src/contracts/**'],
    banned: ['web', 'proxy', 'hub-emulator', 'dev-stack', 'cli', 'local-ca'],
    why: 'contracts may import only core.',
    browser: true,
    sdks: allSdks,
  }),
  zone({
    files: ['src/web/**'],
    ignores: [
      'src/web/features/auth/**',
      'src/web/app/**',
      'src/web/lib/upload/**',
      'src/web/features/*/api/upload-*.ts',
    ],
    banned: webBanned,
    why: webWhy,
    browser: true,
    sdks: allSdks,
  }),
  zone({
    files: ['src/web/features/auth/**', 'src/web/app/**'],
    banned: webBanned,
    why: webWhy,
    browser: true,
    sdks: except('msalBrowser', 'msalReact'),
  }),
  zone({
    files: ['src/web/lib/upload/**', 'src/web/features/*/api/upload-*.ts'],
    banned: webBanned,
    why: webWhy,
    browser: true,
    sdks: except('storageBlob'),
  }),
  zone({
    files: ['src/web/features/*/**'],
    ignores: ['src/web/features/auth/**', 'src/web/features/*/api/upload-*.ts'],
    banned: [...webBanned, 'features'],
    why: 'Features never import each other; shared UI lives in src/web/components.',
    browser: true,
    sdks: allSdks,
  }),
  zone({
    files: ['src/proxy/**'],
    banned: ['web', 'hub-emulator', 'dev-stack', 'cli', 'local-ca'],
    why: 'The proxy talks to the hub only over HTTP, exactly as it would to Azure.',
    sdks: except('storageBlob'),
  }),
  zone({
    files: ['src/hub-emulator/**'],
    banned: ['web', 'proxy', 'dev-stack', 'cli'],
    why: 'The emulator is a separate service.',
    sdks: except('storageBlob'),
  }),
  zone({
    files: ['src/cli/**'],
    banned: ['web', 'proxy', 'hub-emulator', 'dev-stack', 'local-ca'],
    why: 'The CLI only adapts argv and files to core.',
    sdks: allSdks,
  }),
  zone({
    files: ['src/local-ca/**'],
    banned: ['core', 'contracts', 'web', 'proxy', 'hub-emulator', 'dev-stack', 'cli'],
    why: 'local-ca is a leaf library.',
    sdks: allSdks,
  }),
);
