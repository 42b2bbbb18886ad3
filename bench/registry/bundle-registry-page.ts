import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const STUBS = join(import.meta.dirname, 'browser');

// The registry page as the SPA renders it, minus the proxy: the signed-in user and the api client
// are stubs (devices.txt comes from the bench server), and the worker is the page's own worker
// bundled next to it. Everything else is the tree's real code.
const PAGE_ENTRY = `
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { RegistryPage } from './src/web/features/registry/components/registry-page';

const queryClient = new QueryClient();
createRoot(document.getElementById('root')).render(
  <QueryClientProvider client={queryClient}>
    <MemoryRouter initialEntries={['/exports/bench']}>
      <Routes>
        <Route path="/exports/:exportId" element={<RegistryPage />} />
      </Routes>
    </MemoryRouter>
  </QueryClientProvider>,
);
`;

const WORKER_FACTORY =
  /(workers[/\\]registry[/\\]create-registry-worker|registry-worker[/\\]worker-channel)\.ts$/;
const WORKER_ENTRIES = [
  'src/web/workers/registry/registry-worker.ts',
  'src/web/lib/registry-worker/registry-worker.ts',
];

function benchStubs(): Plugin {
  return {
    name: 'registry-bench-stubs',
    setup(build) {
      build.onResolve({ filter: /lib\/current-user$/ }, () => ({
        path: join(STUBS, 'stub-current-user.ts'),
      }));
      build.onResolve({ filter: /lib\/api-client$/ }, () => ({
        path: join(STUBS, 'stub-api-client.ts'),
      }));
      // Vite turns `new URL('./registry-worker.ts', import.meta.url)` into the worker's asset URL;
      // here the worker is bundled separately and served at /registry-worker.js. The factory is
      // workers/registry/create-registry-worker.ts, or in trees before it the registry worker's
      // channel (a "before" tree of the comparison may be either).
      build.onLoad({ filter: WORKER_FACTORY }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const contents = source.replace(
          /new URL\('\.\/registry-worker\.ts', import\.meta\.url\)/,
          "new URL('/registry-worker.js', location.href)",
        );
        if (contents === source)
          throw new Error(`${args.path}: the worker URL to rewrite was not found`);
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * Bundles the registry page of the source tree at `tree` (its src/ folder) into outdir/page.js and
 * outdir/registry-worker.js.
 */
export async function bundleRegistryPage(
  tree: string,
  outdir: string,
  nodeModules: string,
): Promise<void> {
  const common: BuildOptions = {
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    logLevel: 'silent',
    nodePaths: [nodeModules],
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  await build({
    ...common,
    stdin: {
      contents: PAGE_ENTRY,
      resolveDir: tree,
      loader: 'tsx',
      sourcefile: 'registry-bench-entry.tsx',
    },
    jsx: 'automatic',
    outfile: join(outdir, 'page.js'),
    plugins: [benchStubs()],
  });
  await build({
    ...common,
    entryPoints: [join(tree, WORKER_ENTRIES.find((entry) => existsSync(join(tree, entry))) ?? '')],
    outfile: join(outdir, 'registry-worker.js'),
  });
}
