import * as pulumi from '@pulumi/pulumi';

// Runs the real Pulumi program in-process with Pulumi's own mock engine: every resource the program
// declares is recorded with the inputs it would send to Azure, and the few outputs Azure computes
// (ids, principal ids, host names) get plausible values. No CLI, no cloud.

export interface RecordedResource {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  /** Dotted paths of inputs Pulumi would store encrypted (marked secret). */
  secretPaths: string[];
}

// Pulumi's wire marker for a secret value (the same constant its own SDK uses).
const SECRET_SIGNATURE_KEY = '4dabf18193072939515e22adb298388d';

function unwrapSecrets(value: unknown, path: string, secretPaths: string[]): unknown {
  if (Array.isArray(value))
    return value.map((item, index) => unwrapSecrets(item, `${path}.${index}`, secretPaths));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (SECRET_SIGNATURE_KEY in record) {
    secretPaths.push(path);
    return unwrapSecrets(record.value, path, secretPaths);
  }
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) => [
      key,
      unwrapSecrets(item, path ? `${path}.${key}` : key, secretPaths),
    ]),
  );
}

const COMPUTED: Record<string, (name: string) => Record<string, unknown>> = {
  'azure-native:managedidentity:UserAssignedIdentity': (name) => ({
    principalId: `${name}-principal`,
    clientId: '00000000-0000-4000-8000-00000000c11e',
  }),
  'azure-native:iothub:IotHubResource': (name) => ({
    properties: { hostName: `${name}.azure-devices.net` },
    identity: { type: 'SystemAssigned', principalId: `${name}-principal` },
  }),
  'azure-native:operationalinsights:Workspace': () => ({ customerId: 'workspace-customer-id' }),
  'azure-native:app:ContainerApp': (name) => ({
    configuration: { ingress: { fqdn: `${name}.example.azurecontainerapps.io` } },
  }),
};

const CALLS: Record<string, Record<string, unknown>> = {
  'azure-native:authorization:getClientConfig': { subscriptionId: 'sub-0001', tenantId: 't' },
  'azure-native:iothub:listIotHubResourceKeysForKeyName': {
    keyName: 'registryReadWrite',
    primaryKey: 'cmVnaXN0cnlSZWFkV3JpdGVLZXlGb3JUZXN0cw==',
  },
  'azure-native:operationalinsights:getSharedKeys': { primarySharedKey: 'workspace-key' },
};

export async function recordResources(): Promise<RecordedResource[]> {
  const recorded: RecordedResource[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const secretPaths: string[] = [];
        const inputs = unwrapSecrets(args.inputs, '', secretPaths) as Record<string, unknown>;
        recorded.push({ type: args.type, name: args.name, inputs, secretPaths });
        const computed = COMPUTED[args.type]?.(args.name) ?? {};
        return {
          id: `/mock/${args.type}/${args.name}`,
          state: { ...inputs, ...computed, name: inputs.name ?? args.name },
        };
      },
      call(args) {
        return CALLS[args.token] ?? args.inputs;
      },
    },
    'iot-bulk-console',
    'test',
    false,
  );
  return recorded;
}

/** Resolves once an output (and so everything it depends on) has been computed by the mock engine. */
export function settled<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}
