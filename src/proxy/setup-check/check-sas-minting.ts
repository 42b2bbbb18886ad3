import { RestError, type ContainerClient } from '@azure/storage-blob';
import { reason } from './check-token-validation';
import type { CheckOutcome, HubGrants, SetupCheckDeps } from './setup-check-deps';
import { ok } from './setup-check-deps';

// The grants a keyBased job hands the hub, minted as a job would get them and then used: the hub
// needs a *container* SAS (a blob SAS fails the job with IH400007 or a bare 500), read on the input,
// read + write + delete on the output, for the whole job. Only the grant's `sr`, `sp` and `se` are
// reported: the signature never leaves this module.

const PROBE_BLOB = 'setup-check.txt';

export async function checkSasMinting(
  deps: Pick<SetupCheckDeps, 'storage' | 'now' | 'hubGrantHours'>,
  probe: ContainerClient,
): Promise<CheckOutcome> {
  const expiresOn = new Date(deps.now().getTime() + deps.hubGrantHours * 3600_000);
  const kind = deps.storage.auth === 'entra' ? 'user-delegation SAS' : 'account-key SAS';
  let grants: HubGrants;
  try {
    grants = await deps.storage.mintHubGrants(probe, expiresOn);
  } catch (error) {
    return {
      status: 'problem',
      code: 'SAS_MINTING_FAILED',
      summary: `The proxy could not sign a ${kind}: ${storageReason(error)}.`,
      fix:
        deps.storage.auth === 'entra'
          ? "A user-delegation SAS needs a user-delegation key: give the proxy's identity Storage Blob Data Contributor (or Storage Blob Delegator) on the account."
          : 'Check STORAGE_ACCOUNT_KEY.',
    };
  }
  for (const [role, url, needed] of [
    ['input', grants.input, 'r'],
    ['output', grants.output, 'rwd'],
  ] as const) {
    const sas = new URL(url).searchParams;
    const facts = {
      grant: role,
      sr: sas.get('sr') ?? '',
      sp: sas.get('sp') ?? '',
      se: sas.get('se') ?? '',
    };
    if (facts.sr !== 'c')
      return {
        status: 'problem',
        code: 'SAS_NOT_CONTAINER_SCOPED',
        summary: `The hub's ${role} grant is a ${facts.sr === 'b' ? 'blob' : `'${facts.sr}'`} SAS; the hub needs a container SAS (sr=c) to list, read and write the job's files.`,
        fix: 'Grant the container, not one blob: sign with containerName only (no blobName), as docs/proxy.md describes for job grants.',
        details: facts,
      };
    const missing = [...needed].filter((letter) => !facts.sp.includes(letter));
    if (missing.length > 0)
      return {
        status: 'problem',
        code: 'SAS_MISSING_PERMISSION',
        summary: `The hub's ${role} grant lacks permission '${missing.join('')}' (has '${facts.sp}').`,
        fix: 'The input container needs read; the output container read, write and delete.',
        details: facts,
      };
    const lives = (Date.parse(facts.se) - deps.now().getTime()) / 3600_000;
    if (!(lives >= deps.hubGrantHours - 0.1))
      return {
        status: 'problem',
        code: 'SAS_EXPIRES_TOO_SOON',
        summary: `The hub's ${role} grant expires in ${lives.toFixed(1)} h; a long job fails when its SAS expires.`,
        fix: `Job grants must live at least ${deps.hubGrantHours} h.`,
        details: facts,
      };
  }
  try {
    const text = 'setup check';
    await deps.storage
      .containerFromUrl(grants.output)
      .getBlockBlobClient(PROBE_BLOB)
      .upload(text, text.length);
    const read = await deps.storage
      .containerFromUrl(grants.input)
      .getBlobClient(PROBE_BLOB)
      .download();
    await read.readableStreamBody?.resume();
  } catch (error) {
    return {
      status: 'problem',
      code: 'SAS_MINTING_FAILED',
      summary: `Storage refused the ${kind} the hub would get: ${storageReason(error)}.`,
      fix:
        deps.storage.auth === 'entra'
          ? "Give the proxy's identity Storage Blob Data Contributor: a user-delegation SAS grants no more than its signer holds."
          : 'Check that the account key is current and that the account allows shared-key access.',
    };
  }
  return ok(
    `The proxy signs ${kind}s the hub can use: container scope, read on input, read/write/delete on output, ${deps.hubGrantHours} h.`,
  );
}

function storageReason(error: unknown): string {
  if (error instanceof RestError)
    return `HTTP ${error.statusCode ?? '?'}${error.code ? ` ${error.code}` : ''}`;
  return reason(error);
}
