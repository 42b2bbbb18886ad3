import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  Button,
  FormControl,
  FormControlLabel,
  FormLabel,
  LinearProgress,
  MenuItem,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { FailureLine } from '../../../components/failure-line';
import { formatCount } from '../../../lib/format';
import { handOffToImport, IMPORT_WIZARD_PATH } from '../../../lib/import-handoff';
import { previewIds } from '../../../../core/bulk/generate-devices';
import { buildGeneratedFile, generatedReason } from '../model/build-generated-file';
import { DEFAULT_GENERATE_FORM, problemOf, readGenerateForm } from '../model/generate-form';
import type { GenerateForm } from '../model/generate-form';
import { NameValueRows } from './name-value-rows';

const PREVIEW_COUNT = 3;
const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));

export function GenerateDevicesForm() {
  const navigate = useNavigate();
  const [form, setForm] = useState<GenerateForm>(DEFAULT_GENERATE_FORM);
  const [written, setWritten] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const { spec, problems } = useMemo(() => readGenerateForm(form), [form]);
  const set = <K extends keyof GenerateForm>(key: K, value: GenerateForm[K]) =>
    setForm((old) => ({ ...old, [key]: value }));
  const patternProblem = problemOf(problems, 'pattern');
  const preview = patternProblem === undefined ? previewIds(spec, PREVIEW_COUNT) : [];
  const building = written !== null;

  const continueToImport = async () => {
    setFailure(null);
    setWritten(0);
    try {
      const file = await buildGeneratedFile(spec, { randomBytes, onProgress: setWritten });
      void navigate(
        IMPORT_WIZARD_PATH,
        handOffToImport({ file, suggestedMode: spec.mode, reason: generatedReason(spec) }),
      );
    } catch (error) {
      setFailure(error);
      setWritten(null);
    }
  };

  return (
    <Paper
      component="form"
      variant="outlined"
      aria-label="Test devices"
      sx={{ p: { xs: 2, sm: 3 }, maxWidth: 760 }}
      onSubmit={(event) => {
        event.preventDefault();
        if (problems.length === 0 && !building) void continueToImport();
      }}
    >
      <Stack spacing={3}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            label="Number of devices"
            value={form.count}
            onChange={(e) => set('count', e.target.value)}
            error={problemOf(problems, 'count') !== undefined}
            helperText={problemOf(problems, 'count') ?? 'Up to 1,000,000 in one import.'}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            sx={{ flex: 1 }}
          />
          <TextField
            label="First number"
            value={form.start}
            onChange={(e) => set('start', e.target.value)}
            error={problemOf(problems, 'start') !== undefined}
            helperText={problemOf(problems, 'start') ?? 'The counter starts here.'}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            sx={{ flex: 1 }}
          />
        </Stack>
        <TextField
          label="Id pattern"
          value={form.pattern}
          onChange={(e) => set('pattern', e.target.value)}
          error={patternProblem !== undefined}
          helperText={patternProblem ?? 'One counter: {n}, or {n:6} for six zero-padded digits.'}
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
        <Typography variant="body2" aria-live="polite" sx={{ overflowWrap: 'anywhere' }}>
          {preview.length > 0
            ? `First ids: ${preview.join(', ')}${spec.count > preview.length ? ', ...' : ''}`
            : 'No preview until the pattern is valid.'}
        </Typography>
        <FormControl>
          <FormLabel id="keys-label">Keys</FormLabel>
          <RadioGroup
            aria-labelledby="keys-label"
            value={form.keys}
            onChange={(e) => set('keys', e.target.value as GenerateForm['keys'])}
          >
            <FormControlLabel
              value="hub"
              control={<Radio />}
              label="Let the hub create them (no key in any file)"
            />
            <FormControlLabel
              value="here"
              control={<Radio />}
              label="Generate here (two random keys per device, written into the file)"
            />
          </RadioGroup>
        </FormControl>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            select
            label="Status"
            value={form.status}
            onChange={(e) => set('status', e.target.value as GenerateForm['status'])}
            sx={{ flex: 1 }}
          >
            <MenuItem value="enabled">Enabled</MenuItem>
            <MenuItem value="disabled">Disabled</MenuItem>
          </TextField>
          <TextField
            select
            label="Import mode"
            value={form.mode}
            onChange={(e) => set('mode', e.target.value as GenerateForm['mode'])}
            helperText={
              form.mode === 'create'
                ? 'An id that already exists is refused and left as it is.'
                : 'An existing device with the same id is replaced.'
            }
            sx={{ flex: 1 }}
          >
            <MenuItem value="create">create</MenuItem>
            <MenuItem value="createOrUpdate">createOrUpdate</MenuItem>
          </TextField>
        </Stack>
        <NameValueRows
          label="Tags"
          one="Tag"
          rows={form.tags}
          onChange={(rows) => set('tags', rows)}
          problem={problemOf(problems, 'tags')}
        />
        <NameValueRows
          label="Desired properties"
          one="Desired property"
          rows={form.desired}
          onChange={(rows) => set('desired', rows)}
          problem={problemOf(problems, 'desired')}
        />
        {written !== null && (
          <Stack spacing={0.5}>
            <LinearProgress
              variant="determinate"
              value={spec.count > 0 ? (100 * written) / spec.count : 0}
              aria-label="Writing the import file"
            />
            <Typography variant="body2">
              Writing the file: {formatCount(written)} of {formatCount(spec.count)} lines
            </Typography>
          </Stack>
        )}
        {failure !== null && <FailureLine lead="The file could not be written" error={failure} />}
        <div>
          <Button type="submit" variant="contained" disabled={problems.length > 0 || building}>
            Continue to import
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
