import { useState } from 'react';
import { MenuItem, Stack, TableCell, TableRow, TextField } from '@mui/material';
import type { ColumnInfo, MappingProblem, MappingTarget } from '../../../../core/convert/types';
import { KEY_MASK } from '../../../../core/model/key-mask';

const FIXED_TARGETS: readonly MappingTarget[] = [
  'id',
  'moduleId',
  'importMode',
  'status',
  'statusReason',
  'authType',
  'primaryKey',
  'secondaryKey',
  'primaryThumbprint',
  'secondaryThumbprint',
  'eTag',
  'twinETag',
  'tags',
  'desired',
  'iotEdge',
  'deviceScope',
  'parentScopes',
];

const TWIN_ROOTS = ['tags', 'properties.desired'] as const;
type TwinRoot = (typeof TWIN_ROOTS)[number];

const KEY_TARGETS: ReadonlySet<MappingTarget | null> = new Set(['primaryKey', 'secondaryKey']);

function splitTwinTarget(target: MappingTarget): { root: TwinRoot; name: string } | null {
  for (const root of TWIN_ROOTS)
    if (target.startsWith(`${root}.`)) return { root, name: target.slice(root.length + 1) };
  return null;
}

// The hub refuses spaces in twin keys (docs/reference/hub-wire-contract.md#limits): the name
// offered for a column header like "floor level" is "floor_level"; the admin can type any other.
const suggestedName = (column: string): string => column.trim().replace(/\s+/g, '_');

function choicesFor(column: ColumnInfo, current: MappingTarget): string[] {
  const twin = splitTwinTarget(current);
  const name = twin?.name ?? suggestedName(column.column);
  const choices = new Set<string>(['ignore', ...FIXED_TARGETS]);
  for (const root of TWIN_ROOTS) choices.add(`${root}.${name}`);
  if (column.detected) choices.add(column.detected);
  choices.add(current);
  return [...choices];
}

interface MappingRowProps {
  column: ColumnInfo;
  current: MappingTarget;
  problem: MappingProblem | undefined;
  showKeys: boolean;
  disabled: boolean;
  onChange: (target: MappingTarget) => void;
}

export function MappingRow({
  column,
  current,
  problem,
  showKeys,
  disabled,
  onChange,
}: MappingRowProps) {
  const twin = splitTwinTarget(current);
  const isKey = KEY_TARGETS.has(current) || KEY_TARGETS.has(column.detected);
  const samples =
    isKey && !showKeys ? column.samples.map(() => KEY_MASK) : column.samples.slice(0, 3);
  return (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ wordBreak: 'break-word' }}>
        <code>{column.column}</code>
      </TableCell>
      <TableCell sx={{ minWidth: 200 }}>
        <Stack spacing={1}>
          <TextField
            select
            size="small"
            fullWidth
            disabled={disabled}
            value={current}
            label={`Field for ${column.column}`}
            onChange={(event) => onChange(event.target.value as MappingTarget)}
            error={problem !== undefined && twin === null}
          >
            {choicesFor(column, current).map((target) => (
              <MenuItem key={target} value={target}>
                {target}
              </MenuItem>
            ))}
          </TextField>
          {twin && (
            <TwinNameField
              key={current}
              column={column.column}
              root={twin.root}
              name={twin.name}
              problem={problem}
              disabled={disabled}
              onCommit={(name) => onChange(`${twin.root}.${name}` as MappingTarget)}
            />
          )}
        </Stack>
      </TableCell>
      <TableCell sx={{ maxWidth: 320, wordBreak: 'break-word' }}>
        {samples.join(', ') || '(empty)'}
      </TableCell>
    </TableRow>
  );
}

interface TwinNameFieldProps {
  column: string;
  root: TwinRoot;
  name: string;
  problem: MappingProblem | undefined;
  disabled: boolean;
  onCommit: (name: string) => void;
}

// Commits on blur or Enter, not per keystroke: each commit re-checks the whole file.
function TwinNameField({ column, root, name, problem, disabled, onCommit }: TwinNameFieldProps) {
  const [draft, setDraft] = useState(name);
  const commit = () => {
    const trimmed = draft.trim();
    if (trimmed !== '' && trimmed !== name) onCommit(trimmed);
  };
  return (
    <TextField
      size="small"
      fullWidth
      disabled={disabled}
      label={`${root === 'tags' ? 'Tag' : 'Desired property'} name for ${column}`}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
      error={problem !== undefined}
      helperText={problem?.message ?? 'Dots nest the value: a.b is {"a":{"b":…}}.'}
    />
  );
}
