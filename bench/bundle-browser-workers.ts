import { build } from 'esbuild';

/**
 * Bundles worker entry points for a Chromium bench page the way Vite would: ES modules, browser
 * platform, minified. esbuild comes with tsx, so the benches need no bundler of their own.
 */
export async function bundleBrowserWorkers(
  entryPoints: Record<string, string>,
  outdir: string,
): Promise<void> {
  await build({
    entryPoints,
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    logLevel: 'silent',
  });
}
