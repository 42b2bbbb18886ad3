import type { CreateExportRequest } from '../../contracts/api/exports';
import type { Principal } from '../auth/bearer-verifier';
import type { OperationMetadata } from '../storage/operation-metadata';

/**
 * An export operation's metadata as requested, for both ways an export begins: started at once
 * (start-export.ts, which adds its start claim) or queued (queue/enqueue-export.ts).
 */
export function exportMetadataFor(
  principal: Principal,
  request: CreateExportRequest,
  createdAt: Date,
): OperationMetadata {
  return {
    kind: 'export',
    createdAt: createdAt.toISOString(),
    createdByName: principal.name,
    createdByOid: principal.objectId,
    excludeKeysInExport: request.excludeKeys,
    includeConfigurations: request.includeConfigurations,
    keysInside: !request.excludeKeys,
    ...(request.label ? { label: request.label } : {}),
  };
}
