import { Alert, Stack } from '@mui/material';
import { formatCount } from '../../../lib/format';
import type { DiffDone } from '../../../workers/diff/diff-client';
import type { ConvertedList } from '../api/convert-device-list';

interface DiffNoticesProps {
  result: DiffDone;
  keysMasked: boolean;
  converted: ConvertedList | null;
}

/**
 * What the diff could not see: keys-excluded exports, masked keys, unreadable or duplicate lines.
 */
export function DiffNotices({ result, keysMasked, converted }: DiffNoticesProps) {
  const items: { key: string; text: string; severity: 'info' | 'warning' }[] = result.notices.map(
    (n) => ({ key: n.code, text: `Note: ${n.message}.`, severity: 'info' }),
  );
  // With masked keys both sides read "***", which would look "unchanged"; say so instead of
  // implying it.
  if (keysMasked)
    items.push({
      key: 'masked',
      text: 'Keys are masked for your role, so key changes cannot be seen in this diff.',
      severity: 'info',
    });
  for (const [side, report] of [
    ['A', result.a],
    ['B', result.b],
  ] as const) {
    if (report.stats.invalidLines > 0)
      items.push({
        key: `${side}-invalid`,
        text: `${formatCount(report.stats.invalidLines)} line(s) of ${side} could not be read and are not compared.`,
        severity: 'warning',
      });
    if (report.stats.duplicates > 0)
      items.push({
        key: `${side}-dup`,
        text: `${side} lists ${formatCount(report.stats.duplicates)} device(s) twice; the later line was used.`,
        severity: 'warning',
      });
  }
  if (converted && converted.invalid > 0)
    items.push({
      key: 'converted',
      text: `${formatCount(converted.invalid)} invalid row(s) of the file for B were left out.`,
      severity: 'warning',
    });
  if (items.length === 0) return null;
  return (
    <Stack spacing={1}>
      {items.map((item) => (
        <Alert key={item.key} severity={item.severity}>
          {item.text}
        </Alert>
      ))}
    </Stack>
  );
}
