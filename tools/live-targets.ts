// Which live suites `npm run test:live` can run with the environment it was given, and which it
// skips and why. Pure: run-live-tests.ts passes process.env in (docs/deploy.md, "Live tests").

export interface LiveSuite {
  name: string;
  file: string;
  /** Each entry is one requirement; `A|B` means either variable satisfies it. */
  needs: readonly string[];
  what: string;
}

export const LIVE_SUITES: readonly LiveSuite[] = [
  {
    name: 'hub conformance',
    file: 'tests/live/hub-conformance.test.ts',
    needs: ['IOT_HUB_CONNECTION_STRING'],
    what: "the emulator's conformance cases against your hub (read-only)",
  },
  {
    name: 'proxy against Azure',
    file: 'tests/live/proxy-against-azure.test.ts',
    needs: ['IOT_HUB_CONNECTION_STRING|IOT_HUB_HOST_NAME', 'STORAGE_ACCOUNT_NAME'],
    what: "the proxy's setup check against your hub and storage account (a probe container is created and deleted)",
  },
];

export interface LivePlan {
  run: LiveSuite[];
  skipped: { suite: LiveSuite; missing: string[] }[];
}

export function planLiveRun(env: Record<string, string | undefined>): LivePlan {
  const set = (name: string): boolean => (env[name] ?? '').trim() !== '';
  const plan: LivePlan = { run: [], skipped: [] };
  for (const suite of LIVE_SUITES) {
    const missing = suite.needs.filter((need) => !need.split('|').some(set));
    if (missing.length === 0) plan.run.push(suite);
    else plan.skipped.push({ suite, missing: missing.map((need) => need.replace('|', ' or ')) });
  }
  return plan;
}

export function describePlan(plan: LivePlan): string[] {
  return [
    ...plan.run.map((suite) => `RUN      ${suite.name}: ${suite.what}`),
    ...plan.skipped.map(
      ({ suite, missing }) =>
        `SKIPPED  ${suite.name}: set ${missing.join(', ')} to run ${suite.what}`,
    ),
  ];
}
