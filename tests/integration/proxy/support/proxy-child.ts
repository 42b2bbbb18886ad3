import { createProxy, type ProxyOptions } from '../../../../src/proxy/server';

// The proxy as a process of its own, so a test can SIGKILL it mid-request. src/proxy/main.ts reads
// only environment variables and has no setting for the Table endpoint Azurite needs, so this
// child takes the same options the in-process stack uses, as JSON, and prints its URL.

const options = JSON.parse(process.env.PROXY_CHILD_OPTIONS ?? '{}') as ProxyOptions;
const proxy = await createProxy({ ...options, log: () => undefined });
process.stdout.write(`PROXY_URL=${proxy.url}\n`);
