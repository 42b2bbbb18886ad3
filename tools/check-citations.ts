import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { findCitationProblems, type Tree } from './find-citation-problems';
import { markdownAnchors } from './markdown-anchors';

// `npm run lint` step: every citation in the repository resolves (tools/find-citation-problems.ts
// says what that means). Generated output is not ours to check.

const FOLDERS = ['src', 'tests', 'tools', 'bench', 'infra', 'docs'];
const SKIPPED = ['bench/results/', 'node_modules/', 'dist/'];
/** Fixtures are data; only their READMEs are prose. */
const isFixtureData = (file: string): boolean =>
  file.startsWith('tests/fixtures/') && !file.endsWith('/README.md');
const CHECKED = /\.(ts|tsx|js|mjs|cjs|md)$/;

async function filesToCheck(root: string): Promise<string[]> {
  const files: string[] = [];
  for (const folder of FOLDERS) {
    if (!existsSync(path.join(root, folder))) continue;
    const entries = await readdir(path.join(root, folder), {
      withFileTypes: true,
      recursive: true,
    });
    for (const entry of entries) {
      if (!entry.isFile() || !CHECKED.test(entry.name)) continue;
      const relative = path.relative(root, path.join(entry.parentPath, entry.name));
      const posix = relative.split(path.sep).join('/');
      if (!SKIPPED.some((prefix) => posix.startsWith(prefix)) && !isFixtureData(posix))
        files.push(posix);
    }
  }
  const rootFiles = (await readdir(root)).filter((name) => /\.(md|ts|js)$/.test(name));
  return [...files, ...rootFiles].sort();
}

export function treeAt(root: string): Tree {
  const anchors = new Map<string, ReadonlySet<string> | undefined>();
  return {
    exists: (relative) => existsSync(path.join(root, relative)),
    anchors(relative) {
      if (!anchors.has(relative)) {
        const file = path.join(root, relative);
        anchors.set(
          relative,
          existsSync(file) ? markdownAnchors(readFileSync(file, 'utf8')) : undefined,
        );
      }
      return anchors.get(relative);
    },
  };
}

async function main(): Promise<void> {
  const root = process.cwd();
  const tree = treeAt(root);
  const files = await filesToCheck(root);
  let count = 0;
  for (const file of files) {
    const text = await readFile(path.join(root, file), 'utf8');
    for (const problem of findCitationProblems(tree, file, text)) {
      count++;
      console.error(`${problem.file}:${problem.line}: ${problem.citation}: ${problem.reason}`);
    }
  }
  if (count > 0) {
    console.error(`${count} citation(s) do not resolve.`);
    process.exitCode = 1;
  } else console.log(`Every citation in ${files.length} files resolves.`);
}

await main();
