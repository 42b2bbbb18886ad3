import type { ExportImportDevice } from '../../../../../src/core/model/export-import-device';
import { planAll, type PlanAllResult } from '../../../../../src/core/plan/plan-all';
import type { PlanOptions, PlanRow } from '../../../../../src/core/plan/plan-types';

// Fake keys (base64 of 32 bytes); tests assert none of them ever reaches a message.
export const KEY_A = 'S2V5T25lS2V5T25lS2V5T25lS2V5T25lS2V5T25lS2U=';
export const KEY_B = 'S2V5VHdvS2V5VHdvS2V5VHdvS2V5VHdvS2V5VHdvS2U=';
export const KEY_C = 'TmV3S2V5TmV3S2V5TmV3S2V5TmV3S2V5TmV3S2V5TmU=';
export const THUMB = 'A'.repeat(40);
export const EDGE_SCOPE = 'ms-azure-iot-edge://gw-1-637000000000000000';

export function sasAuth(primary = KEY_A, secondary = KEY_B): ExportImportDevice['authentication'] {
  return {
    symmetricKey: { primaryKey: primary, secondaryKey: secondary },
    x509Thumbprint: { primaryThumbprint: null, secondaryThumbprint: null },
    type: 'sas',
  };
}

/** An export line as the hub writes it (keys included), with the given fields on top. */
export function exportLine(
  id: string,
  fields: Partial<ExportImportDevice> & Record<string, unknown> = {},
): string {
  const moduleId = fields.moduleId;
  const line: Record<string, unknown> = { id };
  if (moduleId !== undefined) line.moduleId = moduleId;
  Object.assign(line, {
    eTag: 'MQ==',
    status: 'enabled',
    ...(moduleId === undefined ? { statusReason: '' } : {}),
    authentication: sasAuth(),
    twinETag: 'AAAAAAAAAAE=',
    tags: {},
    properties: { desired: {}, reported: {} },
    capabilities: { iotEdge: false },
    ...fields,
  });
  return JSON.stringify(line);
}

export function exportText(...lines: string[]): string {
  return lines.map((l) => l + '\r\n').join('');
}

export function importText(...lines: (Record<string, unknown> | string)[]): string {
  return lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l)) + '\n').join('');
}

export function plan(
  registry: string,
  lines: (Record<string, unknown> | string)[],
  options: PlanOptions = {},
): PlanAllResult {
  return planAll(importText(...lines), registry, options);
}

export function rowOf(result: PlanAllResult, line: number): PlanRow {
  const row = result.rows.find((r) => r.line === line);
  if (row === undefined) throw new Error(`no row for line ${line}`);
  return row;
}

export function jobLines(result: PlanAllResult): Record<string, unknown>[] {
  return result.jobText
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
