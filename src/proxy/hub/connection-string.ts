// Parses `HostName=...;SharedAccessKeyName=...;SharedAccessKey=...`
// (docs/reference/hub-wire-contract.md#connection-string): pairs split on the first `=` only
// because base64 keys end in `=` padding, names matched case-insensitively as the C# SDK does.

export interface HubCredentials {
  /**
   * Host name as written in the connection string; it is also the SAS `sr` resource. May carry a
   * port (emulator).
   */
  hostName: string;
  keyName: string;
  key: string;
}

const HOST_NAME = /^[a-zA-Z0-9_\-.]+(:[0-9]{1,5})?$/;
const KEY_NAME = /^[a-zA-Z0-9_\-@.]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function parseHubConnectionString(connectionString: string): HubCredentials {
  const pairs = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error('hub connection string: every part must be Name=Value');
    pairs.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const hostName = pairs.get('hostname');
  const keyName = pairs.get('sharedaccesskeyname');
  const key = pairs.get('sharedaccesskey');
  const problems: string[] = [];
  if (!hostName || !HOST_NAME.test(hostName))
    problems.push('HostName is missing or not a host name');
  if (!keyName || !KEY_NAME.test(keyName))
    problems.push('SharedAccessKeyName is missing or invalid');
  if (!key || !BASE64.test(key)) problems.push('SharedAccessKey is missing or not base64');
  if (problems.length > 0 || !hostName || !keyName || !key) {
    throw new Error(`hub connection string: ${problems.join('; ')}`);
  }
  return { hostName, keyName, key };
}
