import path from 'node:path';
import { formatBanner } from './format-banner';
import { findFreePort } from './ports';
import { readStackEnv } from './read-stack-env';
import { startDevStack, type DevStack } from './stack';
import type { ViteHandle } from './start-vite';

// `npm start` (built SPA served by the proxy) and `npm run dev` (`--vite`: Vite's dev server in
// front); `--identity` or DEV_STACK_IDENTITY=1 runs either without keys (docs/dev-stack.md,
// "Identity mode"). The only place that reads env vars and installs signal handlers; Ctrl-C stops every part,
// Azurite's child process included, and exits 0.

const withVite = process.argv.slice(2).includes('--vite');
const withIdentity =
  process.argv.slice(2).includes('--identity') || process.env.DEV_STACK_IDENTITY === '1';
const env = readStackEnv(process.env);
if (!env.ok) {
  console.error(
    [
      'Cannot start the local stack. Fix these environment variables (docs/dev-stack.md):',
      ...env.problems.map((p) => `  - ${p}`),
    ].join('\n'),
  );
  process.exit(2);
}

const { ports, dataDir } = env.value;
const vitePort = withVite && env.value.vitePort === 0 ? await findFreePort() : env.value.vitePort;
const viteOrigin = `http://localhost:${vitePort}`;
const log = (line: string): void => console.log(line);

const starting: Promise<DevStack> = startDevStack({
  dataDir: path.resolve(dataDir),
  ports,
  staticDir: 'dist',
  // The local hub throttles like an S1 hub with one unit, so the console meets the 429s a real
  // hub sends (docs/hub-emulator.md, throttling).
  hub: { throttling: { tier: 'S1', units: 1 } },
  ...(withVite ? { extraAppOrigins: [viteOrigin] } : {}),
  ...(withIdentity ? { identity: {} } : {}),
  setupCheckAtStart: true,
  log,
});
let vite: ViteHandle | undefined;
let stopping = false;

async function stop(reason: string, exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log(`${reason}: stopping the local stack...`);
    try {
      await vite?.close();
      // A signal during start-up waits for the start to finish (or fail) so nothing is left behind.
      const stack = await starting.catch(() => undefined);
      await stack?.close();
    } catch (error) {
      console.error(error);
      exitCode = 1;
    }
    process.exit(exitCode);
  }
  return new Promise<never>(() => {});
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) log('Still stopping; please wait.');
    void stop(signal, 0);
  });
}

try {
  const stack = await starting;
  let appUrl = stack.appUrl;
  if (withVite) {
    // Loaded only for `npm run dev`: Vite is a large import that `npm start` never needs.
    const { startVite } = await import('./start-vite');
    vite = await startVite({
      port: vitePort,
      proxyUrl: `http://127.0.0.1:${new URL(stack.appUrl).port}`,
    });
    log(`Proxy (built SPA, API): ${stack.appUrl}`);
    appUrl = vite.url;
  }
  if (!stopping) for (const line of formatBanner(stack, appUrl)) log(line);
} catch (error) {
  console.error(
    `The local stack did not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  await stop('Start-up failed', 1);
}
