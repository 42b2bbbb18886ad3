import { describe, expect, it } from 'vitest';
import { createHubJobsClient } from '../../../../src/proxy/hub/hub-jobs';
import type { HubCall, HubTransport } from '../../../../src/proxy/hub/hub-transport';

// The job bodies the proxy sends for each job storage choice (docs/proxy.md, "Reaching the hub
// with an identity").
function recordingTransport(): { transport: HubTransport; calls: HubCall[] } {
  const calls: HubCall[] = [];
  return {
    calls,
    transport: {
      hostName: 'hub.example',
      send: async (call) => {
        calls.push(call);
        return { status: 200, body: { jobId: 'j1', type: 'import', status: 'enqueued' } };
      },
    },
  };
}

const importRequest = {
  inputBlobContainerUri: 'https://acct.blob.core.windows.net/import-x',
  outputBlobContainerUri: 'https://acct.blob.core.windows.net/import-x-output',
};

describe('createHubJobsClient', () => {
  it('asks for keyBased storage by default', async () => {
    const { transport, calls } = recordingTransport();
    const hub = createHubJobsClient(transport);
    expect(hub.storageAuthentication).toBe('keyBased');
    await hub.createImportJob(importRequest);
    expect(calls[0]?.body).toMatchObject({ storageAuthenticationType: 'keyBased' });
    expect(calls[0]?.body).not.toHaveProperty('identity');
  });

  it('asks for identityBased storage with the hub’s system identity', async () => {
    const { transport, calls } = recordingTransport();
    const hub = createHubJobsClient(transport, { type: 'identityBased' });
    await hub.createExportJob({
      outputBlobContainerUri: importRequest.outputBlobContainerUri,
      excludeKeysInExport: true,
      includeConfigurations: false,
    });
    expect(calls[0]?.body).toMatchObject({ storageAuthenticationType: 'identityBased' });
    expect(calls[0]?.body).not.toHaveProperty('identity');
  });

  it('names a user-assigned identity when one is configured', async () => {
    const id =
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/hub';
    const { transport, calls } = recordingTransport();
    await createHubJobsClient(transport, {
      type: 'identityBased',
      userAssignedIdentity: id,
    }).createImportJob(importRequest);
    expect(calls[0]?.body).toMatchObject({
      storageAuthenticationType: 'identityBased',
      identity: { userAssignedIdentity: id },
    });
  });
});
