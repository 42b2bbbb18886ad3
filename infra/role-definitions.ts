// Azure built-in role definition ids (the same in every tenant), named by what each grants. The
// proxy gets data roles only; no identity gets an account key or a hub policy key.
export const BUILT_IN_ROLES = {
  /** Containers, blobs, metadata, leases and user-delegation keys (for the SAS the proxy mints). */
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  /** The durable queue of operations waiting for a hub's job slot. */
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
  /** The operations index. */
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  /** Registry reads and writes, twins, and import/export jobs on the hub's service API. */
  iotHubDataContributor: '4fc6c259-987e-4a07-842e-c321cc9d413f',
  /** Pulling the proxy's image from a private Azure Container Registry. */
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
} as const;

export type BuiltInRole = keyof typeof BUILT_IN_ROLES;

export function roleDefinitionId(subscriptionId: string, role: BuiltInRole): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLES[role]}`;
}
