import { Box, ButtonBase, Paper, Stack, Typography } from '@mui/material';
import { formatCount } from '../../../lib/format';
import type { CodeCount } from '../model/error-rows';

interface ErrorCodeChartProps {
  counts: CodeCount[];
  selected: string;
  onSelect: (key: string) => void;
}

/** Counts per code as horizontal bars; a bar is also a filter button. */
export function ErrorCodeChart({ counts, selected, onSelect }: ErrorCodeChartProps) {
  const max = Math.max(1, ...counts.map((entry) => entry.count));
  return (
    <Paper component="section" variant="outlined" aria-labelledby="counts-heading" sx={{ p: 2 }}>
      <Typography
        id="counts-heading"
        component="h2"
        variant="subtitle1"
        sx={{ fontWeight: 600, mb: 1 }}
      >
        Errors per code
      </Typography>
      <Stack spacing={0.5} component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {counts.map((entry) => (
          <li key={entry.key}>
            <ButtonBase
              onClick={() => onSelect(selected === entry.key ? '' : entry.key)}
              aria-pressed={selected === entry.key}
              sx={{
                width: '100%',
                display: 'grid',
                gridTemplateColumns: 'minmax(180px, 260px) 1fr 80px',
                gap: 1,
                alignItems: 'center',
                textAlign: 'left',
                borderRadius: 1,
                px: 1,
                py: 0.5,
                bgcolor: selected === entry.key ? 'action.selected' : 'transparent',
              }}
            >
              <Typography variant="body2" noWrap>
                {entry.code ?? '—'} {entry.name}
              </Typography>
              <Box
                sx={{
                  height: 12,
                  borderRadius: 1,
                  bgcolor: 'error.main',
                  width: `${Math.max(2, (entry.count / max) * 100)}%`,
                }}
              />
              <Typography variant="body2" sx={{ textAlign: 'right' }}>
                {formatCount(entry.count)}
              </Typography>
            </ButtonBase>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
