import { randomBytes } from 'node:crypto';

// One container per operation (docs/proxy.md#storage-one-container-per-operation):
// `import-<yyyymmdd>-<id>` or `export-<yyyymmdd>-<id>`. Container names are 3-63 chars of
// lower-case letters, digits and single hyphens; ours are 24. The id is 10 base-32 characters (50
// bits) so two admins starting an operation on the same day never collide in practice.

export type OperationKind = 'import' | 'export';

export const OPERATION_ID_PATTERN = /^(import|export)-[0-9]{8}-[a-z2-7]{10}$/;

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export function newOperationId(
  kind: OperationKind,
  now: Date,
  random: (bytes: number) => Uint8Array = randomBytes,
): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  const id = Array.from(random(10), (byte) => BASE32[byte % 32]).join('');
  return `${kind}-${day}-${id}`;
}

export function isOperationId(value: string): boolean {
  return OPERATION_ID_PATTERN.test(value);
}

export function operationKind(operationId: string): OperationKind {
  return operationId.startsWith('import-') ? 'import' : 'export';
}

/**
 * Where the hub writes an import's output (importErrors.log, importConfigErrors.log): a container of
 * its own, so the hub's write grant never covers the files it imports. The prefix keeps it out of
 * the `import-`/`export-` listings.
 */
export function hubOutputContainerName(operationId: string): string {
  return `output-${operationId}`;
}
