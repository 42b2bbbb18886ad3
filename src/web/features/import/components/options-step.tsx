import { memo } from 'react';
import {
  Box,
  Checkbox,
  Chip,
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { DeviceStatus } from '../../../../core/model/export-import-device';
import type { ImportMode } from '../../../../core/model/import-mode';
import type { KeyPolicy, OneKeyFix } from '../../../../core/convert/types';
import { describeImportMode, IMPORT_MODE_DESCRIPTIONS } from '../model/import-mode-descriptions';
import type { RelevantOptions } from '../model/options-for-mode';

export interface WizardOptions {
  defaultMode: ImportMode;
  defaultStatus: DeviceStatus;
  keyPolicy: KeyPolicy;
  oneKeyFix: OneKeyFix;
  trimIds: boolean;
}

const ONE_KEY_HELP: Record<OneKeyFix, string> = {
  refuse:
    'Rows with only a primary or only a secondary key are refused: the hub needs both or neither.',
  'generate-other':
    'The missing key is generated in this browser and offered once, with the other keys, as a file.',
  'hub-generates-both':
    'The key in the file is not used; the hub generates both keys for such rows.',
};

interface OptionsStepProps {
  value: WizardOptions;
  onChange: (value: WizardOptions) => void;
  /** Options the mode does not use are hidden (docs/import-wizard.md, "Options follow the mode"). */
  relevant: RelevantOptions;
  disabled?: boolean;
}

function hiddenOptionsNote(mode: ImportMode): string {
  return mode === 'delete' || mode === 'deleteIfMatchETag'
    ? 'A delete needs only the ids: status and key options do not apply.'
    : `${mode} changes only tags and desired properties: status and key options do not apply.`;
}

/** Defaults for rows that do not say it themselves: a row's own importMode/status column wins. */
// Memoised: the wizard re-renders on every upload progress event, and this section does not change
// then.
export const OptionsStep = memo(function OptionsStep({
  value,
  onChange,
  relevant,
  disabled = false,
}: OptionsStepProps) {
  const modeInfo = IMPORT_MODE_DESCRIPTIONS.find((entry) => entry.mode === value.defaultMode);
  return (
    <Paper component="section" variant="outlined" aria-labelledby="options-heading" sx={{ p: 3 }}>
      <Typography id="options-heading" component="h2" variant="h6" sx={{ mb: 2 }}>
        Options
      </Typography>
      <Stack spacing={3}>
        <Box>
          <TextField
            select
            fullWidth
            disabled={disabled}
            label="Default import mode"
            value={value.defaultMode}
            onChange={(event) =>
              onChange({ ...value, defaultMode: event.target.value as ImportMode })
            }
            helperText={`${describeImportMode(value.defaultMode)}${modeInfo?.destructive ? ' Destructive: review the warning before you upload.' : ''}`}
            slotProps={{ select: { renderValue: (mode) => String(mode) } }}
          >
            {IMPORT_MODE_DESCRIPTIONS.map((entry) => (
              <MenuItem
                key={entry.mode}
                value={entry.mode}
                sx={{ whiteSpace: 'normal', alignItems: 'flex-start' }}
              >
                <Box>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <Typography component="span" sx={{ fontWeight: 600 }}>
                      {entry.mode}
                    </Typography>
                    {entry.destructive && <Chip size="small" color="warning" label="destructive" />}
                  </Stack>
                  <Typography
                    component="span"
                    variant="body2"
                    color="text.secondary"
                    sx={{ display: 'block', maxWidth: 560 }}
                  >
                    {entry.description}
                  </Typography>
                </Box>
              </MenuItem>
            ))}
          </TextField>
        </Box>
        {!relevant.status && !relevant.keys && (
          <Typography variant="body2" color="text.secondary">
            {hiddenOptionsNote(value.defaultMode)}
          </Typography>
        )}
        {relevant.status && (
          <TextField
            select
            disabled={disabled}
            label="Default status"
            value={value.defaultStatus}
            onChange={(event) =>
              onChange({ ...value, defaultStatus: event.target.value as DeviceStatus })
            }
            sx={{ maxWidth: 260 }}
            helperText="For rows without a status column value."
          >
            <MenuItem value="enabled">enabled</MenuItem>
            <MenuItem value="disabled">disabled</MenuItem>
          </TextField>
        )}
        {relevant.keys && (
          <>
            <FormControl disabled={disabled}>
              <FormLabel id="key-policy-label">Keys for SAS devices without keys</FormLabel>
              <RadioGroup
                aria-labelledby="key-policy-label"
                value={value.keyPolicy}
                onChange={(event) =>
                  onChange({ ...value, keyPolicy: event.target.value as KeyPolicy })
                }
              >
                <FormControlLabel
                  value="hub-generates"
                  control={<Radio />}
                  label="Hub generates keys"
                />
                <FormControlLabel
                  value="generate-here"
                  control={<Radio />}
                  label="Generate keys here"
                />
              </RadioGroup>
              <Typography variant="body2" color="text.secondary">
                {value.keyPolicy === 'generate-here'
                  ? 'Keys are generated in this browser; you can download them as a file after the check. Keep that file safe.'
                  : 'The hub creates the keys; read them later from the hub or an export with keys.'}
              </Typography>
            </FormControl>
            <FormControl disabled={disabled}>
              <FormLabel id="one-key-label">Rows with only one key</FormLabel>
              <RadioGroup
                aria-labelledby="one-key-label"
                value={value.oneKeyFix}
                onChange={(event) =>
                  onChange({ ...value, oneKeyFix: event.target.value as OneKeyFix })
                }
              >
                <FormControlLabel value="refuse" control={<Radio />} label="Refuse them" />
                <FormControlLabel
                  value="generate-other"
                  control={<Radio />}
                  label="Generate the missing key here"
                />
                <FormControlLabel
                  value="hub-generates-both"
                  control={<Radio />}
                  label="Let the hub generate both keys"
                />
              </RadioGroup>
              <Typography variant="body2" color="text.secondary">
                {ONE_KEY_HELP[value.oneKeyFix]}
              </Typography>
            </FormControl>
          </>
        )}
        <FormControlLabel
          disabled={disabled}
          control={
            <Checkbox
              checked={value.trimIds}
              onChange={(event) => onChange({ ...value, trimIds: event.target.checked })}
            />
          }
          label="Trim spaces around ids"
        />
      </Stack>
    </Paper>
  );
});
