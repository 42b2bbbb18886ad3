import { readLineKey } from './read-line-key';

export interface PendingLine {
  line: number;
  text: string;
}

/**
 * The order the lines of a batch are applied in: sorted by device id, stably, so lines of one
 * device keep their file order (docs/hub-emulator.md). The ids come from the cheap key reader; a
 * line it cannot read fails and applies nothing, so where it sorts does not matter. A batch size
 * of 0 or 1 keeps file order.
 */
export function orderBatchLines(batch: readonly PendingLine[], batchLines: number): number[] {
  const order = batch.map((_, i) => i);
  if (batchLines <= 1) return order;
  const ids = batch.map((p) => readLineKey(p.text)?.id ?? '');
  return order.sort((a, b) => {
    const x = ids[a] ?? '';
    const y = ids[b] ?? '';
    return x < y ? -1 : x > y ? 1 : a - b;
  });
}
