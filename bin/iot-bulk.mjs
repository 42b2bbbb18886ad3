#!/usr/bin/env node
// Runs the TypeScript CLI without a build step: tsx's ESM loader is registered in-process, then
// the entry module is imported (its top-level await runs the command).
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
