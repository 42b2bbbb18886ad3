import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The proxy's container image installs production dependencies only (`npm ci --omit=dev`, see
// Dockerfile) and copies src/proxy, src/core and src/contracts. Both are checked here against what
// the proxy really imports, so a new import cannot break the image without a red test.

async function proxyImports(): Promise<{ packages: string[]; sourceFolders: string[] }> {
  const result = await build({
    entryPoints: ['src/proxy/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    outfile: 'proxy.js',
    logLevel: 'silent',
  });
  const packages = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const imported of output.imports) {
      if (!imported.external || imported.path.startsWith('node:')) continue;
      const parts = imported.path.split('/');
      packages.add(imported.path.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? ''));
    }
  }
  const sourceFolders = new Set(
    Object.keys(result.metafile.inputs)
      .filter((input) => input.startsWith('src/'))
      .map((input) => input.split('/').slice(0, 2).join('/')),
  );
  return { packages: [...packages].sort(), sourceFolders: [...sourceFolders].sort() };
}

describe('the proxy image', () => {
  it('needs only packages listed as production dependencies', async () => {
    const manifest = JSON.parse(await readFile('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const { packages } = await proxyImports();
    expect(packages.length).toBeGreaterThan(3);
    expect(packages.filter((name) => !(name in manifest.dependencies))).toEqual([]);
    // tsx runs the TypeScript sources in the image.
    expect(manifest.dependencies).toHaveProperty('tsx');
  });

  it('copies every source folder the proxy imports', async () => {
    const dockerfile = await readFile('Dockerfile', 'utf8');
    const copied = [...dockerfile.matchAll(/^COPY (src\/[a-z-]+) /gm)].map((match) => match[1]);
    const { sourceFolders } = await proxyImports();
    expect(sourceFolders.filter((folder) => !copied.includes(folder))).toEqual([]);
  });

  it("gives tsx the Node project's compiler options and every file that project extends", async () => {
    const dockerfile = await readFile('Dockerfile', 'utf8');
    const tsconfigPath = /^ENV TSX_TSCONFIG_PATH=\/app\/(\S+)$/m.exec(dockerfile)?.[1];
    expect(tsconfigPath).toBe('tsconfig.node.json');
    const copiedFiles = [
      ...dockerfile.matchAll(/^COPY ((?:tsconfig[.a-z]*\.json ?)+)\.\/$/gm),
    ].flatMap((match) => match[1]!.trim().split(' '));
    const chain: string[] = [];
    for (let file: string | undefined = tsconfigPath; file;) {
      chain.push(file);
      const text = (await readFile(file, 'utf8')).replace(/^\s*\/\/.*$/gm, '');
      const parent = (JSON.parse(text) as { extends?: string }).extends;
      file = parent?.replace(/^\.\//, '');
    }
    expect(chain).toEqual(['tsconfig.node.json', 'tsconfig.base.json']);
    expect(chain.filter((file) => !copiedFiles.includes(file))).toEqual([]);
  });
});
