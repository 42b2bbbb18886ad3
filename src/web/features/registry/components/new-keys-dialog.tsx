import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { downloadBlob } from '../../../lib/download-blob';
import { plural } from '../../../lib/format';

interface NewKeysDialogProps {
  /** The CSV of the new keys; dropped by the caller once this dialog closes. */
  keys: Blob;
  fileName: string;
  devices: number;
  /** "new primary keys". */
  what: string;
  onContinue: () => void;
  onCancel: () => void;
}

/**
 * The one moment the new keys leave the worker (docs/bulk-flows.md, "Regenerate keys"): offered
 * as a download, once, before the import can go on. They are never put on screen, and once this
 * dialog closes the page drops its only reference to them.
 */
export function NewKeysDialog(props: NewKeysDialogProps) {
  const [downloaded, setDownloaded] = useState(false);
  const devices = plural(props.devices, 'device', 'devices');
  return (
    <Dialog open onClose={props.onCancel} aria-labelledby="new-keys-title">
      <DialogTitle id="new-keys-title">Download the new keys first</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The {props.what} of {devices} were made in this browser. This download is the only copy
          the console gives you: they are not shown on screen, not kept by the console, and the
          import file that carries them to the hub is deleted from storage when the job ends. Keep
          the file somewhere safe (it is as secret as the keys) and give each device its new key.
        </DialogContentText>
        <DialogContentText sx={{ mt: 1 }}>
          A device the import refuses (for instance one changed since the export) keeps its old
          keys: its row in the file does not apply. The job page lists those devices.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>Cancel</Button>
        <Button
          startIcon={<DownloadIcon />}
          disabled={downloaded}
          onClick={() => {
            downloadBlob(props.keys, props.fileName);
            setDownloaded(true);
          }}
        >
          {downloaded ? 'Downloaded' : `Download ${props.fileName}`}
        </Button>
        <Button variant="contained" disabled={!downloaded} onClick={props.onContinue}>
          Continue to the import
        </Button>
      </DialogActions>
    </Dialog>
  );
}
