import { Box, Paper, Stack, Typography } from '@mui/material';
import type { DiffSummary as Summary } from '../../../../core/diff';
import { formatCount } from '../../../lib/format';

const BARS: { key: keyof Summary; label: string; color: string; hint: string }[] = [
  { key: 'added', label: 'Added', color: 'success.main', hint: 'only in B' },
  { key: 'removed', label: 'Removed', color: 'error.main', hint: 'only in A' },
  { key: 'changed', label: 'Changed', color: 'warning.main', hint: 'in both, different' },
  { key: 'unchanged', label: 'Unchanged', color: 'text.disabled', hint: 'in both, the same' },
];

/** The four counts with a bar each (MUI boxes, widths relative to the largest count). */
export function DiffSummary({ summary }: { summary: Summary }) {
  const max = Math.max(1, summary.added, summary.removed, summary.changed, summary.unchanged);
  return (
    <Paper
      variant="outlined"
      component="section"
      role="region"
      aria-labelledby="diff-summary-heading"
      sx={{ p: 2 }}
    >
      <Typography id="diff-summary-heading" component="h2" variant="h6" sx={{ mb: 1 }}>
        Diff summary
      </Typography>
      <Stack component="dl" spacing={0.75} sx={{ m: 0 }}>
        {BARS.map((bar) => (
          <Box
            key={bar.key}
            sx={{
              display: 'grid',
              gridTemplateColumns: 'minmax(150px, 200px) 1fr minmax(80px, auto)',
              gap: 1.5,
              alignItems: 'center',
            }}
          >
            <Typography component="dt" variant="body2">
              <strong>{bar.label}</strong>{' '}
              <Box component="span" sx={{ color: 'text.secondary' }}>
                ({bar.hint})
              </Box>
            </Typography>
            <Box aria-hidden sx={{ height: 14, borderRadius: 1, bgcolor: 'action.hover' }}>
              <Box
                sx={{
                  height: '100%',
                  borderRadius: 1,
                  bgcolor: bar.color,
                  width:
                    summary[bar.key] === 0 ? 0 : `${Math.max(1, (summary[bar.key] / max) * 100)}%`,
                }}
              />
            </Box>
            <Typography
              component="dd"
              variant="body2"
              sx={{ m: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
            >
              {formatCount(summary[bar.key])}
            </Typography>
          </Box>
        ))}
      </Stack>
    </Paper>
  );
}
