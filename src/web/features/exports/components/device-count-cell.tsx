import { Typography } from '@mui/material';
import { formatCount } from '../../../lib/format';
import { moduleCountWords, type DeviceCountState } from '../model/export-rows';

/** "1,000,000" with "+ 12 modules" on a second line, so the column stays narrow at 800 px. */
export function DeviceCountCell({ count }: { count: DeviceCountState }) {
  if (count.state === 'none') return <>-</>;
  if (count.state === 'counting') {
    return (
      <Typography
        component="span"
        variant="body2"
        color="text.secondary"
        sx={{ whiteSpace: 'nowrap' }}
      >
        Counting…
      </Typography>
    );
  }
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>{formatCount(count.devices)}</span>
      {count.modules > 0 && (
        <Typography
          component="span"
          variant="caption"
          color="text.secondary"
          sx={{ display: 'block', whiteSpace: 'nowrap' }}
        >
          {moduleCountWords(count.modules)}
        </Typography>
      )}
    </>
  );
}
