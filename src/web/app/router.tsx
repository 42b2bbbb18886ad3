import { createBrowserRouter } from 'react-router';
import { JobsListPage } from '../features/jobs/components/jobs-list-page';
import { OverviewPage } from '../features/overview/components/overview-page';
import { AppShell } from './app-shell';
import { NotFoundPage, RouteErrorPage } from './route-error-page';

// Every page is a deep link: reloading or sharing the URL lands on the same view. The heavier pages
// (the wizard carries the storage SDK) load on first visit, so sign-in and the Jobs list stay
// light. One router serves one hub: its basename `/hubs/{hubId}` puts every absolute link of the
// pages (`/jobs`, `/import`) under that hub, so no page builds a hub URL itself.
export function createAppRouter(basename: string) {
  return createBrowserRouter(
    [
      {
        element: <AppShell />,
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <OverviewPage /> },
          {
            path: 'import',
            lazy: async () => ({
              Component: (await import('../features/import/components/import-page')).ImportPage,
            }),
          },
          {
            path: 'generate',
            lazy: async () => ({
              Component: (await import('../features/generate/components/generate-page'))
                .GeneratePage,
            }),
          },
          {
            path: 'copy',
            lazy: async () => ({
              Component: (await import('../features/copy/components/copy-page')).CopyPage,
            }),
          },
          {
            path: 'delete-all',
            lazy: async () => ({
              Component: (await import('../features/delete-all/components/delete-all-page'))
                .DeleteAllPage,
            }),
          },
          { path: 'jobs', element: <JobsListPage /> },
          {
            path: 'jobs/:jobId',
            lazy: async () => ({
              Component: (await import('../features/jobs/components/job-page')).JobPage,
            }),
          },
          {
            path: 'jobs/:jobId/errors',
            lazy: async () => ({
              Component: (await import('../features/import-errors/components/import-errors-page'))
                .ImportErrorsPage,
            }),
          },
          {
            path: 'runs/:runId',
            lazy: async () => ({
              Component: (await import('../features/runs/components/run-page')).RunPage,
            }),
          },
          // The exports list, registry browser of one export, and the diff of two snapshots.
          {
            path: 'exports',
            lazy: async () => ({
              Component: (await import('../features/exports/components/exports-list-page'))
                .ExportsListPage,
            }),
          },
          {
            path: 'exports/:exportId',
            lazy: async () => ({
              Component: (await import('../features/registry/components/registry-page'))
                .RegistryPage,
            }),
          },
          {
            path: 'diff',
            lazy: async () => ({
              Component: (await import('../features/diff/components/diff-page')).DiffPage,
            }),
          },
          {
            path: 'setup-check',
            lazy: async () => ({
              Component: (await import('../features/setup-check/components/setup-check-page'))
                .SetupCheckPage,
            }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
    { basename },
  );
}
