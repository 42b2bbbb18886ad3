import { runEmulatorBench } from './run-emulator-bench';

// Stand-alone runner for this benchmark: `npx tsx bench/emulator/run-cli.ts [--full]`.
// `npm run bench` calls runEmulatorBench itself and writes bench/results/latest.json.
const result = await runEmulatorBench({ quick: !process.argv.includes('--full') });
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
