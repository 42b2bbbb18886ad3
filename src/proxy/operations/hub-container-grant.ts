import type { HubContainerAccess } from '../storage/operation-storage';
import { SAS_LIFETIMES, type ProxyContext } from './proxy-context';

// The container URI a job is created with: a container SAS for a keyBased job, the bare URI for an
// identityBased one (docs/proxy.md, "Reaching the hub with an identity").
export async function hubContainerGrant(
  context: Pick<ProxyContext, 'hub' | 'storage'>,
  operationId: string,
  access: HubContainerAccess,
): Promise<string> {
  if (context.hub.storageAuthentication === 'identityBased')
    return context.storage.hubContainerUrl(operationId, access);
  return (await context.storage.hubContainerSas(operationId, access, SAS_LIFETIMES.hubJobHours))
    .url;
}
