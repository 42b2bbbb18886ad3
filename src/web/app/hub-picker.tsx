import { useId, useState } from 'react';
import { Box, Button, Chip, ListItemText, Menu, MenuItem, Typography } from '@mui/material';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import CheckIcon from '@mui/icons-material/Check';
import { useCurrentHubContext } from '../lib/hubs/current-hub';
import type { ConsoleHub } from '../lib/hubs/console-hub';

const ROLE_WORDS = { admin: 'Admin', support: 'Support' } as const;

function RoleChip({ role }: { role: ConsoleHub['role'] }) {
  if (role === null) return null;
  return <Chip size="small" variant="outlined" label={ROLE_WORDS[role]} sx={{ ml: 2 }} />;
}

/**
 * The hub every action goes to, always in view and one click from the others: an admin with a
 * test and a production hub must never wonder which one this tab changes. The host shows beside
 * the name from 1200 px; below, the name alone keeps the bar on one line (the menu shows both).
 */
export function HubPicker() {
  const { hub, hubs, switchHub } = useCurrentHubContext();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const pick = (hubId: string) => {
    setAnchor(null);
    if (hubId !== hub.id) switchHub(hubId);
  };
  return (
    <>
      <Button
        color="inherit"
        variant="outlined"
        size="small"
        aria-label={`Hub: ${hub.displayName}, ${hub.hostName}. Change hub`}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        endIcon={<ArrowDropDownIcon />}
        onClick={(event) => setAnchor(event.currentTarget)}
        title={hub.hostName}
        sx={{ textTransform: 'none', minWidth: 0, flexShrink: 1, whiteSpace: 'nowrap' }}
      >
        <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: 180 }}>
          {hub.displayName}
        </Box>
        <Typography
          component="span"
          variant="caption"
          sx={{
            display: { xs: 'none', lg: 'inline' },
            ml: 1,
            opacity: 0.8,
            fontFamily: 'monospace',
          }}
        >
          {hub.hostName}
        </Typography>
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {hubs.map((candidate) => (
          <MenuItem
            key={candidate.id}
            selected={candidate.id === hub.id}
            onClick={() => pick(candidate.id)}
          >
            <Box sx={{ width: 28, display: 'flex' }}>
              {candidate.id === hub.id && <CheckIcon fontSize="small" aria-hidden />}
            </Box>
            <ListItemText
              primary={candidate.displayName}
              secondary={candidate.hostName}
              slotProps={{ secondary: { sx: { fontFamily: 'monospace' } } }}
            />
            <RoleChip role={candidate.role} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
