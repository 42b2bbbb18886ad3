// The hub's per-operation-class limits by tier and unit count
// (docs/reference/hub-wire-contract.md#limits): a class allows `limit` operations per
// `windowSeconds`. Statistics calls have no documented limit and are never throttled.
export type Tier = 'S1' | 'S2' | 'S3';

export type ThrottleClass =
  'registry' | 'twinRead' | 'twinUpdate' | 'query' | 'jobs' | 'configurations';

export interface ClassLimit {
  limit: number;
  windowSeconds: number;
}

export function throttleLimits(tier: Tier, units: number): Record<ThrottleClass, ClassLimit> {
  const perMinute = (limit: number): ClassLimit => ({ limit, windowSeconds: 60 });
  const perSecond = (limit: number): ClassLimit => ({ limit, windowSeconds: 1 });
  const s3 = tier === 'S3';
  return {
    registry: perMinute((s3 ? 5000 : 100) * units),
    twinRead: perSecond(s3 ? 500 * units : tier === 'S2' ? Math.max(100, 10 * units) : 100),
    twinUpdate: perSecond(s3 ? 250 * units : tier === 'S2' ? Math.max(50, 5 * units) : 50),
    query: perMinute((s3 ? 1000 : 20) * units),
    jobs: perMinute((s3 ? 5000 : 100) * units),
    configurations: perMinute(20 * units),
  };
}

/** The operation type the 429 text names (the live hub wrote e.g. "ConfigurationWrite"). */
export function operationType(throttleClass: ThrottleClass, method: string): string {
  const reads = method === 'GET';
  switch (throttleClass) {
    case 'registry':
      return reads ? 'DeviceRegistryRead' : 'DeviceRegistryWrite';
    case 'twinRead':
      return 'TwinRead';
    case 'twinUpdate':
      return 'TwinUpdate';
    case 'query':
      return 'TwinQuery';
    case 'jobs':
      return reads ? 'JobsRead' : 'JobsWrite';
    case 'configurations':
      return reads ? 'ConfigurationRead' : 'ConfigurationWrite';
  }
}
