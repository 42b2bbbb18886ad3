// @ts-check
import { builtinModules } from 'node:module';
import path from 'node:path';
import { importEdgeVisitor } from './import-edges.js';
import { globToRegExp, placeOf, relativePosix } from './place.js';

// The architecture as one rule on resolved paths: each specifier a module names is resolved
// against the importing file, placed (area, web part, feature), and checked against the zones
// eslint.config.js declares. Globs over specifiers miss `../../import/x` and `import()`; a
// resolved path does not.

/**
 * @typedef {{ imports: string[] | 'any', packages: string[] | 'any', why: string }} Zone
 * @typedef {{ name: string, allowedIn: string[], why: string }} ConfinedPackage
 * @typedef {{ root: string, zones: Record<string, Zone>, browser: string[],
 *   confined: ConfinedPackage[] }} Options
 * @typedef {import('./place.js').Place} Place
 */

const BUILTINS = new Set(builtinModules);

/** @param {string} specifier */
function packageName(specifier) {
  const [first = '', second = ''] = specifier.split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

/** @param {string} specifier */
function isBuiltin(specifier) {
  return specifier.startsWith('node:') || BUILTINS.has(packageName(specifier));
}

/**
 * The web's inner rule: features are islands; the shared parts (lib, components, workers) serve
 * features and so cannot lean on them or on the app shell that composes them.
 * @param {Place} from @param {Place} to
 * @returns {string | undefined} the message id of the breach
 */
function webBreach(from, to) {
  if (from.area !== 'web' || to.area !== 'web') return undefined;
  if (from.feature !== undefined) {
    if (to.feature !== undefined && to.feature !== from.feature) return 'featureToFeature';
    if (to.part === 'app') return 'featureToApp';
    return undefined;
  }
  const shared = ['lib', 'components', 'workers'];
  if (from.part !== undefined && shared.includes(from.part)) {
    if (to.part === 'features' || to.part === 'app') return 'sharedToFeature';
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports respect the zones of docs/architecture.md, on resolved paths.' },
    schema: [{ type: 'object' }],
    messages: {
      noZone:
        'src/{{area}} has no zone in eslint.config.js: declare what it may import before it grows.',
      area: 'src/{{from}} may not import src/{{to}}: {{why}}',
      outside: "src/{{from}} may not import '{{specifier}}' from outside src/.",
      featureToFeature:
        "Feature '{{from}}' may not import feature '{{to}}': features never import each other; share through src/web/lib or src/web/components, hand off through the router or app/.",
      featureToApp:
        "Feature '{{from}}' may not import src/web/app: the app composes features, not the reverse.",
      sharedToFeature:
        'src/web/{{from}} may not import src/web/{{to}}: shared code serves features and cannot depend on them or on the app shell.',
      builtin:
        "'{{specifier}}' is a Node built-in: src/{{from}} runs in browsers and workers (or is pure core).",
      confined: "'{{name}}' may not be imported here: {{why}}",
      npm: "src/{{from}} may not import the package '{{name}}': {{why}}",
    },
  },
  create(context) {
    const options = /** @type {Options} */ (context.options[0]);
    const root = options.root;
    const file = context.filename;
    const from = placeOf(root, file);
    if (from.area === '') return {};
    const zone = options.zones[from.area];
    const relativeFile = relativePosix(root, file);
    if (zone === undefined) {
      return {
        Program: (node) => context.report({ node, messageId: 'noZone', data: { area: from.area } }),
      };
    }
    const confined = options.confined.map((entry) => ({
      ...entry,
      allowed: entry.allowedIn.map(globToRegExp).some((glob) => glob.test(relativeFile)),
    }));
    const browser = options.browser.includes(from.area);

    /** @param {import('estree').Node} node @param {string} specifier */
    const checkOurs = (node, specifier) => {
      const target = specifier.startsWith('/')
        ? path.join(root, specifier)
        : path.resolve(path.dirname(file), specifier);
      const to = placeOf(root, target);
      if (to.area === '') {
        if (zone.imports !== 'any')
          context.report({ node, messageId: 'outside', data: { from: from.area, specifier } });
        return;
      }
      if (to.area !== from.area && zone.imports !== 'any' && !zone.imports.includes(to.area)) {
        const data = { from: from.area, to: to.area, why: zone.why };
        context.report({ node, messageId: 'area', data });
        return;
      }
      const breach = webBreach(from, to);
      if (breach === 'featureToFeature')
        context.report({ node, messageId: breach, data: { from: from.feature, to: to.feature } });
      else if (breach === 'featureToApp')
        context.report({ node, messageId: breach, data: { from: from.feature } });
      else if (breach === 'sharedToFeature')
        context.report({ node, messageId: breach, data: { from: from.part, to: to.part } });
    };

    /** @param {import('estree').Node} node @param {string} specifier */
    const checkPackage = (node, specifier) => {
      if (isBuiltin(specifier)) {
        if (browser)
          context.report({ node, messageId: 'builtin', data: { specifier, from: from.area } });
        return;
      }
      const name = packageName(specifier);
      const rule = confined.find((entry) => entry.name === name);
      if (rule !== undefined) {
        if (!rule.allowed) context.report({ node, messageId: 'confined', data: rule });
        return;
      }
      if (zone.packages !== 'any' && !zone.packages.includes(name))
        context.report({ node, messageId: 'npm', data: { from: from.area, name, why: zone.why } });
    };

    return importEdgeVisitor((node, specifier) => {
      // Vite reads '/x' from the project root: '/src/...' is our code, anything else a public asset.
      if (specifier.startsWith('/') && !specifier.startsWith('/src/')) return;
      if (specifier.startsWith('.') || specifier.startsWith('/')) checkOurs(node, specifier);
      else checkPackage(node, specifier);
    });
  },
};
