import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { findUnmirroredTests } from './find-unmirrored-tests';

// `npm run lint` step: every unit and component test sits on the mirror path of what it tests
// (tools/find-unmirrored-tests.ts), so the test of a file is found without searching.

/** The folders under tests/ whose files mirror src/ (integration and e2e tests are journeys). */
const MIRRORED = ['unit', 'component'];

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .map((relative) => relative.split(path.sep).join('/'));
}

async function main(): Promise<void> {
  const root = process.cwd();
  const isFile = (relative: string): boolean => {
    const file = path.join(root, relative);
    return existsSync(file) && statSync(file).isFile();
  };
  let checked = 0;
  for (const name of MIRRORED) {
    const files = await filesUnder(path.join(root, 'tests', name));
    checked += files.length;
    const unmirrored = findUnmirroredTests(files, { isFile });
    for (const file of unmirrored)
      console.error(`tests/${name}/${file} mirrors no source file and is not in a support/ folder`);
    if (unmirrored.length > 0) process.exitCode = 1;
  }
  if (process.exitCode !== 1)
    console.log(
      `All ${checked} files in tests/${MIRRORED.join(', tests/')} sit on their mirror paths.`,
    );
}

await main();
