import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';

// `npm test`: every check CI runs, in order, each one counted, ending in one line
// "N passed, N failed" (the closing line CI reads). Typecheck and lint count as one check each;
// vitest and Playwright report their own test counts through their JSON reporters.

interface Tally {
  passed: number;
  failed: number;
}

const RESULTS = 'test-results';

async function main(): Promise<void> {
  await rm(RESULTS, { recursive: true, force: true });
  await mkdir(RESULTS, { recursive: true });
  const tally: Tally = { passed: 0, failed: 0 };
  const steps: string[] = [];

  const record = (name: string, passed: number, failed: number): void => {
    tally.passed += passed;
    tally.failed += failed;
    steps.push(`${name}: ${passed} passed, ${failed} failed`);
  };

  const checkStep = async (name: string, command: string, args: string[]): Promise<boolean> => {
    const ok = (await run(command, args)) === 0;
    record(name, ok ? 1 : 0, ok ? 0 : 1);
    return ok;
  };

  await checkStep('typecheck', 'npx', ['tsx', 'tools/typecheck.ts']);
  await checkStep('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
  await checkStep('import cycles', 'npx', ['tsx', 'tools/check-import-cycles.ts']);
  await checkStep('error codes page', 'npx', ['tsx', 'tools/render-error-codes.ts', '--check']);
  await checkStep('test mirrors', 'npx', ['tsx', 'tools/check-test-mirrors.ts']);
  await checkStep('citations', 'npx', ['tsx', 'tools/check-citations.ts']);
  await checkStep('format', 'npx', ['prettier', '--check', '.']);

  for (const project of ['unit', 'component', 'integration']) {
    const file = `${RESULTS}/vitest-${project}.json`;
    const code = await run('npx', [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ]);
    const counts = await readVitest(file);
    record(
      `vitest ${project}`,
      counts?.passed ?? 0,
      counts ? counts.failed + (code !== 0 && counts.failed === 0 ? 1 : 0) : 1,
    );
  }

  if (await checkStep('build', 'npx', ['vite', 'build'])) {
    const code = await run('npx', ['playwright', 'test']);
    const counts = await readPlaywright(`${RESULTS}/e2e-results.json`);
    record(
      'e2e',
      counts?.passed ?? 0,
      counts ? counts.failed + (code !== 0 && counts.failed === 0 ? 1 : 0) : 1,
    );
  }

  console.log('\n' + steps.map((line) => `  ${line}`).join('\n'));
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  process.exitCode = tally.failed === 0 ? 0 : 1;
}

function run(command: string, args: string[]): Promise<number> {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

async function readVitest(file: string): Promise<Tally | undefined> {
  const json = await readJson(file);
  if (!json || typeof json !== 'object') return undefined;
  const { numPassedTests, numFailedTests, numTotalTestSuites, numFailedTestSuites } =
    json as Record<string, number>;
  // A suite that fails to load has no failed tests but a failed suite: count it.
  const brokenSuites =
    (numFailedTestSuites ?? 0) > 0 && (numFailedTests ?? 0) === 0 ? (numFailedTestSuites ?? 0) : 0;
  return numTotalTestSuites === undefined
    ? undefined
    : { passed: numPassedTests ?? 0, failed: (numFailedTests ?? 0) + brokenSuites };
}

async function readPlaywright(file: string): Promise<Tally | undefined> {
  const json = await readJson(file);
  const stats = (json as { stats?: Record<string, number> } | undefined)?.stats;
  if (!stats) return undefined;
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0 };
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

await main();
