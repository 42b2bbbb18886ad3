import { describe, expect, it } from 'vitest';
import {
  equivalentCommands,
  redactSasUri,
} from '../../../../src/core/commands/equivalent-commands';

const SIG = 'c2VjcmV0LXNpZ25hdHVyZQ%3D%3D';
const sas = (container: string, sp: string): string =>
  `https://acct.blob.core.windows.net/${container}?sv=2024-08-04&sr=c&sp=${sp}&se=2026-12-08T10%3A00%3A00Z&sig=${SIG}`;

describe('redactSasUri', () => {
  it('keeps the container, permissions and expiry, never the signature', () => {
    expect(redactSasUri(sas('import-1', 'rl'))).toBe(
      'https://acct.blob.core.windows.net/import-1?<SAS token: sp=rl, se=2026-12-08T10:00:00Z>',
    );
    expect(redactSasUri('https://acct.blob.core.windows.net/c')).toBe(
      'https://acct.blob.core.windows.net/c',
    );
  });
});

describe('equivalentCommands', () => {
  it('gives an import as the REST request and the az command, with what az cannot do', () => {
    const commands = equivalentCommands('contoso-prod.azure-devices.net', '2021-04-12', {
      type: 'import',
      inputBlobContainerUri: sas('import-1', 'rl'),
      outputBlobContainerUri: sas('output-import-1', 'rwd'),
      inputBlobName: 'input/devices.txt',
      storageAuthenticationType: 'keyBased',
    });
    expect(JSON.stringify(commands)).not.toContain(SIG.slice(0, 12));
    expect(commands.rest.url).toBe(
      'https://contoso-prod.azure-devices.net/jobs/create?api-version=2021-04-12',
    );
    expect(commands.rest.body).toMatchObject({
      type: 'import',
      inputBlobName: 'input/devices.txt',
      storageAuthenticationType: 'keyBased',
    });
    expect(commands.az).toBe(
      "az iot hub device-identity import --hub-name 'contoso-prod'" +
        " --input-blob-container-uri 'https://acct.blob.core.windows.net/import-1?<SAS token: sp=rl, se=2026-12-08T10:00:00Z>'" +
        " --output-blob-container-uri 'https://acct.blob.core.windows.net/output-import-1?<SAS token: sp=rwd, se=2026-12-08T10:00:00Z>'",
    );
    expect(commands.notes.join(' ')).toMatch(/az always imports devices.txt.*input\/devices.txt/);
  });

  it('gives an export with keys and configurations, identity-based', () => {
    const commands = equivalentCommands('hub-b.azure-devices.net', '2021-04-12', {
      type: 'export',
      outputBlobContainerUri: 'https://acct.blob.core.windows.net/export-2',
      excludeKeysInExport: false,
      includeConfigurations: true,
      storageAuthenticationType: 'identityBased',
      identity: { userAssignedIdentity: '/subscriptions/s/rg/id-hub' },
    });
    expect(commands.az).toBe(
      "az iot hub device-identity export --hub-name 'hub-b' --blob-container-uri 'https://acct.blob.core.windows.net/export-2' --include-keys true --auth-type identity",
    );
    expect(commands.rest.body).toEqual({
      type: 'export',
      outputBlobContainerUri: 'https://acct.blob.core.windows.net/export-2',
      excludeKeysInExport: false,
      includeConfigurations: true,
      storageAuthenticationType: 'identityBased',
      identity: { userAssignedIdentity: '/subscriptions/s/rg/id-hub' },
    });
    expect(commands.notes.join(' ')).toMatch(/configurations/);
    expect(commands.notes.join(' ')).toMatch(/user-assigned identity/);
    expect(commands.notes.join(' ')).not.toMatch(/SAS token/);
  });

  it('quotes a hub name for the shell', () => {
    const { az } = equivalentCommands("it's.azure-devices.net", 'v', {
      type: 'export',
      outputBlobContainerUri: 'https://a/c',
      excludeKeysInExport: true,
    });
    expect(az).toContain(`--hub-name 'it'\\''s'`);
    expect(az).toContain('--include-keys false');
  });
});
