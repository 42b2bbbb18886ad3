// @ts-check
import path from 'node:path';

// Where a file sits in the architecture, read from its path alone: its area (`src/<area>/`) and,
// inside the web, its part (a feature by folder name, or lib, components, app, workers). Reading
// the path rather than a list means a feature folder added tomorrow is its own zone at once.

/**
 * @typedef {{ area: string, part?: string, feature?: string }} Place
 * `area` is '' for a file outside src/ (tests, tools, bench, infra, the config files).
 */

/**
 * @param {string} root the repository root
 * @param {string} file an absolute path
 * @returns {Place}
 */
export function placeOf(root, file) {
  const parts = path.relative(root, file).split(path.sep);
  if (parts[0] !== 'src' || parts.length < 3) return { area: '' };
  const area = /** @type {string} */ (parts[1]);
  if (area !== 'web') return { area };
  const part = parts.length > 3 ? parts[2] : undefined;
  if (part === 'features' && parts.length > 4) return { area, part, feature: parts[3] };
  return part === undefined ? { area } : { area, part };
}

/**
 * Globs as the config writes them: `**` any folders, `*` within one name. Small on purpose, so
 * the plugin needs nothing beyond ESLint.
 * @param {string} glob a path relative to the root, with forward slashes
 */
export function globToRegExp(glob) {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = /** @type {string} */ (glob[index]);
    if (glob.startsWith('**/', index)) {
      source += '(?:.*/)?';
      index += 2;
    } else if (glob.startsWith('**', index)) {
      source += '.*';
      index += 1;
    } else if (char === '*') source += '[^/]*';
    else source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** @param {string} root @param {string} file */
export function relativePosix(root, file) {
  return path.relative(root, file).split(path.sep).join('/');
}
