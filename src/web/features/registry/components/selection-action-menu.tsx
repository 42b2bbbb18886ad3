import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, ListItemText, Menu, MenuItem, Stack, Typography } from '@mui/material';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import { isKeyRegeneration } from '../../../../core/bulk/regenerate-keys';
import { FailureLine } from '../../../components/failure-line';
import { plural } from '../../../lib/format';
import { handOffToImport, IMPORT_WIZARD_PATH } from '../../../lib/import-handoff';
import type { ImportHandoff } from '../../../lib/import-handoff';
import type { BrowseClient } from '../../../workers/registry/browse-client';
import type { BrowseAction } from '../../../workers/registry/build-selection-import';
import type { RegistryFilter } from '../../../workers/registry/registry-filter';
import {
  ACTION_WORDS,
  leftOutWords,
  MENU_ACTIONS,
  newKeysWords,
  selectionActionReason,
  suggestedModeOf,
} from '../model/selection-action-words';
import { NewKeysDialog } from './new-keys-dialog';

/** A key regeneration waiting for its one download before it may go to the import wizard. */
interface PendingKeys {
  handoff: ImportHandoff;
  keys: Blob;
  devices: number;
  what: string;
}

interface SelectionActionMenuProps {
  client: BrowseClient | null;
  /** The query whose matches the action takes; every record when undefined (nothing filters). */
  queryId: number | undefined;
  filter: RegistryFilter;
  matches: number;
  snapshot: string;
  fileStem: string;
  disabled: boolean;
}

/**
 * Admins only: "Act on N devices" builds, in the worker, the import that applies one action to the
 * filter's matches, and hands it to the import wizard, which plans, confirms, backs up and offers
 * undo as for any file. Nothing changes on this page.
 */
export function SelectionActionMenu(props: SelectionActionMenuProps) {
  const { client, queryId, filter, matches, disabled } = props;
  const navigate = useNavigate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [nothing, setNothing] = useState<string | null>(null);
  const [pendingKeys, setPendingKeys] = useState<PendingKeys | null>(null);

  const run = async (action: BrowseAction) => {
    setAnchor(null);
    if (!client) return;
    setBusy(true);
    setFailure(null);
    setNothing(null);
    try {
      const built = await client.act(action, queryId);
      if (built.written === 0) {
        const why = leftOutWords(built.leftOut);
        setNothing(`${ACTION_WORDS[action].label}: nothing to do.${why ? ` ${why}.` : ''}`);
        return;
      }
      const file = new File([built.file], `${action}-${props.fileStem}.ndjson`, {
        type: 'application/x-ndjson',
      });
      const reason = selectionActionReason({ action, filter, snapshot: props.snapshot, ...built });
      const handoff: ImportHandoff = { file, suggestedMode: suggestedModeOf(action), reason };
      if (isKeyRegeneration(action) && built.newKeys) {
        setPendingKeys({
          handoff: { ...handoff, newKeysInside: true },
          keys: built.newKeys,
          devices: built.written,
          what: newKeysWords(action),
        });
        return;
      }
      void navigate(IMPORT_WIZARD_PATH, handOffToImport(handoff));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={0.5}>
      <Button
        variant="contained"
        endIcon={<ArrowDropDownIcon />}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-controls={anchor ? 'selection-action-menu' : undefined}
        disabled={disabled || busy || matches === 0}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {busy ? 'Preparing the import...' : `Act on ${plural(matches, 'device', 'devices')}`}
      </Button>
      <Menu
        id="selection-action-menu"
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
      >
        {MENU_ACTIONS.map((action) => (
          <MenuItem key={action} onClick={() => void run(action)}>
            <ListItemText
              primary={ACTION_WORDS[action].label}
              secondary={ACTION_WORDS[action].detail}
            />
          </MenuItem>
        ))}
      </Menu>
      {nothing !== null && (
        <Typography variant="body2" role="status">
          {nothing}
        </Typography>
      )}
      {failure !== null && <FailureLine lead="The import could not be prepared" error={failure} />}
      {pendingKeys && (
        <NewKeysDialog
          keys={pendingKeys.keys}
          fileName={`new-keys-${props.fileStem}.csv`}
          devices={pendingKeys.devices}
          what={pendingKeys.what}
          onCancel={() => setPendingKeys(null)}
          onContinue={() => {
            const { handoff } = pendingKeys;
            setPendingKeys(null);
            void navigate(IMPORT_WIZARD_PATH, handOffToImport(handoff));
          }}
        />
      )}
    </Stack>
  );
}
