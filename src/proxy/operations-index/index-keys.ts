// Keys of the operations index (docs/proxy.md, "Operations index"). One partition per hub, so a
// console that serves several hubs later keeps each hub's history apart and every query
// stays inside one partition. Each operation has three rows in its partition, written together in
// one transaction: a list row whose key sorts newest first, and two lookup rows that make a poll
// by operation id or by hub job id one point read.

const LIST = 't~';
/** `~` sorts after every digit, so `t~~` bounds the list rows from above. */
export const LIST_ROW_RANGE = { from: LIST, to: `${LIST}~` } as const;

// 13 digits hold every millisecond timestamp up to the year 2286.
const LATEST_MS = 9_999_999_999_999;

/** Table keys may not hold `/ \ # ?` or control characters; a host name never does. */
export function hubPartitionKey(hubHostName: string): string {
  return `hub~${hubHostName.toLowerCase()}`;
}

/** The list row's key prefix for a moment: later moments give smaller keys. */
export function listKeyPrefixAt(ms: number): string {
  return `${LIST}${String(LATEST_MS - Math.max(0, Math.min(ms, LATEST_MS))).padStart(13, '0')}`;
}

export function listRowKey(createdAt: string, operationId: string): string {
  const ms = Date.parse(createdAt);
  return `${listKeyPrefixAt(Number.isNaN(ms) ? 0 : ms)}~${operationId}`;
}

export const operationRowKey = (operationId: string): string => `o~${operationId}`;
export const jobRowKey = (jobId: string): string => `j~${jobId}`;
