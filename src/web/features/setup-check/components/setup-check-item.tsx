import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import type { SetupCheckResult, SetupCheckStatus } from '../../../../contracts/api';
import { STATUS_WORDS } from '../model/summarize-setup-check';

const CHIP_COLOR: Record<SetupCheckStatus, 'success' | 'warning' | 'error' | 'default'> = {
  ok: 'success',
  warning: 'warning',
  problem: 'error',
  skipped: 'default',
};

/** One check: its status in words, what was found, how to fix it, and the facts behind it. */
export function SetupCheckItem({ result }: { result: SetupCheckResult }) {
  return (
    <Paper component="li" variant="outlined" sx={{ p: 2 }} aria-label={result.title}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip size="small" color={CHIP_COLOR[result.status]} label={STATUS_WORDS[result.status]} />
        <Typography component="h2" sx={{ fontWeight: 600, fontSize: '1rem' }}>
          {result.title}
        </Typography>
        {result.status !== 'ok' && result.status !== 'skipped' && (
          <Typography component="code" color="text.secondary" sx={{ fontSize: '0.8rem' }}>
            {result.code}
          </Typography>
        )}
      </Stack>
      <Typography sx={{ mt: 1 }}>{result.summary}</Typography>
      {result.fix && (
        <Box sx={{ mt: 1 }}>
          <Typography component="span" sx={{ fontWeight: 600 }}>
            How to fix:{' '}
          </Typography>
          <Typography component="span" sx={{ overflowWrap: 'anywhere' }}>
            {result.fix}
          </Typography>
        </Box>
      )}
      {result.details && Object.keys(result.details).length > 0 && (
        <Box
          component="dl"
          sx={{
            mt: 1,
            mb: 0,
            display: 'grid',
            gridTemplateColumns: 'max-content 1fr',
            columnGap: 2,
            color: 'text.secondary',
            fontSize: '0.85rem',
          }}
        >
          {Object.entries(result.details).map(([name, value]) => (
            <Box key={name} sx={{ display: 'contents' }}>
              <dt>{name}</dt>
              <Box component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
                {value}
              </Box>
            </Box>
          ))}
        </Box>
      )}
    </Paper>
  );
}
