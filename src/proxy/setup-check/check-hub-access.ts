import { HubRequestError } from '../hub/hub-errors';
import { reason } from './check-token-validation';
import type { CheckOutcome, SetupCheckDeps } from './setup-check-deps';
import { ok } from './setup-check-deps';

// The hub and the rights of the credential the proxy uses: a registry read (device statistics), a
// registry write that changes nothing (deleting a device id nobody has: the hub checks rights
// before existence, so 404 means "allowed"), and the jobs list.

export async function checkHubAccess(
  deps: Pick<SetupCheckDeps, 'hub' | 'hubTransport' | 'hubAuth' | 'newProbeName'>,
): Promise<CheckOutcome> {
  const host = deps.hub.hostName;
  const who =
    deps.hubAuth === 'entra' ? "the proxy's identity" : "the proxy's shared access policy";
  const grantFix =
    deps.hubAuth === 'entra'
      ? `Assign ${who} the "IoT Hub Data Contributor" role on the hub (Access control (IAM)). Owner or Contributor give no data access; a new assignment can take up to 10 minutes to apply.`
      : 'Use a shared access policy with Registry Read, Registry Write and Service Connect in IOT_HUB_CONNECTION_STRING.';
  const steps: [
    string,
    () => Promise<unknown>,
    'HUB_NO_REGISTRY_READ' | 'HUB_NO_REGISTRY_WRITE' | 'HUB_NO_JOBS_READ',
  ][] = [
    ['registry read', () => deps.hub.getDeviceStatistics(), 'HUB_NO_REGISTRY_READ'],
    [
      'registry write',
      () =>
        deps.hubTransport
          .send({ method: 'DELETE', segments: ['devices', deps.newProbeName()], idempotent: true })
          .catch((error: unknown) => {
            if (error instanceof HubRequestError && (error.status === 404 || error.status === 412))
              return undefined;
            throw error;
          }),
      'HUB_NO_REGISTRY_WRITE',
    ],
    ['jobs list', () => deps.hub.listJobs(), 'HUB_NO_JOBS_READ'],
  ];
  const passed: string[] = [];
  for (const [name, step, missing] of steps) {
    try {
      await step();
      passed.push(name);
    } catch (error) {
      if (!(error instanceof HubRequestError)) throw error;
      if (error.status === 0 || error.status >= 500)
        return {
          status: 'problem',
          code: 'HUB_UNREACHABLE',
          summary: `The hub ${host} did not answer: ${reason(error)}.`,
          fix: `Check IOT_HUB_HOST_NAME / the connection string's HostName, and that the proxy may reach ${host} on port 443 (private endpoints, firewall).`,
          details: { host },
        };
      // A principal without the data action is IotHubUnauthorized; a SAS policy without the right
      // is IotHubUnauthorizedAccess "...does not allow access..."; any other 401 (a bad key, an
      // unknown principal, a credential without a token) is the credential itself.
      const lacksRight =
        error.status === 401 &&
        (error.hubCode === 'IotHubUnauthorized' || /does not allow access/i.test(error.message));
      if (error.status === 401 && !lacksRight)
        return {
          status: 'problem',
          code: 'HUB_CREDENTIAL_REFUSED',
          summary: `The hub refused ${who}: ${error.message || error.hubCode}.`,
          fix:
            deps.hubAuth === 'entra'
              ? `Check that the proxy runs with its managed identity (AZURE_CLIENT_ID for a user-assigned one) and that tokens for https://iothubs.azure.net are issued to it. ${grantFix}`
              : 'The key or policy name in IOT_HUB_CONNECTION_STRING is wrong, or the hub disables local (SAS) authentication: then use IOT_HUB_AUTH=identity.',
          details: { host, hubCode: error.hubCode },
        };
      return {
        status: 'problem',
        code: missing,
        summary: `${who[0]?.toUpperCase()}${who.slice(1)} reaches the hub but may not do a ${name}${passed.length ? ` (allowed: ${passed.join(', ')})` : ''}: ${error.message || error.hubCode}.`,
        fix: grantFix,
        details: { host, hubCode: error.hubCode, status: String(error.status) },
      };
    }
  }
  return ok(`The hub ${host} answers, and ${who} may read and write the registry and list jobs.`, {
    host,
  });
}
