import { spawn } from 'node:child_process';
import { describePlan, planLiveRun } from './live-targets';

// `npm run test:live`: the live suites whose variables are set, against a real hub and storage
// account; the others are named as skipped, with the variables that would run them. Never part of
// `npm test` (no test reaches the internet there).

const plan = planLiveRun(process.env);
for (const line of describePlan(plan)) console.log(line);
if (plan.run.length === 0) {
  console.log('No live suite ran: nothing was tested against Azure.');
  process.exit(0);
}
const child = spawn(
  'npx',
  ['vitest', 'run', '--project', 'live', ...plan.run.map((suite) => suite.file)],
  { stdio: 'inherit', env: process.env },
);
child.on('exit', (code) => {
  if (plan.skipped.length > 0)
    console.log(`Skipped: ${plan.skipped.map(({ suite }) => suite.name).join(', ')}.`);
  process.exit(code ?? 1);
});
