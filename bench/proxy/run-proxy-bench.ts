import { Agent } from 'undici';
import { median, pairedRatios } from '../convert/bench-stats';
import { measureReadLatency, percentile } from './measure-read-latency';
import { seedOperationsIndex } from './seed-operations-index';
import { startBenchProxies } from './start-bench-proxies';

// `npm run bench -- proxy`: jobs-list and job-poll latency (p50, p95) with 20 concurrent clients
// against a history of 10,000 operations, as ratios to the same figures at 100 operations measured
// in the same rounds (docs/proxy.md, "Operations index"). Aim: within 2x.

const CLIENTS = 20;

export async function runProxyBench(opts: { quick: boolean }): Promise<Record<string, unknown>> {
  const sizes = { baseline: 100, large: opts.quick ? 2_000 : 10_000 };
  const rounds = opts.quick ? 2 : 5;
  const requestsPerClient = opts.quick ? 5 : 10;
  const stack = await startBenchProxies(2);
  const agent = new Agent({ connections: CLIENTS * 2 });
  try {
    const [small, large] = stack.proxies as [(typeof stack.proxies)[0], (typeof stack.proxies)[0]];
    const seedStarted = performance.now();
    const target = {
      tableEndpoint: stack.azurite.tableEndpoint,
      accountName: stack.azurite.accountName,
      accountKey: stack.azurite.accountKey,
      tableName: stack.tableName,
    };
    const jobIds = {
      baseline: await seedOperationsIndex(
        { ...target, hubHostName: small.hub.hostName },
        sizes.baseline,
      ),
      large: await seedOperationsIndex({ ...target, hubHostName: large.hub.hostName }, sizes.large),
    };
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const authorization = (await stack.authority.authorization('support')) ?? '';
    const figures = {
      listP50: { baseline: [] as number[], large: [] as number[] },
      listP95: { baseline: [] as number[], large: [] as number[] },
      pollP50: { baseline: [] as number[], large: [] as number[] },
      pollP95: { baseline: [] as number[], large: [] as number[] },
    };
    let listBytes = { baseline: 0, large: 0 };
    let failures = 0;
    let peakRssMb = 0;
    // Round 0 warms up (JIT, TLS sessions to the hub, the table's first queries) and is not kept.
    for (let round = 0; round <= rounds; round++) {
      for (const [size, proxy] of [
        ['baseline', small],
        ['large', large],
      ] as const) {
        const ids = jobIds[size];
        const list = await measureReadLatency({
          urls: () => `${proxy.url}/api/jobs`,
          authorization,
          clients: CLIENTS,
          requestsPerClient,
          agent,
        });
        const poll = await measureReadLatency({
          urls: () => `${proxy.url}/api/jobs/${ids[Math.floor(Math.random() * ids.length)]}`,
          authorization,
          clients: CLIENTS,
          requestsPerClient,
          agent,
        });
        if (round === 0) continue;
        figures.listP50[size].push(percentile(list.latenciesMs, 50));
        figures.listP95[size].push(percentile(list.latenciesMs, 95));
        figures.pollP50[size].push(percentile(poll.latenciesMs, 50));
        figures.pollP95[size].push(percentile(poll.latenciesMs, 95));
        listBytes = { ...listBytes, [size]: list.bodyBytes };
        failures += list.failures + poll.failures;
        peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 2 ** 20);
      }
    }
    const summary = Object.fromEntries(
      Object.entries(figures).map(([name, { baseline, large: big }]) => [
        name,
        {
          baselineMs: round1(median(baseline)),
          largeMs: round1(median(big)),
          ratio: round2(median(pairedRatios(big, baseline))),
        },
      ]),
    );
    return {
      operations: sizes,
      clients: CLIENTS,
      rounds,
      requestsPerClientPerRound: requestsPerClient,
      seedSeconds: round1(seedSeconds),
      ...summary,
      listBodyBytes: listBytes,
      failures,
      peakRssMb: Math.round(peakRssMb),
      maxRssMbFromOs: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await agent.close();
    await stack.close();
  }
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
const round2 = (value: number): number => Math.round(value * 100) / 100;
