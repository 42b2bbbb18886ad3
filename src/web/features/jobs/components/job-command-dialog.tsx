import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import { ErrorPanel } from '../../../components/error-panel';
import { LoadingBlock } from '../../../components/loading-block';
import { jobCommandQueryOptions } from '../api/get-job-command';

// "Show the command" (docs/bulk-flows.md, "The command behind an operation"): what the console
// asked the hub, for an admin who wants to automate the same step. The proxy redacts every SAS
// signature; the placeholders say which permissions to mint.

function CommandBlock({ title, text }: { title: string; text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
        <Typography component="h3" variant="subtitle2">
          {title}
        </Typography>
        <Button
          size="small"
          aria-label={`Copy the ${title}`}
          onClick={() =>
            void navigator.clipboard.writeText(text).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </Stack>
      <Box
        component="pre"
        tabIndex={0}
        sx={{
          m: 0,
          p: 1.5,
          bgcolor: 'action.hover',
          borderRadius: 1,
          fontSize: 13,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
          maxHeight: 260,
          overflow: 'auto',
        }}
      >
        {text}
      </Box>
    </Box>
  );
}

export function JobCommandDialog({ jobRef }: { jobRef: string }) {
  const [open, setOpen] = useState(false);
  const command = useQuery({ ...jobCommandQueryOptions(jobRef), enabled: open });
  const rest = command.data?.rest;
  return (
    <>
      <Button onClick={() => setOpen(true)}>Show the command</Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth>
        <DialogTitle>The command behind this job</DialogTitle>
        <DialogContent>
          {command.isPending && <LoadingBlock label="Reading the job's request..." />}
          {command.isError && <ErrorPanel error={command.error} context="Reading the command" />}
          {command.data && rest && (
            <Stack spacing={2}>
              <Typography variant="body2" color="text.secondary">
                The same job, started from a script. Secrets are left out: mint SAS tokens with the
                permissions named in each placeholder.
              </Typography>
              <CommandBlock title="Azure CLI command" text={command.data.az} />
              <CommandBlock
                title="REST request"
                text={[
                  `${rest.method} ${rest.url}`,
                  ...Object.entries(rest.headers).map(([name, value]) => `${name}: ${value}`),
                  '',
                  JSON.stringify(rest.body, null, 2),
                ].join('\n')}
              />
              {command.data.notes.length > 0 && (
                <Box component="ul" sx={{ m: 0, pl: 3 }}>
                  {command.data.notes.map((note) => (
                    <Typography component="li" variant="body2" key={note}>
                      {note}
                    </Typography>
                  ))}
                </Box>
              )}
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
