import { HubError, HUB_ERRORS } from '../http/hub-error';
import { isObject } from '../model/parse-identity-json';
import { configurationKeys } from '../model/canonical-keys';
import { putConfiguration } from '../registry/put-configuration';
import type { JobRecord } from './job-record';
import type { JobEnv } from './job-env';
import { CONFIGURATIONS_BLOB, CONFIGURATION_ERRORS_BLOB } from './blob-clients';

// includeConfigurations on import: every line of configurationsBlobName is created or replaced.
// Exports write PascalCase names (docs/reference/hub-wire-contract.md#export-blob), so both casings
// are read. Failures go to importConfigErrors.log (C# sample name) as
// {"configurationId","errorCode","errorStatus"} lines (a choice, docs/hub-emulator.md).
export async function importConfigurations(
  job: JobRecord,
  env: Pick<JobEnv, 'store' | 'clock' | 'openContainer'>,
): Promise<void> {
  const { store } = env;
  const request = job.request;
  const source = env
    .openContainer(request.inputBlobContainerUri ?? '', request)
    .getBlobClient(request.configurationsBlobName ?? CONFIGURATIONS_BLOB);
  // At most 100 configurations per hub: the blob is small enough to read whole.
  const text = (await source.downloadToBuffer()).toString('utf8').replace(/^\uFEFF/, '');
  const errors: string[] = [];
  for (const line of text.split(/\r?\n/).filter((l) => l.trim() !== '')) {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      errors.push(
        JSON.stringify({
          errorCode: HUB_ERRORS.DeserializationError.code,
          errorStatus: `Invalid configuration format in line: ${line}. ${(error as Error).message}`,
        }),
      );
      continue;
    }
    const id = isObject(json) ? idOf(json) : '';
    try {
      putConfiguration(store, id, json, { kind: 'createOrUpdate' }, env.clock());
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      errors.push(
        JSON.stringify({
          configurationId: id,
          errorCode: error.numericCode,
          errorStatus: error.message,
        }),
      );
    }
  }
  const log = errors.map((e) => `${e}\n`).join('');
  await env
    .openContainer(request.outputBlobContainerUri, request)
    .getBlockBlobClient(CONFIGURATION_ERRORS_BLOB)
    .upload(log, Buffer.byteLength(log));
}

function idOf(json: Record<string, unknown>): string {
  const id = configurationKeys(json).id;
  return typeof id === 'string' ? id : '';
}
