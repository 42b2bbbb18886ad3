import { fetch, type Agent } from 'undici';

// `clients` concurrent callers, each making `requestsPerClient` requests back to back; the latency
// of every request, in milliseconds, and the bytes of the last body.

export interface LatencySample {
  latenciesMs: number[];
  bodyBytes: number;
  failures: number;
}

export async function measureReadLatency(options: {
  urls: () => string;
  authorization: string;
  clients: number;
  requestsPerClient: number;
  agent: Agent;
}): Promise<LatencySample> {
  const latenciesMs: number[] = [];
  let bodyBytes = 0;
  let failures = 0;
  const client = async (): Promise<void> => {
    for (let i = 0; i < options.requestsPerClient; i++) {
      const started = performance.now();
      const response = await fetch(options.urls(), {
        headers: { authorization: options.authorization },
        dispatcher: options.agent,
      });
      const body = await response.arrayBuffer();
      latenciesMs.push(performance.now() - started);
      bodyBytes = body.byteLength;
      if (response.status !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  return { latenciesMs, bodyBytes, failures };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
