import { FieldKind } from './column-plan';
import type { RecordSink } from './record-sink';
import { isDeviceObject, visitDeviceFields } from './visit-device-fields';

/** Hands one parsed JSON value (an array element or an NDJSON line) to the sink as a record. */
export function feedDeviceObject(
  sink: RecordSink,
  value: unknown,
  line: number,
  row: number,
): void {
  if (!isDeviceObject(value)) {
    sink.ctx.report.add(line, row, '', 'NOT_AN_OBJECT', 'the record is not a JSON object');
    sink.ctx.report.invalid++;
    return;
  }
  if (Object.keys(value).length === 0) {
    sink.blank();
    return;
  }
  sink.begin();
  visitDeviceFields(value, (column, cell) => {
    const entry = sink.column(column);
    if (row <= 20) sink.sample(entry.index, cell);
    if (entry.kind !== FieldKind.none && cell !== '') sink.apply(entry, cell);
  });
  sink.finishRow(line, row);
}
