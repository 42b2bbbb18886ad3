import { Chip, Tooltip } from '@mui/material';
import { hubNameOf, useHubInfo } from '../lib/use-hub-info';

/**
 * The hub every action goes to, always in view: an admin with a test and a production hub must
 * never wonder which one this tab changes.
 */
export function HubNameBadge() {
  const hub = useHubInfo();
  if (!hub.data) return null;
  return (
    <Tooltip title={hub.data.hostName}>
      <Chip
        size="small"
        label={hubNameOf(hub.data.hostName)}
        aria-label={`Hub ${hub.data.hostName}`}
        sx={{ color: 'inherit', borderColor: 'currentColor', fontFamily: 'monospace' }}
        variant="outlined"
      />
    </Tooltip>
  );
}
