export * from './undo-types';
export { buildUndo } from './build-undo';
