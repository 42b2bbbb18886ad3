import ts from 'typescript';

// The comments of a TypeScript or JavaScript file, found by TypeScript's parser rather than a
// regular expression, so a `//` inside a string, a template or a regex literal is not a comment.

export interface Comment {
  /** 1-based line the comment starts on. */
  line: number;
  text: string;
}

export function readComments(fileName: string, text: string): Comment[] {
  const kind = /\.(js|mjs|cjs)$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TSX;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const seen = new Map<number, ts.CommentRange>();
  const collect = (ranges: readonly ts.CommentRange[] | undefined): void => {
    for (const range of ranges ?? []) seen.set(range.pos, range);
  };
  // getChildren, unlike forEachChild, includes the punctuation tokens: a comment alone inside
  // `{ }` (a JSX comment) leads the closing brace and no node.
  const visit = (node: ts.Node): void => {
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  collect(ts.getLeadingCommentRanges(text, source.endOfFileToken.pos));
  return [...seen.values()]
    .sort((a, b) => a.pos - b.pos)
    .map((range) => ({
      line: source.getLineAndCharacterOfPosition(range.pos).line + 1,
      text: text.slice(range.pos, range.end),
    }));
}
