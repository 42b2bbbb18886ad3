/**
 * What a /diff deep link says: the two exports (B may instead be a dropped file) and the options.
 */
export interface DiffParams {
  a: string | null;
  b: string | null;
  includeVersionFields: boolean;
  includeReported: boolean;
}

const ON = new Set(['1', 'true', 'yes']);

export function readDiffParams(search: URLSearchParams): DiffParams {
  const a = search.get('a')?.trim() || null;
  const b = search.get('b')?.trim() || null;
  return {
    a,
    b,
    includeVersionFields: ON.has(search.get('versions') ?? ''),
    includeReported: ON.has(search.get('reported') ?? ''),
  };
}

export function writeDiffParams(params: DiffParams): URLSearchParams {
  const out = new URLSearchParams();
  if (params.a) out.set('a', params.a);
  if (params.b) out.set('b', params.b);
  if (params.includeVersionFields) out.set('versions', '1');
  if (params.includeReported) out.set('reported', '1');
  return out;
}
