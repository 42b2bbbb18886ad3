import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { findUnmirroredTests } from './find-unmirrored-tests';

// `npm run lint` step: every unit test sits on the mirror path of what it tests
// (tools/find-unmirrored-tests.ts), so the test of a file is found without searching.

async function main(): Promise<void> {
  const root = process.cwd();
  const unit = path.join(root, 'tests', 'unit');
  const entries = await readdir(unit, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(unit, path.join(entry.parentPath, entry.name)))
    .map((relative) => relative.split(path.sep).join('/'));
  const isFile = (relative: string): boolean => {
    const file = path.join(root, relative);
    return existsSync(file) && statSync(file).isFile();
  };
  const unmirrored = findUnmirroredTests(files, { isFile });
  for (const file of unmirrored)
    console.error(`tests/unit/${file} mirrors no source file and is not in a support/ folder`);
  if (unmirrored.length > 0) process.exitCode = 1;
  else console.log(`All ${files.length} files in tests/unit sit on their mirror paths.`);
}

await main();
