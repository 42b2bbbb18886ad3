import { describe, expect, it } from 'vitest';
import { findCitationProblems, type Tree } from '../../../tools/find-citation-problems';
import { markdownAnchors } from '../../../tools/markdown-anchors';

const FILES: Record<string, string> = {
  'docs/proxy.md': '# Proxy\n\n## Backup and undo files\n\ntext\n',
  'docs/reference/hub-wire-contract.md': '# Contract\n\n## Keys on update\n',
  'src/core/convert/convert-row.ts': '',
  'tests/unit/core/convert/convert-row.test.ts': '',
};

const tree: Tree = {
  exists: (path) => path in FILES || Object.keys(FILES).some((file) => file.startsWith(path)),
  anchors: (path) => (path in FILES ? markdownAnchors(FILES[path] ?? '') : undefined),
};

const reasons = (file: string, text: string) =>
  findCitationProblems(tree, file, text).map((problem) => [problem.line, problem.citation]);

describe('citations that must fail', () => {
  it.each([
    ['// see hub-protocol.md §6', 'hub-protocol.md'],
    ['// measured in perf-notes.md sec. 4', 'perf-notes.md'],
    ['/* MSAL needs it (stack-notes sec. 3) */', 'stack-notes'],
    ['// as design.md says', 'design.md'],
    ['// from ../shared/user-research.md', 'user-research.md'],
    ['// decided in issue 11', 'issue 11'],
    ['// Issue #7 asked for it', 'Issue #7'],
    ['// house-style: validate every message', 'house-style'],
  ])('reports a document outside the repository: %s', (comment, citation) => {
    expect(reasons('src/a.ts', `const a = 1;\n${comment}\nexport { a };\n`)).toContainEqual([
      2,
      citation,
    ]);
  });

  it('reports a file that does not exist, and a heading a doc does not have', () => {
    const text = [
      '// docs/gone.md explains it',
      '// src/core/convert/old-name.ts did this',
      '// docs/proxy.md#no-such-section',
      '// docs/reference/hub-wire-contract.md#keys-on-update, #no-such and #contract',
      'export {};',
    ].join('\n');
    expect(reasons('src/a.ts', text)).toEqual([
      [1, 'docs/gone.md'],
      [2, 'src/core/convert/old-name.ts'],
      [3, 'docs/proxy.md#no-such-section'],
      [4, 'docs/reference/hub-wire-contract.md#keys-on-update, #no-such and #contract'],
    ]);
  });

  it('checks the whole text of a Markdown file and its relative links', () => {
    const text = [
      '# Notes',
      'See docs/missing.md and [the proxy](proxy.md#backup-and-undo-files).',
      'A [dead link](../tests/nothing.test.ts), [a dead anchor](#nowhere), [ok](#notes).',
    ].join('\n');
    expect(reasons('docs/notes.md', text)).toEqual([
      [2, 'docs/missing.md'],
      [3, '](../tests/nothing.test.ts)'],
      [3, '](#nowhere)'],
    ]);
  });
});

describe('citations that resolve', () => {
  it('accepts files, headings and folders of the repository', () => {
    const text = [
      '// docs/reference/hub-wire-contract.md#keys-on-update and docs/proxy.md.',
      '// src/core/convert/convert-row.ts, tests/unit/core/convert/convert-row.test.ts,',
      '// the area src/web and the folder src/core/convert/',
      'export {};',
    ].join('\n');
    expect(reasons('src/a.ts', text)).toEqual([]);
  });

  it('skips patterns that name no single file', () => {
    const text = '// src/web/**/*-worker.ts, docs/<name>.md, src/${area}/x.ts\nexport {};';
    expect(reasons('src/a.ts', text)).toEqual([]);
  });

  it('reads only the comments of code, not its strings', () => {
    const text = "const probe = '// hub-protocol.md and docs/gone.md';\nexport { probe };\n";
    expect(reasons('tests/unit/a.test.ts', text)).toEqual([]);
  });

  it('does not read a GitHub issue of another project as one of ours', () => {
    expect(reasons('docs/notes.md', 'Seen in azure-iot-sdk-java#1599.')).toEqual([]);
  });
});
