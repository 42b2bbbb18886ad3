import { Paper, Stack, Typography } from '@mui/material';
import type { HubInfoResponse } from '../../../../contracts/api';
import { formatCount } from '../../../lib/format';

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 150, flex: '1 1 150px' }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="p" sx={{ fontSize: '1.6rem', fontWeight: 600 }}>
        {formatCount(value)}
      </Typography>
    </Paper>
  );
}

/** The registry's size at a glance, from the hub's own device statistics. */
export function HubCounts({ statistics }: { statistics: HubInfoResponse['statistics'] }) {
  return (
    <Stack
      component="section"
      aria-label="Device counts"
      direction="row"
      sx={{ gap: 2, flexWrap: 'wrap' }}
    >
      <Count label="Devices" value={statistics.totalDeviceCount} />
      <Count label="Enabled" value={statistics.enabledDeviceCount} />
      <Count label="Disabled" value={statistics.disabledDeviceCount} />
    </Stack>
  );
}
