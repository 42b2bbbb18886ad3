import {
  AnonymousCredential,
  ContainerClient,
  ContainerSASPermissions,
  newPipeline,
} from '@azure/storage-blob';
import type { BlobTransport, SasSigner } from '../storage/sas-signer';
import type { SetupCheckDeps } from './setup-check-deps';

// The storage side of the setup check, built from the proxy's own signer and blob transport so the
// check uses exactly the credential, TLS trust and deadlines every import uses.
export function storageProbeClients(
  signer: SasSigner,
  transport: BlobTransport,
): Pick<SetupCheckDeps['storage'], 'service' | 'containerFromUrl' | 'mintHubGrants'> {
  return {
    service: signer.serviceClient,
    containerFromUrl: (url) => {
      const pipeline = newPipeline(new AnonymousCredential(), {
        retryOptions: transport.retryOptions,
      });
      pipeline.factories.push(...transport.policies);
      return new ContainerClient(url, pipeline);
    },
    // The same scopes and permissions as OperationStorage.hubContainerSas grants a real job.
    mintHubGrants: async (container, expiresOn) => {
      const grant = async (permissions: ContainerSASPermissions): Promise<string> =>
        `${container.url}?${await signer.sign({ containerName: container.containerName, permissions, expiresOn })}`;
      return {
        input: await grant(ContainerSASPermissions.from({ read: true })),
        output: await grant(
          ContainerSASPermissions.from({ read: true, write: true, delete: true }),
        ),
      };
    },
  };
}
