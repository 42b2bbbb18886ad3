import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

// Shared access policies of a new hub (docs/reference/hub-wire-contract.md#permissions) with keys
// kept in the data folder, so connection strings stay valid across restarts. Flag values are the C#
// AccessRights enum.
export const RIGHTS = {
  RegistryRead: 1,
  RegistryWrite: 2,
  ServiceConnect: 4,
  DeviceConnect: 8,
} as const;
export type Right = keyof typeof RIGHTS;

export const POLICY_RIGHTS = {
  iothubowner:
    RIGHTS.RegistryRead | RIGHTS.RegistryWrite | RIGHTS.ServiceConnect | RIGHTS.DeviceConnect,
  service: RIGHTS.ServiceConnect,
  device: RIGHTS.DeviceConnect,
  registryRead: RIGHTS.RegistryRead,
  registryReadWrite: RIGHTS.RegistryRead | RIGHTS.RegistryWrite,
  // Not one of a new hub's five: the custom policy an admin adds for the console's proxy (registry
  // read and write for jobs, ServiceConnect for the twin reads of the plan's registry lookup), so
  // the proxy never holds iothubowner's DeviceConnect. See docs/dev-stack.md.
  bulkConsole: RIGHTS.RegistryRead | RIGHTS.RegistryWrite | RIGHTS.ServiceConnect,
} as const;
export type PolicyName = keyof typeof POLICY_RIGHTS;

export interface Policy {
  name: PolicyName;
  key: string;
  rights: number;
}

export type Policies = ReadonlyMap<string, Policy>;

const FILE = 'policies.json';

export async function loadOrCreatePolicies(
  dataDir: string,
  newKey: () => string,
): Promise<Policies> {
  const file = path.join(dataDir, FILE);
  let keys: Partial<Record<PolicyName, string>> = {};
  try {
    keys = JSON.parse(await readFile(file, 'utf8')) as Partial<Record<PolicyName, string>>;
  } catch {
    keys = {};
  }
  let changed = false;
  const policies = new Map<string, Policy>();
  for (const name of Object.keys(POLICY_RIGHTS) as PolicyName[]) {
    let key = keys[name];
    if (!key) {
      key = newKey();
      keys[name] = key;
      changed = true;
    }
    policies.set(name, { name, key, rights: POLICY_RIGHTS[name] });
  }
  if (changed) await writeFile(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return policies;
}

export function connectionString(hostName: string, policy: Policy): string {
  return `HostName=${hostName};SharedAccessKeyName=${policy.name};SharedAccessKey=${policy.key}`;
}
