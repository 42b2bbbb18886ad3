import { defineConfig } from '@playwright/test';

// The e2e suite drives the real SPA in Debian's Chromium (never a downloaded browser) against the
// whole local stack, which global-setup starts on free ports. Journeys share one hub whose single
// import/export job slot is the point of some tests, so they run one at a time.
export default defineConfig({
  testDir: 'tests/e2e',
  // The tests' own TypeScript project: the browser projects map 'papaparse' to a types-only file
  // (tools/types), which Playwright's loader would otherwise try to run.
  tsconfig: './tsconfig.tests.json',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  outputDir: 'test-results/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    browserName: 'chromium',
    // The local OIDC authority and hub emulator use a CA made on first run; the browser under test
    // accepts it the way a person would after trusting the CA (docs/local-tls.md).
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
