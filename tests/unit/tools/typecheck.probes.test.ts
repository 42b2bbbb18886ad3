import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The TypeScript projects as checks that cannot rot: every source file is in some project (so
// `npm run typecheck` sees it), and each project refuses the host API its code must not touch. A
// probe is compiled alone with the project's real options, from memory, beside the real tree.

const root = path.resolve(import.meta.dirname, '../../..');
const PROJECTS = ['core', 'web', 'worker', 'node', 'tests'] as const;
type Project = (typeof PROJECTS)[number];

function readProject(name: Project): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, `tsconfig.${name}.json`),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (!parsed) throw new Error(`tsconfig.${name}.json does not parse`);
  return parsed;
}

/** The diagnostics of one probe file compiled with a project's options. */
function diagnose(project: Project, file: string, text: string): string[] {
  const parsed = readProject(project);
  const options = { ...parsed.options, incremental: false, noUnusedLocals: false };
  // The project's own declaration files (core's host classes) belong to every file in it.
  const declarations = parsed.fileNames.filter((name) => name.endsWith('.d.ts'));
  const probe = path.join(root, file);
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === probe ? text : readFile(name));
  host.fileExists = (name) => path.resolve(name) === probe || ts.sys.fileExists(name);
  const program = ts.createProgram([probe, ...declarations], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

function sourceFilesIn(folder: string): string[] {
  const skip = new Set(['node_modules', 'dist', '.local', 'test-results', 'playwright-report']);
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return skip.has(entry.name) ? [] : sourceFilesIn(relative);
    return /\.(ts|tsx|mts)$/.test(entry.name) ? [relative] : [];
  });
}

describe('TypeScript projects', () => {
  it('put every TypeScript file of the repository in a project', () => {
    const covered = new Set(
      PROJECTS.flatMap((name) => readProject(name).fileNames.map((file) => path.resolve(file))),
    );
    const missing = sourceFilesIn('.').filter((file) => !covered.has(path.join(root, file)));
    expect(missing).toEqual([]);
  });

  it('check worker entries with the WebWorker library and not with the DOM', () => {
    const worker = 'src/web/workers/conversion/convert-worker.ts';
    const inProject = (name: Project) =>
      readProject(name).fileNames.some((file) => path.resolve(file) === path.join(root, worker));
    expect([inProject('worker'), inProject('web')]).toEqual([true, false]);
  });

  it.each([
    ['core', 'src/core/probe.ts', 'export const title = document.title;', 'document'],
    ['core', 'src/core/probe.ts', "export const bytes = Buffer.from('a');", 'Buffer'],
    ['web', 'src/web/lib/probe.ts', 'export const env = process.env;', 'process'],
    ['worker', 'src/web/lib/probe-worker.ts', 'export const title = document.title;', 'document'],
    ['node', 'src/proxy/probe.ts', 'export const name = window.name;', 'window'],
  ] as const)('%s refuses %s: %s', (project, file, text, name) => {
    const messages = diagnose(project, file, text);
    expect(messages.some((message) => message.includes(`Cannot find name '${name}'`))).toBe(true);
  });

  it.each([
    ['core', 'src/core/probe.ts', "export const bytes = new TextEncoder().encode('a');"],
    ['web', 'src/web/lib/probe.ts', 'export const title = document.title;'],
    ['worker', 'src/web/lib/probe-worker.ts', 'export const scope = self.postMessage;'],
    ['node', 'src/proxy/probe.ts', "export const bytes = Buffer.from('a');"],
  ] as const)('%s allows its own host: %s', (project, file, text) => {
    expect(diagnose(project, file, text)).toEqual([]);
  });
});
