import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { Box, Button, Link, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { formatBytes } from '../../../lib/format';

interface DropZoneProps {
  file: File | null;
  onFile: (file: File) => void;
  disabled?: boolean;
}

const ACCEPT = '.csv,.json,.ndjson,.txt,text/csv,application/json';

export function DropZone({ file, onFile, disabled = false }: DropZoneProps) {
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !disabled) onFile(dropped);
  };

  return (
    <Box
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      sx={{
        position: 'relative',
        border: 2,
        borderStyle: 'dashed',
        borderColor: dragging ? 'primary.main' : 'divider',
        bgcolor: dragging ? 'action.hover' : 'transparent',
        borderRadius: 2,
        p: 3,
        textAlign: 'center',
      }}
    >
      <Stack spacing={1.5} sx={{ alignItems: 'center' }}>
        <UploadFileIcon fontSize="large" color="action" aria-hidden />
        <Typography>Drop a CSV, JSON, NDJSON or TXT device list here, or</Typography>
        {/* The input stays out of the tab order: the button opens it, so there is one control to reach, not two. */}
        <input
          ref={inputRef}
          type="file"
          aria-label="Device list file"
          accept={ACCEPT}
          disabled={disabled}
          tabIndex={-1}
          style={{
            position: 'absolute',
            width: 1,
            height: 1,
            opacity: 0,
            overflow: 'hidden',
            pointerEvents: 'none',
          }}
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) onFile(chosen);
            event.target.value = '';
          }}
        />
        <Button variant="outlined" disabled={disabled} onClick={() => inputRef.current?.click()}>
          Choose file
        </Button>
        {file && (
          <Typography aria-live="polite">
            <strong>{file.name}</strong> ({formatBytes(file.size)})
          </Typography>
        )}
        <Link href="/device-template.csv" download="device-template.csv">
          Download template CSV
        </Link>
      </Stack>
    </Box>
  );
}
