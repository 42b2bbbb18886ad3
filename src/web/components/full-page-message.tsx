import type { ReactNode } from 'react';
import { Box, Paper, Stack, Typography } from '@mui/material';

interface FullPageMessageProps {
  title: string;
  children: ReactNode;
  /** The sign-in page is narrower and its title larger: it is the console's front door. */
  maxWidth?: number;
  titleSize?: string;
}

/** A page shown before the app shell exists: start-up, configuration errors, signing in. */
export function FullPageMessage({
  title,
  children,
  maxWidth = 620,
  titleSize = '1.5rem',
}: FullPageMessageProps) {
  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        p: 2,
        bgcolor: 'background.default',
      }}
    >
      <Paper variant="outlined" sx={{ p: 4, maxWidth, width: '100%' }}>
        <Stack spacing={2}>
          <Typography variant="h1" sx={{ fontSize: titleSize, fontWeight: 600 }}>
            {title}
          </Typography>
          {children}
        </Stack>
      </Paper>
    </Box>
  );
}
