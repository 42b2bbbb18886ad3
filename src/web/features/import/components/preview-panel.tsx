import { memo, useEffect, useState } from 'react';
import { Box, FormControlLabel, Paper, Stack, Switch, Typography } from '@mui/material';
import { maskKeysInLine } from '../model/mask-keys';

const PREVIEW_LINES = 20;
// 20 device lines are far below 256 kB, so reading only the head keeps the preview instant at 1M
// rows.
const PREVIEW_BYTES = 256 * 1024;

async function readHead(blob: Blob): Promise<string[]> {
  const text = await blob.slice(0, PREVIEW_BYTES).text();
  return text
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .slice(0, PREVIEW_LINES);
}

// Memoised: the wizard re-renders on every upload progress event, and this section does not change
// then.
export const PreviewPanel = memo(function PreviewPanel({
  output,
  validCount,
}: {
  output: Blob;
  validCount: number;
}) {
  const [lines, setLines] = useState<string[] | null>(null);
  const [showKeys, setShowKeys] = useState(false);

  useEffect(() => {
    let live = true;
    readHead(output).then(
      (head) => live && setLines(head),
      () => live && setLines([]),
    );
    return () => {
      live = false;
    };
  }, [output]);

  const shown = (lines ?? []).map((line) => (showKeys ? line : maskKeysInLine(line)));
  return (
    <Paper component="section" variant="outlined" aria-labelledby="preview-heading" sx={{ p: 3 }}>
      <Stack
        direction="row"
        sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', mb: 1 }}
      >
        <Typography id="preview-heading" component="h2" variant="h6">
          Preview
        </Typography>
        <FormControlLabel
          control={
            <Switch checked={showKeys} onChange={(event) => setShowKeys(event.target.checked)} />
          }
          label="Show keys"
        />
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        The first {Math.min(PREVIEW_LINES, validCount)} of {validCount.toLocaleString('en-US')}{' '}
        lines of the import file (NDJSON) the hub will read.
      </Typography>
      <Box
        component="pre"
        aria-label="NDJSON preview"
        tabIndex={0}
        sx={{
          m: 0,
          p: 1.5,
          maxHeight: 360,
          overflow: 'auto',
          fontSize: '0.8rem',
          bgcolor: 'action.hover',
          borderRadius: 1,
          whiteSpace: 'pre',
        }}
      >
        {lines === null ? 'Reading...' : shown.join('\n') || '(no valid rows)'}
      </Box>
    </Paper>
  );
});
