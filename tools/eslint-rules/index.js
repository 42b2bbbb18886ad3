// @ts-check
import { boundaries } from './boundaries.js';

// The house's own ESLint rules, loaded by eslint.config.js as the plugin `house`.
/** @type {import('eslint').ESLint.Plugin} */
const plugin = { meta: { name: 'house' }, rules: { boundaries } };

export default plugin;
