import { describe, expect, it } from 'vitest';
import type { HubJobsClient } from '../../../../src/proxy/hub/hub-jobs';
import { hubContainerGrant } from '../../../../src/proxy/operations/hub-container-grant';
import type { OperationStorage } from '../../../../src/proxy/storage/operation-storage';

const storage = {
  hubContainerUrl: async (id: string, access: string) => `https://acct/${id}-${access}`,
  hubContainerSas: async (id: string, access: string, hours: number) => ({
    url: `https://acct/${id}-${access}?sv=x&sig=s&h=${hours}`,
    expiresOn: '',
  }),
} as unknown as OperationStorage;

const hubWith = (storageAuthentication: HubJobsClient['storageAuthentication']) =>
  ({ storageAuthentication }) as HubJobsClient;

describe('hubContainerGrant', () => {
  it('hands a keyBased job a container SAS that lives the whole job', async () => {
    expect(await hubContainerGrant({ hub: hubWith('keyBased'), storage }, 'op', 'input')).toBe(
      'https://acct/op-input?sv=x&sig=s&h=24',
    );
  });

  it('hands an identityBased job the bare URI: no SAS is minted for the hub', async () => {
    expect(
      await hubContainerGrant({ hub: hubWith('identityBased'), storage }, 'op', 'output'),
    ).toBe('https://acct/op-output');
  });
});
