import { useId, useState } from 'react';
import { Box, Button, Chip, ListItemText, Menu, MenuItem, Stack, Typography } from '@mui/material';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import CheckIcon from '@mui/icons-material/Check';
import { useCurrentHubContext } from '../lib/hubs/current-hub';
import type { ConsoleHub } from '../lib/hubs/console-hub';

const ROLE_WORDS = { admin: 'Admin', support: 'Support' } as const;
// Pixel units on purpose: in sx a width of 1 means 100 %.
const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
const ellipsis = { maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

function RoleChip({ role }: { role: ConsoleHub['role'] }) {
  if (role === null) return null;
  return <Chip size="small" variant="outlined" label={ROLE_WORDS[role]} sx={{ ml: 2 }} />;
}

/**
 * The hub every action goes to, always in view and one click from the others: an admin with a
 * test and a production hub must never wonder which one this tab changes.
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
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        endIcon={<ArrowDropDownIcon />}
        onClick={(event) => setAnchor(event.currentTarget)}
        title={hub.hostName}
        sx={{
          textTransform: 'none',
          minWidth: 0,
          flexShrink: 1,
          whiteSpace: 'nowrap',
          py: 0.25,
          lineHeight: 1.25,
        }}
      >
        {/* Name over host: the width of the longer, not of both. */}
        <Stack sx={{ minWidth: 0, alignItems: 'flex-start', maxWidth: { xs: 150, lg: 240 } }}>
          <Box component="span" sx={ellipsis}>
            {hub.displayName}
          </Box>
          {hub.hostName !== hub.displayName && (
            <Typography
              component="span"
              variant="caption"
              sx={{ ...ellipsis, opacity: 0.85, fontFamily: 'monospace', lineHeight: 1.2 }}
            >
              {hub.hostName}
            </Typography>
          )}
        </Stack>
        {/* Named by what it shows (the visible words lead the accessible name), then its job. */}
        <Box component="span" sx={visuallyHidden}>
          , change hub
        </Box>
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
