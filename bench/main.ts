/**
 * The benchmark driver (run by scripts/bench.mjs after bundling): a fresh Node process per size and mode
 * (bench/run-size.ts), then the tables, the targets and the cost model, printed and written to bench/RESULTS.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ActionCost, ActionId } from './actions';
import { COST_MODEL, COST_SOURCES, estimate } from './cost-model';
import { SIZES, type SizeId } from './generate';

const ROOT = process.cwd();
const RUNNER = path.join(ROOT, 'bench/tmp/run-size.mjs');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const sizesArg = args.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length);
const SIZE_IDS: SizeId[] = sizesArg ? (sizesArg.split(',') as SizeId[]) : ['province', 'large', 'national'];
/** Repetitions of analyze() per size: enough for a stable median, within the 5-minute budget on 2 cores. */
const REPS: Record<SizeId, number> = quick ? { small: 3, province: 5, large: 3, national: 3 } : { small: 5, province: 11, large: 7, national: 3 };
const HEAP_MB: Record<SizeId, number> = { small: 512, province: 1024, large: 2048, national: 6144 };

interface CoreResult {
  size: SizeId;
  cadres: number;
  trips: number;
  bans: number;
  seededCells: number;
  issues: number;
  tripsCounted: number;
  planted: Record<string, number>;
  reps: number;
  firstAnalyzeMs: number;
  analyzeMs: number;
  analyzeMinMs: number;
  analyzeMaxMs: number;
  readMs: number;
  parseMs: number;
  evaluateMs: number;
  memory: { rssBeforeMb: number; peakRssMb: number; analyzeRaisedPeak: boolean; heapAfterAnalyzeMb: number; heapRetainedByAnalysisMb: number };
}

interface ActionsResult {
  size: SizeId;
  actions: ActionCost[];
  naive: ActionCost;
  gridCells: { total: number; byTab: Record<string, number> };
  peakRssMb: number;
}

function runChild<T>(mode: 'core' | 'actions', size: SizeId): T {
  const started = Date.now();
  const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB[size]}`, '--expose-gc', RUNNER, mode, size, String(REPS[size])], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (child.status !== 0 || !line) throw new Error(`${mode} ${size} failed (exit ${child.status}):\n${child.stderr}`);
  process.stderr.write(`  ${mode.padEnd(7)} ${size.padEnd(8)} ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as T;
}

// ---------------------------------------------------------------- formatting

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n >= 100 ? int(n) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
function dur(msValue: number): string {
  if (msValue < 1_000) return `${Math.round(msValue)} ms`;
  if (msValue < 120_000) return `${(msValue / 1000).toFixed(1)} s`;
  if (msValue < 7_200_000) return `${(msValue / 60_000).toFixed(1)} min`;
  return `${(msValue / 3_600_000).toFixed(1)} h`;
}
const mb = (n: number) => `${Math.round(n)} MB`;

function table(header: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const sep = header.map((_, i) => ((align?.[i] ?? 'r') === 'l' ? '---' : '---:'));
  return [header, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** Range reads and bulk writes: one per input tab and property, one per kind of output. Everything else is overhead. */
const DATA_METHODS = new Set([
  'Range.getValues', 'Range.getNotes', 'Range.getNumberFormats', 'Range.setValues', 'Range.setBackgrounds', 'Range.setNotes',
  'Range.setFontWeights', 'Range.setFontStyles', 'Range.setFontSizes', 'Range.setFontColors', 'Range.setHorizontalAlignments',
  'Range.setVerticalAlignments', 'Range.setWraps', 'Range.setNumberFormats',
]);
function dataCalls(c: ActionCost): number {
  return Object.entries(c.byMethod).reduce((n, [m, k]) => n + (DATA_METHODS.has(m) ? k : 0), 0);
}

const ACTION_LABELS: Record<ActionId, string> = {
  check: 'check (runCheck)',
  mau2: 'mẫu 2, all bans',
  mau3: 'mẫu 3, Q3, all bans',
  dashboard: 'dashboard',
  onEdit: 'onEdit, one trip row',
  naiveCheck: 'naive check (tutorial style)',
};

function actionRows(a: ActionsResult): string[][] {
  const rows = [...a.actions, a.naive].map((c) => {
    const e = estimate(c);
    return [
      ACTION_LABELS[c.action],
      int(c.spreadsheetCalls),
      int(c.totalCalls),
      int(dataCalls(c)),
      int(c.cellsRead),
      int(c.cellsWritten),
      `**${dur(e.central)}**`,
      `${dur(e.low)} – ${dur(e.high)}`,
    ];
  });
  const check = a.actions.find((c) => c.action === 'check')!;
  const ec = estimate(check);
  const en = estimate(a.naive);
  rows.push([
    '*naive ÷ batched check*',
    `×${(a.naive.spreadsheetCalls / check.spreadsheetCalls).toFixed(0)}`,
    `×${(a.naive.totalCalls / check.totalCalls).toFixed(0)}`,
    '',
    '',
    '',
    `**×${(en.central / ec.central).toFixed(1)}**`,
    `×${(en.low / ec.low).toFixed(1)} – ×${(en.high / ec.high).toFixed(1)}`,
  ]);
  return rows;
}

// ---------------------------------------------------------------- environment

function commit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${hash}+dirty` : hash;
  } catch {
    return 'unknown';
  }
}

function bundles(): { file: string; bytes: number; gzip: number }[] {
  const dir = path.join(ROOT, 'dist/gas');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.html'))
    .sort((a, b) => (a === 'Code.js' ? -1 : b === 'Code.js' ? 1 : a.localeCompare(b)))
    .map((file) => {
      const content = readFileSync(path.join(dir, file));
      return { file, bytes: statSync(path.join(dir, file)).size, gzip: gzipSync(content).length };
    });
}

// ---------------------------------------------------------------- run

const started = Date.now();
process.stderr.write(`Benchmarking ${SIZE_IDS.join(', ')}${quick ? ' (quick)' : ''}: one fresh process per size and mode.\n`);
const core = new Map<SizeId, CoreResult>();
const acts = new Map<SizeId, ActionsResult>();
for (const size of SIZE_IDS) {
  core.set(size, runChild<CoreResult>('core', size));
  acts.set(size, runChild<ActionsResult>('actions', size));
}
const files = bundles();
const elapsed = (Date.now() - started) / 1000;

const out: string[] = [];
const cpus = os.cpus();
out.push('# Benchmarks: province and national scale (issue 7)');
out.push('');
out.push('Written by `npm run bench` (scripts/bench.mjs → bench/main.ts); do not edit by hand.');
out.push('');
out.push(`- **Date:** ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · **commit:** \`${commit()}\``);
out.push(`- **Machine:** ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`);
out.push(`- **Run:** ${elapsed.toFixed(0)} s for the sizes below${quick ? ' (quick mode: fewer repetitions)' : ''}; every size and mode in a fresh process.`);
out.push('');

out.push('## Core evaluation in Node (analyze over the in-memory workbook)');
out.push('');
out.push(
  table(
    ['size', 'cadres', 'trips', 'bans', 'analyze, median (min–max)', 'runs', 'copy tabs', 'parse rows', 'evaluate', 'first run (cold)', 'peak RSS', 'heap kept by analysis'],
    SIZE_IDS.map((s) => {
      const c = core.get(s)!;
      return [
        SIZES[s].label,
        int(c.cadres),
        int(c.trips),
        int(c.bans),
        `**${ms(c.analyzeMs)} ms** (${ms(c.analyzeMinMs)}–${ms(c.analyzeMaxMs)})`,
        String(c.reps),
        `${ms(c.readMs)} ms`,
        `${ms(c.parseMs)} ms`,
        `${ms(c.evaluateMs)} ms`,
        `${ms(c.firstAnalyzeMs)} ms`,
        mb(c.memory.peakRssMb),
        mb(c.memory.heapRetainedByAnalysisMb),
      ];
    }),
    ['l'],
  ),
);
out.push('');
out.push('Peak RSS is the whole process (generated workbook, in-memory copy and analysis); "heap kept" is what one `Analysis` holds after a full GC. Phases are timed separately: copying the tabs out of the workbook, parsing rows (readRoster + readTrips), evaluating.');
out.push('');

for (const s of SIZE_IDS) {
  const a = acts.get(s)!;
  const c = core.get(s)!;
  out.push(`## ${SIZES[s].label}: ${int(c.cadres)} cadres, ${int(c.trips)} trips, ${int(c.bans)} bans`);
  out.push('');
  out.push(
    table(
      ['action (through SpreadsheetWorkbook over the fakes)', 'Sheets calls', 'all calls', 'data calls (floor)', 'cells read', 'cells written', 'est. Apps Script', 'low – high'],
      actionRows(a),
      ['l'],
    ),
  );
  out.push('');
  out.push(
    `Workbook grid after every action: ${int(a.gridCells.total)} cells (${Object.entries(a.gridCells.byTab)
      .map(([t, n]) => `${t} ${int(n)}`)
      .join(', ')}); Sheets' limit is 10,000,000. Planted mistakes: ${Object.values(c.planted).reduce((x, y) => x + y, 0)}; row issues reported: ${int(c.issues)}.`,
  );
  out.push('');
}

out.push('## Bundles (dist/gas, minified)');
out.push('');
out.push(table(['file', 'size', 'gzip'], files.map((f) => [f.file, `${(f.bytes / 1024).toFixed(1)} KB`, `${(f.gzip / 1024).toFixed(1)} KB`]), ['l']));
out.push('');

// ---------------------------------------------------------------- targets

const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');
const targets: string[][] = [];
const checkCalls = SIZE_IDS.map((s) => acts.get(s)!.actions.find((x) => x.action === 'check')!.spreadsheetCalls);
const callsBySize = (action: ActionId) => SIZE_IDS.map((s) => acts.get(s)!.actions.find((x) => x.action === action)?.spreadsheetCalls ?? 0);
const constantActions = (['check', 'mau2', 'mau3', 'dashboard', 'onEdit'] as const).map((id) => ({ id, calls: callsBySize(id) }));
targets.push([
  'Sheets calls per action constant in the number of rows',
  constantActions.map((x) => `${ACTION_LABELS[x.id]}: ${x.calls.join(' / ')}`).join('; '),
  verdict(constantActions.every((x) => Math.max(...x.calls) - Math.min(...x.calls) <= 20)),
]);
const overhead = SIZE_IDS.map((s) => {
  const c = acts.get(s)!.actions.find((x) => x.action === 'check')!;
  return `${c.spreadsheetCalls} calls, ${dataCalls(c)} of them data calls`;
});
targets.push(['check within a few calls of the floor', overhead.join(' / '), checkCalls.every((n) => n < 100) ? 'see below' : verdict(false)]);
const nat = core.get('national');
if (nat) {
  targets.push(['national core evaluation < 2 s', `median ${ms(nat.analyzeMs)} ms`, verdict(nat.analyzeMs < 2_000)]);
  targets.push(['national core evaluation < 500 MB', `peak RSS ${mb(nat.memory.peakRssMb)} (whole process)`, verdict(nat.memory.peakRssMb < 500)]);
}
const large = acts.get('large');
if (large) {
  const e = estimate(large.actions.find((x) => x.action === 'check')!);
  targets.push(['large province full check < 30 s in Apps Script', `${dur(e.central)} (range ${dur(e.low)} – ${dur(e.high)})`, verdict(e.central < 30_000)]);
}
const natActs = acts.get('national');
if (natActs) {
  const e = estimate(natActs.actions.find((x) => x.action === 'check')!);
  targets.push(['national full check < 6 min in Apps Script', `${dur(e.central)} (range ${dur(e.low)} – ${dur(e.high)})`, verdict(e.central < 360_000)]);
  targets.push(['national workbook under Sheets\' 10M cells', `${int(natActs.gridCells.total)} cells`, verdict(natActs.gridCells.total < 10_000_000)]);
  const edit = estimate(natActs.actions.find((x) => x.action === 'onEdit')!);
  targets.push(['onEdit (simple trigger) < 30 s, national (extra)', `${dur(edit.central)} Sheets + core evaluation ${nat ? `${ms(nat.analyzeMs)} ms` : '?'} in Node`, verdict(edit.central + (nat ? nat.analyzeMs : 0) < 30_000)]);
}
const code = files.find((f) => f.file === 'Code.js');
if (code) targets.push(['Code.js minified < 150 KB', `${(code.bytes / 1024).toFixed(1)} KB`, verdict(code.bytes < 150 * 1024)]);

out.push('## Targets');
out.push('');
out.push(table(['target', 'measured', 'verdict'], targets, ['l', 'l', 'l']));
out.push('');
out.push('Apps Script\'s V8 is slower than Node on this machine for the same JavaScript; the estimates above count only Sheets round trips and cells, not the evaluation itself, which must be added (the core column) and scaled by an unknown factor (assumed 1–3×).');
out.push('');

out.push('## Cost model');
out.push('');
out.push('Estimated Apps Script time = Sheets calls × per-call + cells read × per-cell-read + cells written × per-cell-written. Calls and cells are counted by the strict fakes (test/fakes/calls.ts). Central figures give the bold estimate; low and high give the range.');
out.push('');
out.push(
  table(
    ['', 'per call', 'per cell read', 'per cell written'],
    (['low', 'central', 'high'] as const).map((k) => [k, `${COST_MODEL[k].perCallMs} ms`, `${COST_MODEL[k].perCellReadMs} ms`, `${COST_MODEL[k].perCellWrittenMs} ms`]),
    ['l'],
  ),
);
out.push('');
out.push(table(['figure', 'derivation', 'source'], COST_SOURCES.map((s) => [s.figure, s.value, s.source]), ['l', 'l', 'l']));
out.push('');

const text = `${out.join('\n')}\n`;
const notesPath = path.join(ROOT, 'bench/NOTES.md');
let notes = '';
try {
  notes = readFileSync(notesPath, 'utf8');
} catch {
  // no analysis notes yet
}
writeFileSync(path.join(ROOT, 'bench/RESULTS.md'), notes ? `${text}\n${notes}` : text);
process.stdout.write(text);
process.stderr.write(`Wrote bench/RESULTS.md (${elapsed.toFixed(0)} s of measuring).\n`);
