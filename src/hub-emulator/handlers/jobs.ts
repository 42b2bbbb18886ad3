import type { Route } from '../http/route';
import { hubError } from '../http/hub-error';
import { RIGHTS } from '../auth/policies';
import { renderJob } from '../jobs/render-job';
import { jobRequestKeys } from '../jobs/parse-job-request';
import { isObject } from '../model/parse-identity-json';
import type { HandlerDeps } from './handler-deps';

// Import/export jobs (docs/reference/hub-wire-contract.md#create-a-job, #cancel-a-job). Rights are
// open in docs/reference/hub-wire-contract.md#permissions, so a choice: import create and cancel
// need RegistryWrite, export create and reads need RegistryRead (docs/hub-emulator.md).
export function jobRoutes(deps: HandlerDeps): Route[] {
  return [
    {
      method: 'POST',
      path: '/jobs/create',
      rights: ['RegistryRead'],
      throttle: { class: 'jobs' },
      handle: async ({ body, rights }) => {
        const json = await body();
        const type = isObject(json) ? jobRequestKeys(json).type : undefined;
        if (
          typeof type === 'string' &&
          type.toLowerCase() === 'import' &&
          (rights & RIGHTS.RegistryWrite) === 0
        ) {
          throw hubError(
            'IotHubUnauthorizedAccess',
            "Authorization rule does not allow access for 'import'",
          );
        }
        return { status: 200, body: renderJob(await deps.jobs.create(json), 'create') };
      },
    },
    {
      method: 'GET',
      path: '/jobs',
      rights: ['RegistryRead'],
      throttle: { class: 'jobs' },
      handle: () => ({ status: 200, body: deps.jobs.list().map((job) => renderJob(job, 'get')) }),
    },
    {
      method: 'GET',
      path: '/jobs/{id}',
      rights: ['RegistryRead'],
      throttle: { class: 'jobs' },
      handle: ({ params }) => {
        const job = deps.jobs.get(params.id ?? '');
        if (!job) throw hubError('JobNotFound', `Job with ID '${params.id}' not found.`);
        return { status: 200, body: renderJob(job, 'get') };
      },
    },
    {
      // C# sends If-Match: "<jobId>"; it is ignored
      // (docs/reference/hub-wire-contract.md#cancel-a-job).
      method: 'DELETE',
      path: '/jobs/{id}',
      rights: ['RegistryWrite'],
      throttle: { class: 'jobs' },
      handle: ({ params }) => ({
        status: 200,
        body: renderJob(deps.jobs.cancel(params.id ?? ''), 'get'),
      }),
    },
  ];
}
