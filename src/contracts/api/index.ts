export * from './errors';
export * from './identity';
export * from './jobs';
export * from './imports';
export * from './exports';
export * from './files';
export * from './registry';
export * from './setup-check';
