import { useRef, useState } from 'react';
import type { DragEvent, ReactNode } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { formatBytes } from '../lib/format';

interface FileDropZoneProps {
  file: File | null;
  onFile: (file: File) => void;
  /** The hidden input's accessible name: what tests and screen readers find the input by. */
  inputLabel: string;
  /** "Drop a … here, or": the sentence before the button. */
  prompt: string;
  accept: string;
  disabled?: boolean;
  /** Below the chosen file: a hint or a template link. */
  children?: ReactNode;
}

/**
 * A dashed drop area with one "Choose file" button: the look of the import's drop zone, shared so
 * every file input of the console looks and works alike.
 */
export function FileDropZone({
  file,
  onFile,
  inputLabel,
  prompt,
  accept,
  disabled = false,
  children,
}: FileDropZoneProps) {
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
        <Typography>{prompt}</Typography>
        {/* The input stays out of the tab order: the button opens it, so there is one control to reach, not two. */}
        <input
          ref={inputRef}
          type="file"
          aria-label={inputLabel}
          accept={accept}
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
        {children}
      </Stack>
    </Box>
  );
}
