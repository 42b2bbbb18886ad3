import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { findUnmirroredTests } from './find-unmirrored-tests';

// `npm run lint` step: every unit test sits on the mirror path of what it tests
// (tools/find-unmirrored-tests.ts), so the test of a file is found without searching.

// Tests whose move comes with the worker engines' own move out of src/web/lib (their mirror is
// where those engines land). Listing a file that no longer exists is an error too, so the list
// empties itself once the move is merged.
const AWAITING_MOVE = [
  'core/convert/convert-file-shell.test.ts',
  'core/diff/diff-worker-messages.test.ts',
  'web/diff/build-diff-download.test.ts',
  'web/diff/diff-session.test.ts',
  'web/diff/worker-channel.test.ts',
  'web/exports/mask-device-keys.test.ts',
  'web/exports/summarize-device.test.ts',
];

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
  const unmirrored = findUnmirroredTests(files, { isFile }).filter(
    (file) => !AWAITING_MOVE.includes(file),
  );
  const stale = AWAITING_MOVE.filter((file) => !files.includes(file));
  for (const file of unmirrored)
    console.error(`tests/unit/${file} mirrors no source file and is not in a support/ folder`);
  for (const file of stale)
    console.error(`tests/unit/${file} is gone: take it out of AWAITING_MOVE in this tool`);
  if (unmirrored.length + stale.length > 0) process.exitCode = 1;
  else console.log(`All ${files.length} files in tests/unit sit on their mirror paths.`);
}

await main();
