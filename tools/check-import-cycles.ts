import path from 'node:path';
import { findImportCycles } from './find-import-cycles';
import { readImportGraph } from './import-graph';

// `npm run lint` step: no import cycle anywhere in src/. A cycle makes module start-up order
// matter (a value read before its module ran is undefined) and welds the modules into one unit.

async function main(): Promise<void> {
  const root = process.cwd();
  const cycles = findImportCycles(await readImportGraph(path.join(root, 'src')));
  for (const cycle of cycles)
    console.error(`Import cycle: ${cycle.map((file) => path.relative(root, file)).join(' -> ')}`);
  if (cycles.length > 0) process.exitCode = 1;
  else console.log('No import cycles in src/.');
}

await main();
