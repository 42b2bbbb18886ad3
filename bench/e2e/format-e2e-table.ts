import os from 'node:os';

interface Summary {
  rows: number;
  csvBytes: number;
  refusedRows: number;
  rounds: number;
  loadAverageAtEnd: number[];
  phasesS: Record<string, number>;
  floorsS: Record<string, number>;
  ratios: Record<string, number>;
  rendererPeakMb: number;
  aimMet: boolean;
}

const PHASES: [key: string, label: string, floor?: [key: string, ratio: string, label: string]][] =
  [
    [
      'conversionS',
      'conversion',
      ['papaparseS', 'conversionToPapaparse', 'papaparse parse (Node)'],
    ],
    ['checksumsS', 'checksums (wait after the click)'],
    ['createS', 'create the import'],
    ['uploadS', 'upload to Azurite', ['uploadS', 'uploadToNodeUpload', 'Node uploadFile']],
    ['queueToStartS', 'queue to start'],
    ['importS', 'import (emulator)', ['bareInsertS', 'importToBareInsert', 'bare SQLite insert']],
    ['errorsCountS', 'errors counted'],
    ['errorsReadS', 'errors read back'],
    ['dropToJobStartedS', '**drop to job started**'],
    ['dropToCompletedS', 'drop to completed'],
    ['dropToErrorsReadS', 'drop to errors read'],
  ];

/** The Markdown table bench/results/e2e.md holds: medians, each phase beside its floor. */
export function formatE2eTable(s: Summary): string {
  const lines = [
    `# e2e bench: ${s.rows.toLocaleString('en')} rows (${(s.csvBytes / 1e6).toFixed(1)} MB CSV)`,
    '',
    `Medians of ${s.rounds} round(s); ${os.cpus().length} cores, Node ${process.version}, load average` +
      ` at the end ${s.loadAverageAtEnd.join(' / ')}; ${s.refusedRows} rows refused by the hub.`,
    '',
    '| phase | seconds | floor | floor s | ratio |',
    '|---|---:|---|---:|---:|',
  ];
  for (const [key, label, floor] of PHASES) {
    const seconds = s.phasesS[key]?.toFixed(2) ?? '';
    if (!floor) lines.push(`| ${label} | ${seconds} | | | |`);
    else
      lines.push(
        `| ${label} | ${seconds} | ${floor[2]} | ${s.floorsS[floor[0]]?.toFixed(2)} | ${s.ratios[floor[1]]?.toFixed(2)} |`,
      );
  }
  lines.push(
    '',
    `Drop to job started / (papaparse + upload floors): **${s.ratios['dropToJobStartedToFloors']?.toFixed(2)}**` +
      ` (aim <= 1.5: ${s.aimMet ? 'met' : 'missed'}). Renderer peak: ${s.rendererPeakMb} MB.`,
    '',
  );
  return lines.join('\n');
}
