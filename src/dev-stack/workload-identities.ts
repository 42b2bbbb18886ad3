import { SERVICE_PRINCIPALS } from './identity-defaults';
import { createLocalTokenCredential, type LocalTokenCredential } from './local-token-credential';

// Identity mode of the local stack (docs/dev-stack.md): the proxy and the hub each hold a managed
// identity of their own, stood in for by a LocalTokenCredential on the local authority.

export interface WorkloadIdentities {
  /** The proxy's: IoT Hub Data Contributor on the hub, Storage * Data Contributor on storage. */
  proxy: LocalTokenCredential;
  /** The hub's system-assigned identity: Storage Blob Data Contributor, for identityBased jobs. */
  hub: LocalTokenCredential;
  close(): Promise<void>;
}

export function workloadIdentities(tokenEndpoint: string, caPem: string): WorkloadIdentities {
  const proxy = createLocalTokenCredential({
    tokenEndpoint,
    caPem,
    principal: SERVICE_PRINCIPALS.proxy,
  });
  const hub = createLocalTokenCredential({
    tokenEndpoint,
    caPem,
    principal: SERVICE_PRINCIPALS.hub,
  });
  return {
    proxy,
    hub,
    close: async () => {
      await Promise.all([proxy.close(), hub.close()]);
    },
  };
}
