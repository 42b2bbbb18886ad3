import { Paper, Stack, Typography } from '@mui/material';
import type { HubCountsResponse, HubInfoResponse } from '../../../../contracts/api';
import { formatCount } from '../../../lib/format';

function Count({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 150, flex: '1 1 150px' }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="p" sx={{ fontSize: '1.6rem', fontWeight: 600 }}>
        {value}
      </Typography>
      {note && (
        <Typography variant="caption" color="text.secondary">
          {note}
        </Typography>
      )}
    </Paper>
  );
}

interface HubCountsProps {
  statistics: HubInfoResponse['statistics'];
  /** From the registry query API; undefined while loading, null when it could not be read. */
  counts: HubCountsResponse | null | undefined;
}

// A count the hub refused to give says so; a count still loading shows a dash, never a 0.
function queried(
  counts: HubCountsResponse | null | undefined,
  value: number | null | undefined,
): string {
  if (counts === undefined) return '–';
  return value === null || value === undefined ? 'unknown' : formatCount(value);
}

/** The registry's size at a glance: the hub's device statistics and its registry queries. */
export function HubCounts({ statistics, counts }: HubCountsProps) {
  const cap = counts?.deviceCap ?? null;
  return (
    <Stack
      component="section"
      aria-label="Device counts"
      direction="row"
      sx={{ gap: 2, flexWrap: 'wrap' }}
    >
      <Count
        label="Devices"
        value={formatCount(statistics.totalDeviceCount)}
        {...(cap !== null ? { note: `of ${formatCount(cap)} allowed` } : {})}
      />
      <Count label="Enabled" value={formatCount(statistics.enabledDeviceCount)} />
      <Count label="Disabled" value={formatCount(statistics.disabledDeviceCount)} />
      <Count label="Edge devices" value={queried(counts, counts?.edgeDevices)} />
      <Count
        label="Modules"
        value={queried(counts, counts?.modules)}
        note="edge runtime modules included"
      />
    </Stack>
  );
}
