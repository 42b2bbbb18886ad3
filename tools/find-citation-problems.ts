import path from 'node:path';
import { markdownAnchors } from './markdown-anchors';
import { readComments } from './read-comments';

// What tools/check-citations.ts checks in one file: every repository path a comment (or, in
// Markdown, the text) names exists, every `#anchor` on a Markdown path is one of its headings,
// and nothing is cited that only exists outside the repository. The repository must stand alone:
// a reader has the code and docs/, nothing else.

export interface CitationProblem {
  file: string;
  line: number;
  citation: string;
  reason: string;
}

/** What the checker may ask of the tree: both take paths relative to the repository root. */
export interface Tree {
  exists(relativePath: string): boolean;
  /** The heading anchors of a Markdown file, or undefined when there is no such file. */
  anchors(relativePath: string): ReadonlySet<string> | undefined;
}

// Documents and trackers a reader of the repository does not have. Their facts belong in
// docs/ (docs/reference/ for the evidence), written in the project's words.
const OUTSIDE: readonly { pattern: RegExp; instead: string }[] = [
  { pattern: /hub-protocol(?:\.md)?/g, instead: 'docs/reference/hub-wire-contract.md' },
  { pattern: /hub-recorded-evidence(?:\.md)?/g, instead: 'docs/reference/hub-wire-contract.md' },
  { pattern: /import-export-doc(?:\.md)?/g, instead: 'docs/reference/hub-wire-contract.md' },
  { pattern: /perf-notes(?:\.md)?/g, instead: 'docs/reference/measured-baselines.md' },
  { pattern: /stack-notes(?:\.md)?/g, instead: 'docs/reference/stack-facts.md' },
  { pattern: /user-research(?:\.md)?/g, instead: 'a doc in docs/' },
  { pattern: /house-style(?:\.md)?/g, instead: 'a doc in docs/' },
  { pattern: /(?<![\w/-])design\.md/g, instead: 'docs/architecture.md' },
  { pattern: /\.\.\/shared\b/g, instead: 'a doc in docs/' },
  { pattern: /\bissues? #?\d+\b/gi, instead: 'the doc that records the decision' },
];

// A path, its anchor, and more anchors of the same doc listed after it (`doc.md#a, #b and #c`).
const REPO_PATH =
  /(?<![\w@./-])((?:docs|src|tests|tools|bench|infra)\/[\w./-]*[\w/])(#[\w-]+)?((?:,? (?:and )?#[\w-]+)*)/g;
const MARKDOWN_LINK = /\]\(([^)\s#]*)(#[^)\s]*)?\)/g;
const CODE_FILE = /\.(ts|tsx|js|mjs|cjs)$/;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function fileExists(tree: Tree, target: string): boolean {
  const bare = target.replace(/\/$/, '');
  return ['', '.ts', '.tsx'].some((suffix) => tree.exists(bare + suffix));
}

function checkAnchor(tree: Tree, target: string, anchor: string | undefined): string | undefined {
  if (anchor === undefined || anchor === '#' || !target.endsWith('.md')) return undefined;
  const anchors = tree.anchors(target);
  if (anchors === undefined) return `${target} does not exist`;
  return anchors.has(anchor.slice(1)) ? undefined : `${target} has no heading ${anchor}`;
}

/** The problems of one passage of text that starts on `firstLine` of `file`. */
function checkPassage(
  tree: Tree,
  file: string,
  text: string,
  firstLine: number,
  problems: CitationProblem[],
): void {
  const report = (index: number, citation: string, reason: string): void => {
    problems.push({ file, line: firstLine + lineAt(text, index) - 1, citation, reason });
  };
  for (const { pattern, instead } of OUTSIDE)
    for (const match of text.matchAll(pattern))
      report(match.index, match[0], `cites a document outside the repository; use ${instead}`);
  for (const match of text.matchAll(REPO_PATH)) {
    const [citation, target = '', anchor, more = ''] = match;
    const next = text[match.index + citation.length] ?? '';
    // A pattern (`src/web/**/*-worker.ts`, `docs/<name>.md`, `src/${area}`) names no one file.
    if ('*<{$'.includes(next) && next !== '') continue;
    // A folder named without its slash (`src/web`) is prose about an area, not a file cited.
    if (!/\.\w+$/.test(target) && !target.endsWith('/')) continue;
    if (!fileExists(tree, target)) report(match.index, citation, `${target} does not exist`);
    else
      for (const each of [anchor, ...(more.match(/#[\w-]+/g) ?? [])]) {
        const reason = checkAnchor(tree, target, each);
        if (reason !== undefined) report(match.index, citation, reason);
      }
  }
}

function checkMarkdownLinks(
  tree: Tree,
  file: string,
  text: string,
  problems: CitationProblem[],
): void {
  for (const match of text.matchAll(MARKDOWN_LINK)) {
    const [link, target = '', anchor] = match;
    if (/^[a-z]+:/i.test(target)) continue;
    const line = lineAt(text, match.index);
    if (target === '') {
      // An anchor of this very file: its own headings, whether or not it is on disk yet.
      if (anchor !== undefined && anchor !== '#' && !markdownAnchors(text).has(anchor.slice(1)))
        problems.push({ file, line, citation: link, reason: `${file} has no heading ${anchor}` });
      continue;
    }
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
    if (!fileExists(tree, resolved))
      problems.push({ file, line, citation: link, reason: `${resolved} does not exist` });
    else {
      const reason = checkAnchor(tree, resolved, anchor);
      if (reason !== undefined) problems.push({ file, line, citation: link, reason });
    }
  }
}

/** Code is checked in its comments only; Markdown in all of its text and its links. */
export function findCitationProblems(tree: Tree, file: string, text: string): CitationProblem[] {
  const problems: CitationProblem[] = [];
  if (CODE_FILE.test(file)) {
    for (const comment of readComments(file, text))
      checkPassage(tree, file, comment.text, comment.line, problems);
  } else if (file.endsWith('.md')) {
    checkPassage(tree, file, text, 1, problems);
    checkMarkdownLinks(tree, file, text, problems);
  }
  return problems;
}
