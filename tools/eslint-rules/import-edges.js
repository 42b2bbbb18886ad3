// @ts-check

// Every way a module can name another, so a boundary cannot be crossed by choosing a different
// syntax: static imports, `export ... from`, dynamic `import('...')`, `require('...')`,
// `import x = require('...')`, `typeof import('...')` types, and `new URL('...', import.meta.url)`
// (how Vite finds a worker's module). Only literal specifiers can be resolved; a computed one is
// left to the reviewer (the proxy's optional credential module is the one today).

/**
 * @typedef {import('estree').Node} Node
 * @typedef {(node: Node, specifier: string) => void} OnEdge
 */

/** @param {unknown} node @returns {string | undefined} */
function literalText(node) {
  if (typeof node !== 'object' || node === null) return undefined;
  const value =
    /** @type {{ type?: string, value?: unknown, quasis?: { value: { cooked?: string | null } }[], expressions?: unknown[] }} */ (
      node
    );
  if (value.type === 'Literal' && typeof value.value === 'string') return value.value;
  if (value.type === 'TemplateLiteral' && value.expressions?.length === 0)
    return value.quasis?.[0]?.value.cooked ?? undefined;
  return undefined;
}

/** @param {unknown} node */
function isImportMetaUrl(node) {
  const value =
    /** @type {{ type?: string, object?: { type?: string }, property?: { name?: string } }} */ (
      node
    );
  return (
    value?.type === 'MemberExpression' &&
    value.object?.type === 'MetaProperty' &&
    value.property?.name === 'url'
  );
}

/**
 * The visitor that calls `onEdge` once per specifier a module names.
 * @param {OnEdge} onEdge
 * @returns {import('eslint').Rule.RuleListener}
 */
export function importEdgeVisitor(onEdge) {
  /** @param {Node} node @param {unknown} source */
  const edge = (node, source) => {
    const specifier = literalText(source);
    if (specifier !== undefined) onEdge(node, specifier);
  };
  return {
    ImportDeclaration: (node) => edge(node, node.source),
    ExportNamedDeclaration: (node) => {
      if (node.source) edge(node, node.source);
    },
    ExportAllDeclaration: (node) => edge(node, node.source),
    ImportExpression: (node) => edge(node, node.source),
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require')
        edge(node, node.arguments[0]);
    },
    NewExpression: (node) => {
      if (
        node.callee.type === 'Identifier' &&
        node.callee.name === 'URL' &&
        isImportMetaUrl(node.arguments[1])
      )
        edge(node, node.arguments[0]);
    },
    // TypeScript-only nodes, named by string because estree does not know them.
    /** @param {Node & { expression: unknown }} node */
    TSExternalModuleReference: (node) => edge(node, node.expression),
    // typescript-eslint 8 names the specifier `source`; older trees had `argument.literal`.
    /** @param {Node & { source?: unknown, argument?: { literal?: unknown } }} node */
    TSImportType: (node) => edge(node, node.source ?? node.argument?.literal),
  };
}
