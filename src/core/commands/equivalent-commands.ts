// "Show me the command": the hub call an import or export job was started with, as an admin would
// automate it: the REST request to the hub's service API and the `az iot hub device-identity`
// command (docs/bulk-flows.md, "The command behind an operation"). Secrets never appear: a container
// URI keeps its account, container and SAS permissions and expiry, and loses its signature; the
// authorization header is a placeholder.

export interface HubJobRequestBody {
  type: 'import' | 'export';
  inputBlobContainerUri?: string | undefined;
  outputBlobContainerUri: string;
  inputBlobName?: string | undefined;
  excludeKeysInExport?: boolean | undefined;
  includeConfigurations?: boolean | undefined;
  storageAuthenticationType?: 'keyBased' | 'identityBased' | undefined;
  identity?: { userAssignedIdentity: string } | undefined;
}

export interface EquivalentCommands {
  rest: {
    method: 'POST';
    url: string;
    headers: Record<string, string>;
    body: Record<string, unknown>;
  };
  az: string;
  /** What the az command cannot say that the REST request does, in words. */
  notes: string[];
}

/** The hub's default input blob: what `az` imports, since it has no option for another name. */
const DEFAULT_INPUT_BLOB = 'devices.txt';

/** `https://acct.blob.core.windows.net/c?sv=…&sp=rl&se=…&sig=…` -> `…/c?<SAS: sp=rl, se=…>`. */
export function redactSasUri(uri: string): string {
  const query = uri.indexOf('?');
  if (query < 0) return uri;
  // Core has no URL API (it runs in every host): the query is split by hand.
  const params = new Map(
    uri
      .slice(query + 1)
      .split('&')
      .map((pair) => pair.split('=') as [string, string | undefined])
      .map(([name, value]) => [name, decodeURIComponent(value ?? '')] as const),
  );
  const kept = ['sp', 'se']
    .filter((name) => params.has(name))
    .map((name) => `${name}=${params.get(name)}`);
  return `${uri.slice(0, query)}?<SAS token${kept.length > 0 ? `: ${kept.join(', ')}` : ''}>`;
}

const shellQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

export function equivalentCommands(
  hostName: string,
  apiVersion: string,
  request: HubJobRequestBody,
): EquivalentCommands {
  const identityBased = request.storageAuthenticationType === 'identityBased';
  const uri = (value: string | undefined): string | undefined =>
    value === undefined ? undefined : redactSasUri(value);
  const body: Record<string, unknown> = { type: request.type };
  const input = uri(request.inputBlobContainerUri);
  if (input !== undefined) body.inputBlobContainerUri = input;
  body.outputBlobContainerUri = uri(request.outputBlobContainerUri);
  if (request.inputBlobName !== undefined) body.inputBlobName = request.inputBlobName;
  if (request.excludeKeysInExport !== undefined)
    body.excludeKeysInExport = request.excludeKeysInExport;
  if (request.includeConfigurations !== undefined)
    body.includeConfigurations = request.includeConfigurations;
  if (request.storageAuthenticationType !== undefined)
    body.storageAuthenticationType = request.storageAuthenticationType;
  if (request.identity !== undefined) body.identity = request.identity;

  const hubName = hostName.split('.')[0] ?? hostName;
  const notes: string[] = [];
  const args = ['az iot hub device-identity', request.type, '--hub-name', shellQuote(hubName)];
  if (request.type === 'import') {
    args.push('--input-blob-container-uri', shellQuote(input ?? ''));
    args.push('--output-blob-container-uri', shellQuote(String(body.outputBlobContainerUri)));
    if (request.inputBlobName !== undefined && request.inputBlobName !== DEFAULT_INPUT_BLOB)
      notes.push(
        `az always imports ${DEFAULT_INPUT_BLOB} at the container's root; this job read ${request.inputBlobName}. Copy it to ${DEFAULT_INPUT_BLOB} first, or use the REST request.`,
      );
  } else {
    args.push('--blob-container-uri', shellQuote(String(body.outputBlobContainerUri)));
    args.push('--include-keys', request.excludeKeysInExport === false ? 'true' : 'false');
    if (request.includeConfigurations)
      notes.push('az has no option to export configurations; use the REST request for them.');
  }
  if (identityBased) {
    args.push('--auth-type', 'identity');
    if (request.identity)
      notes.push(
        `The job used the hub's user-assigned identity ${request.identity.userAssignedIdentity}; give it to az as the identity option of your CLI version, or use the REST request.`,
      );
  }
  if (!identityBased)
    notes.push(
      'Each SAS token above stands for one you mint yourself with the same permissions; the console never shows the signature.',
    );
  return {
    rest: {
      method: 'POST',
      url: `https://${hostName}/jobs/create?api-version=${apiVersion}`,
      headers: {
        Authorization: '<a SAS token of a policy with RegistryWrite, or Bearer <Entra ID token>>',
        'Content-Type': 'application/json',
      },
      body,
    },
    az: args.join(' '),
    notes,
  };
}
