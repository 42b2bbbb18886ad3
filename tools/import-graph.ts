import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The module graph of our own code: each source file to the files it names with a relative
// specifier (static, `export from`, dynamic `import()`, `require`), resolved the way Vite and tsc
// resolve them here (extensionless, `.ts`/`.tsx`, a folder's index).

export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|tsx)$/;
const CANDIDATES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function resolveRelative(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier.replace(/\.js$/, ''));
  return CANDIDATES.map((suffix) => base + suffix).find(
    (candidate) => SOURCE.test(candidate) && existsSync(candidate),
  );
}

/** The specifiers a module names, from TypeScript's own pre-parser (no type checking). */
export function namedSpecifiers(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((reference) => reference.fileName);
}

export async function readImportGraph(folder: string): Promise<ImportGraph> {
  const graph: ImportGraph = new Map();
  for (const file of await sourceFiles(folder)) {
    const targets = namedSpecifiers(await readFile(file, 'utf8'))
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveRelative(file, specifier))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}
