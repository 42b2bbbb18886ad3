import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';

interface IncludeKeysDialogProps {
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Keys in an export are live credentials for every device: say so before an admin opts in. */
export function IncludeKeysDialog({ open, onConfirm, onCancel }: IncludeKeysDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      aria-labelledby="include-keys-title"
      aria-describedby="include-keys-text"
    >
      <DialogTitle id="include-keys-title">Export device keys?</DialogTitle>
      <DialogContent>
        <DialogContentText id="include-keys-text">
          The export file will hold the primary and secondary symmetric keys of every SAS device:
          anyone who gets the file can connect as any of those devices. The console masks keys on
          screen and support staff never see them, but the file in storage keeps them until it is
          deleted. Export keys only when you need them, for example to move devices to another hub.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          Keep keys out
        </Button>
        <Button onClick={onConfirm} color="warning" variant="contained">
          Include keys
        </Button>
      </DialogActions>
    </Dialog>
  );
}
