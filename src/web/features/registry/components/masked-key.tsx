import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import { KEY_MASK } from '../../../../core/model/key-mask';

interface MaskedKeyProps {
  label: string;
  value: string | undefined;
  /** Only admins get the button; support users see the mask and nothing else. */
  canReveal: boolean;
}

/** A key is masked until an admin reveals this one key; it hides again when the device changes. */
export function MaskedKey({ label, value, canReveal }: MaskedKeyProps) {
  const [shown, setShown] = useState(false);
  if (value === undefined) {
    return (
      <Typography variant="body2">
        {label}: <span>not in this export</span>
      </Typography>
    );
  }
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
        {label}: {canReveal && shown ? value : KEY_MASK}
      </Typography>
      {canReveal && (
        <Button size="small" onClick={() => setShown((s) => !s)} aria-pressed={shown}>
          {shown ? `Hide ${label.toLowerCase()}` : `Reveal ${label.toLowerCase()}`}
        </Button>
      )}
    </Box>
  );
}
