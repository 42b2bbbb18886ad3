import { useState } from 'react';
import {
  Button,
  Paper,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { RegistryQueryResponse } from '../../../../contracts/api/registry';
import { FailureLine } from '../../../components/failure-line';
import { queryHubDevices } from '../api/query-hub-devices';
import {
  hubAnswerWords,
  queryLabel,
  staleDevicesQuery,
  staleLabel,
  toHubSelection,
  type HubSelection,
} from '../model/hub-selection';

type Mode = 'query' | 'stale';

interface HubSelectionPanelProps {
  selection: HubSelection | undefined;
  onChange: (selection: HubSelection | undefined) => void;
}

const DAY_MS = 86_400_000;

/**
 * Admins only: a selection made by the hub instead of the export's filters, either a query in the
 * hub's language or the devices with no activity since a date. The hub answers device ids; the
 * export loaded here supplies what an action needs (keys, eTags), so the selection is the devices
 * of both, and the filters above still narrow it.
 */
export function HubSelectionPanel({ selection, onChange }: HubSelectionPanelProps) {
  const [mode, setMode] = useState<Mode>('query');
  const [query, setQuery] = useState("SELECT * FROM devices WHERE status = 'enabled'");
  const [day, setDay] = useState(() =>
    new Date(Date.now() - 30 * DAY_MS).toISOString().slice(0, 10),
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [answer, setAnswer] = useState<RegistryQueryResponse | null>(null);
  const staleQuery = staleDevicesQuery(day);

  const run = async () => {
    const text = mode === 'query' ? query.trim() : staleQuery;
    if (!text) return;
    setBusy(true);
    setFailure(null);
    try {
      const answered = await queryHubDevices(text);
      setAnswer(answered);
      onChange(toHubSelection(mode === 'query' ? queryLabel(text) : staleLabel(day), answered));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const clear = () => {
    setAnswer(null);
    setFailure(null);
    onChange(undefined);
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="hub-selection">
      <Stack spacing={1.5}>
        <Typography id="hub-selection" variant="subtitle2" component="h2">
          Select on the hub
        </Typography>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={mode}
          onChange={(_, value: Mode | null) => value && setMode(value)}
          aria-label="How the hub selects"
        >
          <ToggleButton value="query">Hub query</ToggleButton>
          <ToggleButton value="stale">No activity since</ToggleButton>
        </ToggleButtonGroup>
        {mode === 'query' ? (
          <TextField
            label="Hub query"
            size="small"
            multiline
            minRows={2}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            helperText="The hub's query language: SELECT * FROM devices WHERE ... (tags, status, properties.reported ...)."
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
          />
        ) : (
          <Stack spacing={0.5}>
            <TextField
              label="No activity since"
              type="date"
              size="small"
              value={day}
              onChange={(event) => setDay(event.target.value)}
              error={staleQuery === null}
              helperText={staleQuery === null ? 'Pick a date.' : `Query: ${staleQuery}`}
              slotProps={{ inputLabel: { shrink: true } }}
              sx={{ maxWidth: 460 }}
            />
            <Typography variant="body2" color="text.secondary">
              lastActivityTime is the hub&apos;s record of device-to-cloud activity: when the device
              last sent a message (UTC). A device that never sent one counts as inactive for any
              date; one that only receives, or only updates its twin, may show none.
            </Typography>
          </Stack>
        )}
        <Stack direction="row" spacing={1}>
          <Button
            variant="outlined"
            disabled={busy || (mode === 'query' ? !query.trim() : staleQuery === null)}
            onClick={() => void run()}
          >
            {busy ? 'Asking the hub...' : 'Select on the hub'}
          </Button>
          {selection && <Button onClick={clear}>Clear the hub selection</Button>}
        </Stack>
        {selection && answer && (
          <Typography variant="body2" role="status">
            {hubAnswerWords(answer)} Shown below: those of them in this export ({selection.label}).
          </Typography>
        )}
        {failure !== null && <FailureLine lead="The hub could not select" error={failure} />}
      </Stack>
    </Paper>
  );
}
