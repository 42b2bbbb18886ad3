import type { ExportImportDevice } from '../../../core/model/export-import-device';

/** One table row of the registry browser: never a key, only what the columns and filters need. */
export interface RegistryRow {
  /** Position in the worker's list of records; names the record in detail and download requests. */
  index: number;
  id: string;
  moduleId?: string;
  status: string;
  /** '' when the export carried `"authentication":null` (keys excluded). */
  authType: string;
  edge: boolean;
  /** Top-level tags as [name, value text], scalars only, at most MAX_TAGS. */
  tags: [string, string][];
}

const MAX_TAGS = 20;
const MAX_TAG_TEXT = 80;

export function summarizeDevice(device: ExportImportDevice, index: number): RegistryRow {
  const row: RegistryRow = {
    index,
    id: device.id,
    status: typeof device.status === 'string' ? device.status.toLowerCase() : '',
    authType: typeof device.authentication?.type === 'string' ? device.authentication.type : '',
    edge: device.capabilities?.iotEdge === true,
    tags: summarizeTags(device.tags),
  };
  if (typeof device.moduleId === 'string') row.moduleId = device.moduleId;
  return row;
}

function summarizeTags(tags: Record<string, unknown> | undefined): [string, string][] {
  if (tags === undefined || tags === null || typeof tags !== 'object') return [];
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(tags)) {
    if (out.length >= MAX_TAGS) break;
    if (value === null || typeof value === 'object') continue;
    out.push([name, String(value).slice(0, MAX_TAG_TEXT)]);
  }
  return out;
}
