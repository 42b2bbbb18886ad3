import { useEffect, useState } from 'react';
import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import type { ColumnMapping } from '../../../../core/convert/types';
import { ErrorPanel } from '../../../components/error-panel';
import { clearPendingImport, peekPendingImport } from '../../../lib/pending-import';
import { buildCreateImportRequest } from '../model/build-create-import-request';
import { useConversion } from '../hooks/use-conversion';
import { useUploadAndStart } from '../hooks/use-upload-and-start';
import { useRegistryPlan, type RegistryPlanState } from '../hooks/use-registry-plan';
import { plannedUpload } from '../model/planned-upload';
import { hubNameOf, useHubInfo } from '../../../lib/use-hub-info';
import { RegistryPlanPanel } from './registry-plan-panel';
import { ConversionProgress } from './conversion-progress';
import { DropZone } from './drop-zone';
import { MappingStep } from './mapping-step';
import { OptionsStep } from './options-step';
import type { WizardOptions } from './options-step';
import { PreviewPanel } from './preview-panel';
import { ReviewStep } from './review-step';
import { UploadSection } from './upload-section';

// Mapping edits arrive per keystroke/selection; wait briefly so a burst of edits runs one
// conversion.
const RECONVERT_DELAY_MS = 150;

/** Why the upload cannot go yet because of the plan, in words; null when it can. */
function planGateOf(state: RegistryPlanState, skipped: boolean): string | null {
  if (state.phase === 'planned') return null;
  if (state.phase === 'reading' || state.phase === 'idle')
    return 'Waiting for the plan: the devices are being read from the hub.';
  if (skipped) return null;
  return 'There is no plan. Tick “Upload without a plan” in the plan below to import anyway, without undo.';
}

export function ImportWizard() {
  const [pending] = useState(peekPendingImport);
  useEffect(() => clearPendingImport(), []);
  const [file, setFile] = useState<File | null>(pending?.file ?? null);
  const [options, setOptions] = useState<WizardOptions>({
    defaultMode: pending?.suggestedMode ?? 'createOrUpdate',
    defaultStatus: 'enabled',
    keyPolicy: 'hub-generates',
    oneKeyFix: 'refuse',
    trimIds: false,
  });
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [excludeInvalid, setExcludeInvalid] = useState(false);
  const conversion = useConversion();
  const upload = useUploadAndStart();
  const { start: startConversion } = conversion;
  const hub = useHubInfo();
  const hubName = hub.data ? hubNameOf(hub.data.hostName) : null;

  // Invalid rows are always left out of the output so the preview and counts exist; whether they
  // may be left out of the import is the admin's explicit "Exclude invalid rows" choice below.
  useEffect(() => {
    if (!file) return undefined;
    const timer = setTimeout(
      () => startConversion(file, { format: 'auto', ...options, mapping, skipInvalid: true }),
      RECONVERT_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [file, options, mapping, startConversion]);

  const chooseFile = (next: File) => {
    setFile(next);
    setMapping(undefined);
    setExcludeInvalid(false);
  };

  const locked = upload.state.phase !== 'idle' && upload.state.phase !== 'failed';
  const state = conversion.state;
  const outcome = state.phase === 'done' ? state.outcome : null;
  const plannable =
    outcome && !outcome.report.fileError && outcome.report.valid > 0 ? outcome.output : null;
  const registryPlan = useRegistryPlan(plannable, outcome?.report.valid ?? 0);
  const [planSkipped, setPlanSkipped] = useState(false);
  // A skip is said for one file's outcome: a new conversion asks again.
  useEffect(() => setPlanSkipped(false), [plannable]);
  const plan = registryPlan.state.phase === 'planned' ? registryPlan.state.plan : null;

  // Wide screens: the steps on the left, the plan and Upload on the right, kept in view while the
  // admin changes the mapping or the mode (the one long form had put Upload two screens
  // away). Narrow screens: one column, in the same order.
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 3,
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(380px, 440px)' },
        alignItems: 'start',
      }}
    >
      <Stack spacing={3} useFlexGap sx={{ minWidth: 0 }}>
        {pending && <Alert severity="info">{pending.reason}</Alert>}
        <Paper component="section" variant="outlined" aria-labelledby="file-heading" sx={{ p: 3 }}>
          <Typography id="file-heading" component="h2" variant="h6" sx={{ mb: 2 }}>
            File
          </Typography>
          <DropZone file={file} onFile={chooseFile} disabled={locked} />
          <Stack spacing={2} sx={{ mt: 2 }}>
            {state.phase === 'running' && (
              <ConversionProgress
                progress={state.progress}
                startedAt={state.startedAt}
                onCancel={conversion.cancel}
              />
            )}
            {state.phase === 'cancelled' && (
              <Alert severity="info">
                Conversion cancelled. Drop the file again or change an option to restart it.
              </Alert>
            )}
            {state.phase === 'failed' && (
              <ErrorPanel
                error={state.error}
                context="Reading the file"
                onRetry={
                  file
                    ? () =>
                        startConversion(file, {
                          format: 'auto',
                          ...options,
                          mapping,
                          skipInvalid: true,
                        })
                    : undefined
                }
              />
            )}
          </Stack>
        </Paper>
        {/* One element whose place changes by CSS order only: it moves below the data once the
            file is read (the mode is chosen after the data is seen) without being remounted, so a
            menu the admin has open stays open. */}
        <Box sx={{ order: outcome ? 1 : 0 }}>
          <OptionsStep value={options} onChange={setOptions} disabled={locked} />
        </Box>
        {outcome && (
          <>
            {!outcome.report.fileError && (
              <>
                <MappingStep
                  columns={outcome.report.columns}
                  problems={outcome.report.mappingProblems}
                  mapping={mapping}
                  onChange={setMapping}
                  disabled={locked}
                />
                <PreviewPanel output={outcome.output} validCount={outcome.report.valid} />
              </>
            )}
            <ReviewStep
              report={outcome.report}
              keysCsv={outcome.keysCsv}
              excludeInvalid={excludeInvalid}
              onExcludeInvalid={setExcludeInvalid}
              keysSettledByPlan={plan !== null && plan.keysRotated === 0}
            />
          </>
        )}
      </Stack>
      {outcome && (
        <Stack
          spacing={3}
          sx={{
            minWidth: 0,
            position: { lg: 'sticky' },
            top: { lg: 88 },
            maxHeight: { lg: 'calc(100vh - 104px)' },
            overflowY: { lg: 'auto' },
          }}
        >
          {file && (
            <UploadSection
              report={outcome.report}
              excludeInvalid={excludeInvalid}
              plan={plan}
              planGate={plannable ? planGateOf(registryPlan.state, planSkipped) : null}
              state={upload.state}
              checksumProgress={conversion.checksumProgress}
              onUpload={() =>
                void (() => {
                  const request = outcome.checksums.then((checksums) =>
                    buildCreateImportRequest(file, { ...outcome, ...checksums }),
                  );
                  if (!plan)
                    return upload.run({ request, converted: outcome.output, source: file });
                  const planned = plannedUpload(plan);
                  return upload.run({
                    request: request.then(planned.request),
                    converted: planned.converted,
                    source: file,
                    ...(planned.backup ? { backup: planned.backup } : {}),
                  });
                })()
              }
              onStart={(operationId) => void upload.start(operationId)}
              onCancelUpload={upload.cancelUpload}
              onAutoStart={upload.setAutoStart}
            />
          )}
          {plannable && (
            <RegistryPlanPanel
              state={registryPlan.state}
              hubName={hubName}
              skipped={planSkipped}
              onSkip={setPlanSkipped}
              onRetry={registryPlan.retry}
            />
          )}
        </Stack>
      )}
    </Box>
  );
}
