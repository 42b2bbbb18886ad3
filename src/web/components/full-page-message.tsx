import type { ReactNode } from 'react';
import { Box, Paper, Stack, Typography } from '@mui/material';

/** A page shown before the app shell exists: start-up, configuration errors. */
export function FullPageMessage({ title, children }: { title: string; children: ReactNode }) {
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
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 620, width: '100%' }}>
        <Stack spacing={2}>
          <Typography variant="h1" sx={{ fontSize: '1.5rem', fontWeight: 600 }}>
            {title}
          </Typography>
          {children}
        </Stack>
      </Paper>
    </Box>
  );
}
