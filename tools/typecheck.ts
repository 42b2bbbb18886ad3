import { spawn } from 'node:child_process';
import ts from 'typescript';

// `npm run typecheck`: `tsc -p` on each project tsconfig.json references, one after another (the
// machine has 2 cores), all of them even when one fails, so one run shows every error. Not
// `tsc -b`: these projects overlap (tests import the code they test) and build mode's up-to-date
// check looks only at a project's own files, so a change in src/ would leave a broken test
// unreported. `tsc -p` with `incremental` tracks every file of the program, and re-runs are fast.

interface SolutionFile {
  references: { path: string }[];
}

function check(project: string): Promise<boolean> {
  console.log(`$ tsc -p ${project}`);
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsc', '-p', project], { stdio: 'inherit' });
    child.on('exit', (code) => resolve(code === 0));
    child.on('error', () => resolve(false));
  });
}

async function main(): Promise<void> {
  // TypeScript's own reader, because tsconfig files may hold comments.
  const { config, error } = ts.readConfigFile('tsconfig.json', ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const solution = config as SolutionFile;
  const failed: string[] = [];
  for (const { path } of solution.references) if (!(await check(path))) failed.push(path);
  if (failed.length > 0) {
    console.error(`Type errors in ${failed.join(', ')}.`);
    process.exitCode = 1;
  }
}

await main();
