import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import ts from 'typescript';

// `npm run typecheck`: `tsc -p` on each project tsconfig.json references, two at a time (CI has 2
// cores), all of them even when one fails, so one run shows every error. Not `tsc -b`: these
// projects overlap (tests import the code they test) and build mode's up-to-date check looks only
// at a project's own files, so a change in src/ would leave a broken test unreported. `tsc -p`
// with `incremental` tracks every file of its program, and a re-run after a small change is fast.

interface SolutionFile {
  references: { path: string }[];
}

interface Checked {
  project: string;
  ok: boolean;
  output: string;
}

function check(project: string): Promise<Checked> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsc', '-p', project], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ project, ok: code === 0, output }));
    child.on('error', (error) => resolve({ project, ok: false, output: String(error) }));
  });
}

async function main(): Promise<void> {
  // TypeScript's own reader, because tsconfig files may hold comments.
  const { config, error } = ts.readConfigFile('tsconfig.json', ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const queue = (config as SolutionFile).references.map((reference) => reference.path);
  const failed: string[] = [];
  const worker = async (): Promise<void> => {
    for (let project = queue.shift(); project; project = queue.shift()) {
      const result = await check(project);
      // Printed whole when a project ends, so two projects' errors never interleave.
      console.log(`$ tsc -p ${result.project}${result.ok ? '' : ' (failed)'}`);
      if (result.output) console.log(result.output.trimEnd());
      if (!result.ok) failed.push(result.project);
    }
  };
  await Promise.all(Array.from({ length: Math.min(2, availableParallelism()) }, worker));
  if (failed.length > 0) {
    console.error(`Type errors in ${failed.join(', ')}.`);
    process.exitCode = 1;
  }
}

await main();
