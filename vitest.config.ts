import { defineConfig } from 'vitest/config';

// Three projects (and a fourth, `live`, run only by `npm run test:live`) so `npm run test:unit`
// stays fast and never starts a server, `test:integration` runs real servers on loopback (Azurite,
// the OIDC authority, the emulator, the proxy), and `vitest run --project component` drives the web's stateful
// hooks in a DOM (jsdom) with real workers' code and, for the upload, a real proxy.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Integration suites each start their own servers; running files one at a time keeps
          // a 2-core CI machine from timing out while Azurite and SQLite compete for CPU.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: [
            'tests/component/support/browser-blobs.ts',
            'tests/component/support/unmount-after-each.ts',
          ],
          globalSetup: ['tests/component/support/proxy-stack-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Some files start a proxy stack; one file at a time, as in `integration`.
          fileParallelism: false,
        },
      },
      {
        // `npm run test:live` (tools/run-live-tests.ts): against a real hub and storage account,
        // each file skipping itself when its variables are not set. Not part of `npm test`.
        test: {
          name: 'live',
          include: ['tests/live/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
