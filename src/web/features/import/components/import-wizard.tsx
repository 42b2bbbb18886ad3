import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Alert, Box, Link, Paper, Stack, Typography } from '@mui/material';
import type { ColumnMapping, ConvertOptions } from '../../../../core/convert/types';
import { ErrorPanel } from '../../../components/error-panel';
import { FileDropZone } from '../../../components/file-drop-zone';
import { readImportHandoff } from '../../../lib/import-handoff';
import { useHubDeviceCap } from '../api/use-hub-device-cap';
import { buildCreateImportRequest } from '../model/build-create-import-request';
import { useConversion } from '../hooks/use-conversion';
import { useUploadAndStart } from '../hooks/use-upload-and-start';
import { isSkippable, useRegistryPlan, type RegistryPlanState } from '../hooks/use-registry-plan';
import { useShownPlan } from '../hooks/use-shown-plan';
import { plannedUpload } from '../model/planned-upload';
import { relevantOptionsFor, withHiddenOptionsNeutral } from '../model/options-for-mode';
import { hubNameOf, useHubInfo } from '../../../lib/use-hub-info';
import { RegistryPlanPanel } from './registry-plan-panel';
import { ConversionProgress } from './conversion-progress';
import { MappingStep } from './mapping-step';
import { OptionsStep } from './options-step';
import type { WizardOptions } from './options-step';
import { PreviewPanel } from './preview-panel';
import { ReviewStep } from './review-step';
import { UpdatingNotice } from './updating-notice';
import { UploadSection } from './upload-section';
import type { ChunkChoice } from '../../../components/chunk-options';

// Mapping edits arrive per keystroke/selection; wait briefly so a burst of edits runs one
// conversion.
const RECONVERT_DELAY_MS = 150;
const DEVICE_LIST_ACCEPT = '.csv,.json,.ndjson,.txt,text/csv,application/json';

/** Why the upload cannot go yet because of the plan, in words; null when it can. */
function planGateOf(state: RegistryPlanState, skipped: boolean): string | null {
  if (state.phase === 'planned') return null;
  if (skipped && isSkippable(state)) return null;
  if (state.phase !== 'failed' && state.phase !== 'needs-export')
    return 'Waiting for the plan: the registry is being read from the hub.';
  return 'There is no plan. Tick “Upload without a plan” in the plan below to import anyway, without undo.';
}

export function ImportWizard() {
  const location = useLocation();
  const navigate = useNavigate();
  const [pending] = useState(() => readImportHandoff(location.state));
  // The wizard holds the file from here on; the history entry lets go of it (docs/architecture.md,
  // "Hand-offs between features").
  useEffect(() => {
    if (readImportHandoff(location.state) !== null)
      void navigate(location.pathname + location.search, { replace: true, state: null });
  }, [location, navigate]);
  const [file, setFile] = useState<File | null>(pending?.file ?? null);
  const [options, setOptions] = useState<WizardOptions>({
    // Never a mode that changes an existing device unless the admin picks it (docs/import-wizard.md).
    defaultMode: pending?.suggestedMode ?? 'create',
    defaultStatus: 'enabled',
    keyPolicy: 'hub-generates',
    oneKeyFix: 'refuse',
    trimIds: false,
  });
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [excludeInvalid, setExcludeInvalid] = useState(false);
  const conversion = useConversion();
  const upload = useUploadAndStart();
  const [chunks, setChunks] = useState<ChunkChoice | null>(null);
  const { start: startConversion } = conversion;
  const hub = useHubInfo();
  const hubName = hub.data ? hubNameOf(hub.data.hostName) : null;

  const state = conversion.state;
  // While the same file is read again after a change, the last outcome stays on screen.
  const outcome =
    state.phase === 'done' ? state.outcome : state.phase === 'running' ? state.previous : null;
  const rowsNameTheirMode =
    outcome?.report.columns.some((c) => (c.effective ?? c.detected) === 'importMode') ?? false;
  // Memoised: the options step is, and re-renders on every upload progress event otherwise.
  const relevant = useMemo(
    () => relevantOptionsFor(options.defaultMode, rowsNameTheirMode),
    [options.defaultMode, rowsNameTheirMode],
  );
  // Invalid rows are always left out of the output so the preview and counts exist; whether they
  // may be left out of the import is the admin's explicit "Exclude invalid rows" choice below.
  const request: ConvertOptions = {
    format: 'auto',
    ...withHiddenOptionsNeutral(options, relevant),
    mapping,
    skipInvalid: true,
  };
  const requestKey = JSON.stringify(request);
  // What the last conversion was started with: an option hidden or shown again without changing
  // what the file gets (a neutral value either way) starts no second conversion.
  const startedRef = useRef<{ file: File; key: string } | null>(null);
  useEffect(() => {
    if (!file) return undefined;
    const last = startedRef.current;
    if (last && last.file === file && last.key === requestKey) return undefined;
    const timer = setTimeout(() => {
      startedRef.current = { file, key: requestKey };
      startConversion(file, JSON.parse(requestKey) as ConvertOptions);
    }, RECONVERT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [file, requestKey, startConversion]);

  const chooseFile = (next: File) => {
    setFile(next);
    setMapping(undefined);
    setExcludeInvalid(false);
  };

  const locked = upload.state.phase !== 'idle' && upload.state.phase !== 'failed';
  const plannable =
    outcome && !outcome.report.fileError && outcome.report.valid > 0 ? outcome.output : null;
  const hubDevices = hub.data?.statistics.totalDeviceCount ?? null;
  const deviceCap = useHubDeviceCap();
  const registryPlan = useRegistryPlan(
    plannable,
    outcome?.report.valid ?? 0,
    hubDevices,
    deviceCap,
  );
  const [planSkipped, setPlanSkipped] = useState(false);
  // A skip is said for one file's outcome: a new conversion asks again.
  useEffect(() => setPlanSkipped(false), [plannable]);
  const { state: planState, updating: planUpdating } = useShownPlan(
    file,
    plannable,
    registryPlan.state,
  );
  const plan = planState.phase === 'planned' ? planState.plan : null;
  // Updating from the change itself, not only once the delayed conversion starts, to the new plan:
  // Upload must not send the old outcome, or a plan of it, in between.
  const updating =
    (outcome !== null &&
      (state.phase === 'running' ||
        (state.phase === 'done' && JSON.stringify(state.options) !== requestKey))) ||
    planUpdating;

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
          <FileDropZone
            file={file}
            onFile={chooseFile}
            disabled={locked}
            inputLabel="Device list file"
            prompt="Drop a CSV, JSON, NDJSON or TXT device list here, or"
            accept={DEVICE_LIST_ACCEPT}
          >
            <Link href="/device-template.csv" download="device-template.csv">
              Download template CSV
            </Link>
          </FileDropZone>
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
                onRetry={file ? () => startConversion(file, request) : undefined}
              />
            )}
          </Stack>
        </Paper>
        {/* One element whose place changes by CSS order only: it moves below the data once the
            file is read (the mode is chosen after the data is seen) without being remounted, so a
            menu the admin has open stays open. */}
        <Box sx={{ order: outcome ? 1 : 0 }}>
          <OptionsStep
            value={options}
            onChange={setOptions}
            relevant={relevant}
            disabled={locked}
          />
        </Box>
        {outcome && (
          <Stack spacing={3} useFlexGap aria-busy={updating} sx={{ minWidth: 0 }}>
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
          </Stack>
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
          {updating && <UpdatingNotice />}
          {file && (
            <UploadSection
              updating={updating}
              report={outcome.report}
              excludeInvalid={excludeInvalid}
              plan={plan}
              planGate={plannable ? planGateOf(planState, planSkipped) : null}
              state={upload.state}
              checksumProgress={conversion.checksumProgress}
              onUpload={() =>
                void (() => {
                  // Only the handed-off file itself: a file dropped over it is the admin's own.
                  const newKeysInside = pending?.newKeysInside === true && file === pending.file;
                  const request = outcome.checksums.then((checksums) => ({
                    ...buildCreateImportRequest(file, { ...outcome, ...checksums }),
                    ...(newKeysInside ? { newKeysInside: true as const } : {}),
                  }));
                  if (!plan)
                    return upload.run({
                      request,
                      converted: outcome.output,
                      source: file,
                      ...(chunks ? { chunks } : {}),
                    });
                  const planned = plannedUpload(plan);
                  return upload.run({
                    request: request.then(planned.request),
                    converted: planned.converted,
                    source: file,
                    ...(planned.backup ? { backup: planned.backup } : {}),
                    ...(chunks ? { chunks } : {}),
                  });
                })()
              }
              onStart={(operationId) => void upload.start(operationId)}
              onQueue={(operationId) => void upload.queue(operationId)}
              onCancelUpload={upload.cancelUpload}
              onAutoStart={upload.setAutoStart}
              chunks={chunks}
              onChunksChange={setChunks}
            />
          )}
          {plannable && (
            <RegistryPlanPanel
              state={planState}
              hubName={hubName}
              hubDevices={hubDevices}
              skipped={planSkipped}
              onSkip={setPlanSkipped}
              onRetry={registryPlan.retry}
              onTakeExport={registryPlan.takeFreshExport}
              rotateKeys={registryPlan.rotateKeys}
              onRotateKeys={registryPlan.setRotateKeys}
            />
          )}
        </Stack>
      )}
    </Box>
  );
}
