/**
 * The benchmark driver (run by scripts/bench.mjs after building dist/ and bundling bench/*.ts): every job in a fresh
 * Node process (bench/run-size.ts, or the built `dicoso` command itself), then the tables, the targets with their
 * verdicts and the cost model, printed and written to bench/RESULTS.md (with bench/NOTES.md appended).
 */
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ActionCost, ActionId } from './actions';
import { callKind, COST_MODEL, COST_SOURCES, estimate, isFloorCall } from './cost-model';
import { ROLLUP, SIZES, type SizeId } from './generate';

const ROOT = process.cwd();
const TMP = path.join(ROOT, 'bench/tmp');
const FILES = path.join(TMP, 'files');
const RUNNER = path.join(TMP, 'run-size.mjs');
const CLI = path.join(ROOT, 'dist/cli/dicoso.cjs');
const RSS_PRELOAD = path.join(TMP, 'rss.cjs');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
/** Only Code.js's size, compile time and top level (issue 18): printed, RESULTS.md left as it is. */
const codeJsOnly = args.includes('--codejs');
const ACTION_SIZES: SizeId[] = ['province', 'large', 'national'];
const REPS: Record<SizeId, number> = quick
  ? { small: 3, province: 5, large: 3, national: 2, national3x: 1 }
  : { small: 5, province: 9, large: 5, national: 3, national3x: 1 };
const HEAP_MB = 6144;
const MiB = 1024 * 1024;

const ACTION_LABELS: Record<ActionId, string> = {
  check: 'check, first run',
  checkAgain: 'check again',
  mau2: 'mẫu 2, all bans',
  mau3: 'mẫu 3, Q3, all bans',
  dashboard: 'dashboard',
  onEdit: 'onEdit, one trip row',
  onEditWhole: 'onEdit, every row read (a paste)',
  naiveCheck: 'naive check (tutorial style)',
};

// ---------------------------------------------------------------- processes

function runChild<T>(label: string, jobArgs: string[], heapMb = HEAP_MB): T {
  const started = Date.now();
  const child = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--expose-gc', RUNNER, ...jobArgs], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * MiB,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (child.status !== 0 || !line) throw new Error(`${label} failed (exit ${child.status}):\n${child.stderr}`);
  process.stderr.write(`  ${label.padEnd(34)} ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as T;
}

interface Run {
  wallMs: number;
  peakMb: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built command as a person runs it: a fresh process, start-up included; its peak RSS from its own rusage. */
function dicoso(label: string, cliArgs: string[]): Run {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--require', RSS_PRELOAD, CLI, ...cliArgs], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * MiB,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = /BENCH_RSS_KB (\d+)/.exec(child.stderr);
  process.stderr.write(`  ${label.padEnd(34)} ${(wallMs / 1000).toFixed(1)} s, ${rss ? Math.round(Number(rss[1]) / 1024) : '?'} MB\n`);
  return {
    wallMs,
    peakMb: rss ? Number(rss[1]) / 1024 : NaN,
    code: child.status,
    stdout: child.stdout,
    stderr: child.stderr.replace(/BENCH_RSS_KB \d+\n?/, ''),
  };
}

/**
 * test/gas/batching.test.ts at scale: every menu action and server function of the built Code.js, over the strict
 * fakes, makes the same Sheets calls for 10, 100 and 2,000 cadres (40,000 trip rows). `npm test` runs the file at 10
 * and 100 cadres only; the 2,000 is asserted here (BATCHING_AT_SCALE=1), by the test file itself.
 */
function batchingAtScale(): { ok: boolean; wallMs: number; summary: string } {
  const started = Date.now();
  const child = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/gas/batching.test.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * MiB,
    env: { ...process.env, BATCHING_AT_SCALE: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const wallMs = Date.now() - started;
  const output = `${child.stdout}\n${child.stderr}`;
  const summary = /Tests\s+([^\n]+)/.exec(output)?.[1]?.trim() ?? `exit ${child.status}`;
  process.stderr.write(`  ${'batching at 2,000 cadres'.padEnd(34)} ${(wallMs / 1000).toFixed(1)} s: ${summary}\n`);
  if (child.status !== 0) process.stderr.write(output.slice(-4000));
  return { ok: child.status === 0, wallMs, summary };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

// ---------------------------------------------------------------- formatting

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n >= 100 ? int(n) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
function dur(msValue: number): string {
  if (msValue < 1_000) return `${Math.round(msValue)} ms`;
  if (msValue < 120_000) return `${(msValue / 1000).toFixed(msValue < 10_000 ? 2 : 1)} s`;
  if (msValue < 7_200_000) return `${(msValue / 60_000).toFixed(1)} min`;
  return `${(msValue / 3_600_000).toFixed(1)} h`;
}
const mb = (n: number) => `${int(n)} MB`;
const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');

function table(header: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const sep = header.map((_, i) => ((align?.[i] ?? 'r') === 'l' ? '---' : '---:'));
  return [header, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

// ---------------------------------------------------------------- environment

function commit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
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
      return { file, bytes: content.length, gzip: gzipSync(content).length };
    });
}

// ---------------------------------------------------------------- jobs

interface CoreResult {
  size: SizeId;
  cadres: number;
  trips: number;
  bans: number;
  issues: number;
  planted: Record<string, number>;
  reps: number;
  firstAnalyzeMs: number;
  analyzeMs: number;
  analyzeMinMs: number;
  analyzeMaxMs: number;
  memory: { peakRssMb: number; heapRetainedByAnalysisMb: number };
}

interface ActionsResult {
  size: SizeId;
  cadres: number;
  trips: number;
  actions: ActionCost[];
  naive: ActionCost;
  gridCells: { total: number; byTab: Record<string, number> };
}

interface FloorResult {
  readMs: number;
  writeMs: number;
  cellsRead: number;
  cellsWritten: number;
  peakRssMb: number;
}

// ---------------------------------------------------------------- Code.js (issue 18, point 7)

interface CodeJsRun {
  bytes: number;
  compileMs: number;
  runMs: number;
  entryPoints: number;
}

interface CodeJsModules {
  modules: { module: string; ms: number }[];
  totalMs: number;
}

/** src/gas/main.ts bundled as scripts/build.mjs bundles it, but readable: esbuild heads each module with its path. */
async function unminifiedCodeJs(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'src/gas/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__dicoso',
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify: false,
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const file = path.join(TMP, 'Code.unminified.js');
  writeFileSync(file, result.outputFiles[0]!.text);
  return file;
}

/** Compiling and running Code.js's top level in fresh processes, and its top level by module. */
async function measureCodeJs(): Promise<{ runs: CodeJsRun[]; modules: CodeJsModules }> {
  const runs = Array.from({ length: 5 }, (_, i) => runChild<CodeJsRun>(`Code.js cold load #${i + 1}`, ['codejs', path.join(ROOT, 'dist/gas/Code.js')], 512));
  const file = await unminifiedCodeJs();
  // Cold, as Apps Script loads it: one load per fresh process, the median of five per module.
  const cold = Array.from({ length: 5 }, (_, i) => runChild<CodeJsModules>(`Code.js top level by module #${i + 1}`, ['codejs-modules', file, '1'], 512));
  const byPackage = (name: string) =>
    name.startsWith('node_modules/')
      ? name
          .split('/')
          .slice(0, name.startsWith('node_modules/@') ? 3 : 2)
          .join('/')
      : name;
  const names = new Set(cold.flatMap((r) => r.modules.map((m) => byPackage(m.module))));
  const modules = [...names]
    .map((module) => ({
      module,
      ms: median(cold.map((r) => r.modules.filter((m) => byPackage(m.module) === module).reduce((n, m) => n + m.ms, 0))),
    }))
    .sort((a, b) => b.ms - a.ms);
  return { runs, modules: { modules, totalMs: modules.reduce((n, m) => n + m.ms, 0) } };
}

/** The Code.js paragraph and table of the report, and its targets' rows. */
function codeJsReport(bytes: number, measured: { runs: CodeJsRun[]; modules: CodeJsModules }): { lines: string[]; targets: string[][] } {
  const compile = median(measured.runs.map((r) => r.compileMs));
  const run = median(measured.runs.map((r) => r.runMs));
  const { modules, totalMs } = measured.modules;
  const top = modules.slice(0, 8);
  const lines = [
    `Code.js cold parse-and-load in Node (a fresh process each time, no code cache): compiling ${ms(compile)} ms and running its top level (defining the ${measured.runs[0]!.entryPoints} entry points) ${ms(run)} ms, median of ${measured.runs.length}. Every Apps Script execution pays both (each menu click, edit, page call and trigger).`,
    '',
    `Where the top level goes, module by module (the unminified bundle, one cold load in each of 5 fresh processes, the median per module; ${ms(totalMs)} ms in all, more than Code.js's own because there is more source to compile as it runs: read the shares; a package's modules together; bench/codejs.ts):`,
    '',
    table(
      ['module', 'top level', 'share'],
      top.map((m) => [`\`${m.module}\``, `${ms(m.ms)} ms`, `${((m.ms / totalMs) * 100).toFixed(0)} %`]),
      ['l'],
    ),
  ];
  const targets = [
    ['Code.js ≤ 250,000 bytes (issue 18)', `${int(bytes)} bytes`, verdict(bytes <= 250_000)],
    ['Code.js top level ≤ 5 ms in Node (issue 18)', `${ms(run)} ms (compiling ${ms(compile)} ms)`, verdict(run <= 5)],
  ];
  return { lines, targets };
}

if (codeJsOnly) {
  mkdirSync(TMP, { recursive: true });
  const measured = await measureCodeJs();
  const code = bundles().find((f) => f.file === 'Code.js')!;
  const report = codeJsReport(code.bytes, measured);
  process.stdout.write(`${[...report.lines, '', table(['target', 'measured', 'verdict'], report.targets, ['l', 'l', 'l'])].join('\n')}\n`);
  process.exit(0);
}

const started = Date.now();
const loadAtStart = os.loadavg();
mkdirSync(FILES, { recursive: true });
writeFileSync(RSS_PRELOAD, "process.on('exit', () => process.stderr.write('BENCH_RSS_KB ' + process.resourceUsage().maxRSS + '\\n'));\n");
process.stderr.write(`Benchmarking${quick ? ' (quick)' : ''}: every job in a fresh process.\n`);

// Input files (made once per run, outside the timings).
const file = (name: string) => path.join(FILES, name);
for (const size of ['province', 'national', 'national3x'] as SizeId[]) runChild(`write ${size}.xlsx`, ['xlsx', size, file(`${size}.xlsx`)]);
const rollupDir = path.join(FILES, 'tinh');
rmSync(rollupDir, { recursive: true, force: true });
mkdirSync(rollupDir, { recursive: true });
const rollupFiles = runChild<{ files: string[] }>(`write ${ROLLUP.provinces} province files`, ['rollup', rollupDir]).files;

const checkArgs = (size: SizeId) => ['check', file(`${size}.xlsx`), '--today', '2023-11-15', '--quarter', '3', '--out', file(`${size}-ket-qua.xlsx`)];

// The command at province size: every run a fresh process (start-up included); the first is the coldest.
const provinceRuns: Run[] = [];
for (let i = 0; i < REPS.province; i++) provinceRuns.push(dicoso(`dicoso check province #${i + 1}`, checkArgs('province')));

// National: the command and its streaming I/O floor, alternately, so both see the same machine.
const nationalRuns: Run[] = [];
const floors: FloorResult[] = [];
for (let i = 0; i < REPS.national; i++) {
  nationalRuns.push(dicoso(`dicoso check national #${i + 1}`, checkArgs('national')));
  floors.push(
    runChild<FloorResult>(`streaming floor national #${i + 1}`, ['floor', file('national.xlsx'), file('national-ket-qua.xlsx'), file('floor-scratch.xlsx')]),
  );
}
const bigRun = dicoso('dicoso check 300,000 trips', checkArgs('national3x'));
const rollupRuns: Run[] = [];
for (let i = 0; i < (quick ? 1 : 2); i++)
  rollupRuns.push(
    dicoso(`dicoso tong-hop ${ROLLUP.provinces} provinces #${i + 1}`, ['tong-hop', ...rollupFiles, '--today', '2023-11-15', '--out', file('toan-quoc.xlsx')]),
  );
for (const run of [...provinceRuns, ...nationalRuns, bigRun, ...rollupRuns]) {
  if (run.code !== 0) throw new Error(`dicoso failed (exit ${run.code}):\n${run.stderr}`);
}

// Code.js: its size, and compiling and running its top level in fresh processes.
const codeJs = await measureCodeJs();

// The add-on's actions over the fakes, and the core evaluation alone.
const core = new Map<SizeId, CoreResult>();
const acts = new Map<SizeId, ActionsResult>();
for (const size of ACTION_SIZES) {
  core.set(size, runChild<CoreResult>(`core ${size}`, ['core', size, String(REPS[size])]));
  acts.set(size, runChild<ActionsResult>(`actions ${size}`, ['actions', size]));
}
const batching = batchingAtScale();
const files = bundles();
const elapsed = (Date.now() - started) / 1000;
const loadAtEnd = os.loadavg();

// ---------------------------------------------------------------- figures

const cpus = os.cpus();
const provinceCold = provinceRuns[0]!;
const provinceWarm = median(provinceRuns.slice(1).map((r) => r.wallMs));
const provinceAll = median(provinceRuns.map((r) => r.wallMs));
const nationalWall = median(nationalRuns.map((r) => r.wallMs));
const nationalPeak = Math.max(...nationalRuns.map((r) => r.peakMb));
const floorMs = median(floors.map((f) => f.readMs + f.writeMs));
const ratio = median(nationalRuns.map((r, i) => r.wallMs / (floors[i]!.readMs + floors[i]!.writeMs)));
const rollupWall = median(rollupRuns.map((r) => r.wallMs));
const rollupPeak = Math.max(...rollupRuns.map((r) => r.peakMb));
const code = files.find((f) => f.file === 'Code.js')!;
const fileMb = (name: string) => statSync(file(name)).size / MiB;

const action = (size: SizeId, id: ActionId) => acts.get(size)!.actions.find((a) => a.action === id)!;
const floorOf = (c: ActionCost) => Object.entries(c.byMethod).reduce((n, [m, k]) => n + (isFloorCall(m) ? k : 0), 0);
const nat = acts.get('national')!;
const natCheck = estimate(action('national', 'check'));
const natAgain = estimate(action('national', 'checkAgain'));
const natEdit = estimate(action('national', 'onEdit'));
const natEditWhole = action('national', 'onEditWhole');
const natCore = core.get('national')!;

// ---------------------------------------------------------------- report

const out: string[] = [];
out.push('# Benchmarks: the dicoso command and the add-on, province to national scale (issue 13)');
out.push('');
out.push('Written by `npm run bench` (scripts/bench.mjs → bench/main.ts); do not edit by hand.');
out.push('');
out.push(`- **Date:** ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · **commit:** \`${commit()}\``);
out.push(
  `- **Machine:** ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, ${os.platform()} ${os.release()}, Node ${process.version}; load average ${loadAtStart.map((l) => l.toFixed(1)).join(' / ')} at the start, ${loadAtEnd.map((l) => l.toFixed(1)).join(' / ')} at the end (1 / 5 / 15 min: a shared machine; ratios are measured in one run, side by side)`,
);
out.push(
  `- **Run:** ${elapsed.toFixed(0)} s; every job in a fresh process; inputs are seeded synthetic workbooks (bench/generate.ts) written as .xlsx with shared strings and date cells.`,
);
out.push('');

out.push('## Headline: end to end');
out.push('');
out.push(
  "File in, results out: the built `dicoso` command as a person runs it (a fresh Node process, start-up and reading and writing the files included), and the add-on's actions as Apps Script would run them (always cold: a new execution per click or trigger), estimated from the calls and cells the strict fakes count.",
);
out.push('');
out.push(
  table(
    ['what', 'size', 'cold (first run)', 'warm (median)', 'peak memory'],
    [
      [
        '`dicoso check --out`',
        `province: ${int(SIZES.province.cadres)} cadres, ${int(SIZES.province.trips)} trips`,
        dur(provinceCold.wallMs),
        `${dur(provinceWarm)} (${provinceRuns.length - 1} runs)`,
        mb(Math.max(...provinceRuns.map((r) => r.peakMb))),
      ],
      [
        '`dicoso check --out`',
        `national: ${int(SIZES.national.cadres)} cadres, ${int(SIZES.national.trips)} trips (${fileMb('national.xlsx').toFixed(1)} MB file)`,
        dur(nationalRuns[0]!.wallMs),
        `${dur(nationalWall)} (${nationalRuns.length} runs); streaming I/O floor ${dur(floorMs)}: **×${ratio.toFixed(2)}**`,
        mb(nationalPeak),
      ],
      [
        '`dicoso check --out`',
        `${int(SIZES.national3x.trips)} trips, ${int(SIZES.national3x.cadres)} cadres (${fileMb('national3x.xlsx').toFixed(1)} MB file)`,
        dur(bigRun.wallMs),
        '—',
        mb(bigRun.peakMb),
      ],
      [
        '`dicoso tong-hop --out`',
        `${ROLLUP.provinces} provinces × ${ROLLUP.cadres} cadres × ${int(ROLLUP.trips)} trips`,
        dur(rollupRuns[0]!.wallMs),
        `${dur(rollupWall)} (${rollupRuns.length} runs)`,
        mb(rollupPeak),
      ],
      ['add-on: Kiểm tra dữ liệu, first run', 'national', `${dur(natCheck.central)} (${dur(natCheck.low)} – ${dur(natCheck.high)}) + evaluation`, '—', '—'],
      ['add-on: Kiểm tra dữ liệu, again', 'national', `${dur(natAgain.central)} (${dur(natAgain.low)} – ${dur(natAgain.high)}) + evaluation`, '—', '—'],
      ['add-on: onEdit of one trip row', 'national', `${dur(natEdit.central)} (${dur(natEdit.low)} – ${dur(natEdit.high)}) + evaluation`, '—', '—'],
      [
        'core evaluation alone (analyze over the in-memory workbook)',
        'national',
        dur(natCore.firstAnalyzeMs),
        `${dur(natCore.analyzeMs)} (${natCore.reps} runs)`,
        mb(natCore.memory.peakRssMb),
      ],
    ],
    ['l', 'l', 'r', 'l', 'r'],
  ),
);
out.push('');
out.push(
  "The streaming I/O floor is exceljs's own streaming reader reading the input file plus its streaming writer writing every cell (value and style) of the result file, timed in a separate process right after each national check (bench/io-floor.ts); the ratio is the median of the runs' own ratios. Peak memory is each process's maximum resident set (getrusage). The add-on figures are cost-model estimates (below): calls and cells only, to which the evaluation itself must be added (Apps Script's V8 is slower than this machine's; assumed 1–3× the core line).",
);
out.push('');

out.push('## The dicoso command');
out.push('');
out.push(
  table(
    ['run', 'wall', 'peak memory', 'exit'],
    [
      ...provinceRuns.map((r, i) => [`check, province #${i + 1}`, dur(r.wallMs), mb(r.peakMb), String(r.code)]),
      ...nationalRuns.map((r, i) => [`check, national #${i + 1}`, dur(r.wallMs), mb(r.peakMb), String(r.code)]),
      ...floors.map((f, i) => [
        `streaming floor, national #${i + 1}: read ${int(f.cellsRead)} cells ${dur(f.readMs)}, write ${int(f.cellsWritten)} cells ${dur(f.writeMs)}`,
        dur(f.readMs + f.writeMs),
        mb(f.peakRssMb),
        '0',
      ]),
      ['check, 300,000 trips', dur(bigRun.wallMs), mb(bigRun.peakMb), String(bigRun.code)],
      ...rollupRuns.map((r, i) => [`tong-hop, ${ROLLUP.provinces} provinces #${i + 1}`, dur(r.wallMs), mb(r.peakMb), String(r.code)]),
    ],
    ['l'],
  ),
);
out.push('');

for (const s of ACTION_SIZES) {
  const a = acts.get(s)!;
  out.push(`## Add-on, ${SIZES[s].label}: ${int(a.cadres)} cadres, ${int(a.trips)} trips`);
  out.push('');
  const rows = [...a.actions, a.naive].map((c) => {
    const e = estimate(c);
    const floor = floorOf(c);
    return [
      ACTION_LABELS[c.action],
      int(c.spreadsheetCalls),
      int(floor),
      int(c.spreadsheetCalls - floor),
      int(c.commits),
      int(c.cellsRead),
      int(c.cellsWritten),
      `**${dur(e.central)}**`,
      `${dur(e.low)} – ${dur(e.high)}`,
    ];
  });
  const check = a.actions.find((c) => c.action === 'check')!;
  const [ec, en] = [estimate(check), estimate(a.naive)];
  rows.push([
    '*naive ÷ batched check*',
    `×${(a.naive.spreadsheetCalls / check.spreadsheetCalls).toFixed(0)}`,
    '',
    '',
    `×${(a.naive.commits / check.commits).toFixed(0)}`,
    '',
    '',
    `**×${(en.central / ec.central).toFixed(1)}**`,
    `×${(en.low / ec.low).toFixed(1)} – ×${(en.high / ec.high).toFixed(1)}`,
  ]);
  out.push(
    table(
      [
        'action (SpreadsheetWorkbook over the fakes)',
        'Sheets calls',
        'floor',
        'overhead',
        'commits',
        'cells read',
        'cells written',
        'est. Apps Script',
        'low – high',
      ],
      rows,
      ['l'],
    ),
  );
  out.push('');
  out.push(
    `Workbook grid after every action: ${int(a.gridCells.total)} cells (${Object.entries(a.gridCells.byTab)
      .map(([t, n]) => `${t} ${int(n)}`)
      .join(', ')}); Sheets' limit is 10,000,000.`,
  );
  out.push('');
}
out.push(
  "**Floor**: the calls an action cannot do without whatever the code (bench/cost-model.ts, `isFloorCall`): the cell blocks it reads and writes (values, notes, merges, formats) and the one Range each needs, the tab list and names, the spreadsheet's time zone, and the reads and writes of our markers (the searches, their keys, values and positions). **Overhead** is every other call: opening the spreadsheet, building finders and rule builders, navigating from a marker to its location, and structure calls (widths, borders, merges, protection, frozen rows). A **commit** is when Sheets must apply buffered writes: each flush, each read after writes, and the end of the execution. The naive check is the tutorial's: per row one getRange, setValue and setNote on the status cell, and a flush (bench/naive-check.ts).",
);
out.push('');

// Calls by method, national.
out.push(`## Calls by method, national`);
out.push('');
const ids = nat.actions.map((c) => c.action);
const methods = [...new Set(nat.actions.flatMap((c) => Object.keys(c.byMethod)))].sort();
out.push(
  table(
    ['method', 'kind', 'floor', ...ids.map((id) => ACTION_LABELS[id])],
    methods.map((m) => [`\`${m}\``, callKind(m), isFloorCall(m) ? 'yes' : '', ...nat.actions.map((c) => (c.byMethod[m] ? String(c.byMethod[m]) : ''))]),
    ['l', 'l', 'l'],
  ),
);
out.push('');
out.push(
  `Naive check, national: ${Object.entries(nat.naive.byMethod)
    .filter(([, n]) => n > 100)
    .map(([m, n]) => `\`${m}\` ${int(n)}`)
    .join(', ')}, and ${int(
    Object.entries(nat.naive.byMethod)
      .filter(([, n]) => n <= 100)
      .reduce((x, [, n]) => x + n, 0),
  )} other calls.`,
);
out.push('');

out.push('## Core evaluation in Node (analyze over the in-memory workbook)');
out.push('');
out.push(
  table(
    ['size', 'cadres', 'trips', 'first run (cold)', 'median (min–max)', 'runs', 'peak RSS', 'heap kept by analysis'],
    ACTION_SIZES.map((s) => {
      const c = core.get(s)!;
      return [
        SIZES[s].label,
        int(c.cadres),
        int(c.trips),
        dur(c.firstAnalyzeMs),
        `${ms(c.analyzeMs)} ms (${ms(c.analyzeMinMs)}–${ms(c.analyzeMaxMs)})`,
        String(c.reps),
        mb(c.memory.peakRssMb),
        mb(c.memory.heapRetainedByAnalysisMb),
      ];
    }),
    ['l'],
  ),
);
out.push('');
out.push('This line leaves out reading and writing the file or the sheet; the headline above does not.');
out.push('');

out.push('## Bundles (dist/gas, minified)');
out.push('');
out.push(
  table(
    ['file', 'bytes', 'gzip'],
    files.map((f) => [f.file, int(f.bytes), int(f.gzip)]),
    ['l'],
  ),
);
out.push('');
const codeJsSection = codeJsReport(code.bytes, codeJs);
out.push(...codeJsSection.lines);
out.push('');

// ---------------------------------------------------------------- targets

const targets: string[][] = [];
targets.push([
  'CLI, national check within 2× the streaming I/O floor',
  `${dur(nationalWall)} vs floor ${dur(floorMs)}: ×${ratio.toFixed(2)}`,
  verdict(ratio <= 2),
]);
targets.push(['CLI, national check under 1 GiB peak', `${mb(nationalPeak)} (largest of ${nationalRuns.length} runs)`, verdict(nationalPeak < 1024)]);
targets.push([
  'CLI, 300,000 trips complete within 2 GiB',
  `exit ${bigRun.code}, ${dur(bigRun.wallMs)}, ${mb(bigRun.peakMb)}`,
  verdict(bigRun.code === 0 && bigRun.peakMb < 2048),
]);
targets.push([
  'CLI, province under 1.5 s wall including start-up',
  `median ${dur(provinceAll)} of ${provinceRuns.length} runs (first ${dur(provinceCold.wallMs)}, then median ${dur(provinceWarm)})`,
  verdict(provinceAll < 1_500),
]);
const constant = (['check', 'checkAgain', 'mau2', 'mau3', 'dashboard', 'onEdit'] as const).map((id) => ({
  id,
  calls: ACTION_SIZES.map((s) => action(s, id).spreadsheetCalls),
}));
targets.push([
  'Add-on, Sheets calls per action constant in rows (province / large / national)',
  constant.map((x) => `${ACTION_LABELS[x.id]} ${x.calls.join('/')}`).join('; '),
  verdict(constant.every((x) => new Set(x.calls).size === 1)),
]);
targets.push([
  'Add-on, every action and server function the same Sheets calls for 10, 100 and 2,000 cadres (test/gas/batching.test.ts)',
  `${batching.summary} in ${dur(batching.wallMs)}`,
  verdict(batching.ok),
]);
const again = ACTION_SIZES.map((s) => action(s, 'checkAgain'));
targets.push([
  'Add-on, a re-run of the check at most floor + 10 calls',
  again.map((c) => `${c.spreadsheetCalls} = floor ${floorOf(c)} + ${c.spreadsheetCalls - floorOf(c)}`).join(' / '),
  verdict(again.every((c) => c.spreadsheetCalls - floorOf(c) <= 10)),
]);
targets.push([
  'Add-on, national check under 90 s (cost model, central)',
  `first run ${dur(natCheck.central)} (${dur(natCheck.low)} – ${dur(natCheck.high)}); again ${dur(natAgain.central)}`,
  verdict(natCheck.central < 90_000),
]);
const editRatio = action('national', 'onEdit').cellsRead / natEditWhole.cellsRead;
targets.push([
  'Add-on, onEdit reads at most 1/5 of the cells it read before (national)',
  `${int(action('national', 'onEdit').cellsRead)} vs ${int(natEditWhole.cellsRead)} read by the whole-tab path: ${(editRatio * 100).toFixed(1)} %`,
  verdict(editRatio <= 0.2),
]);
targets.push([
  'Add-on, onEdit within the 30 s of a simple trigger (national)',
  `${dur(natEdit.central)} (high ${dur(natEdit.high)}) + evaluation`,
  verdict(natEdit.central + natCore.analyzeMs < 30_000),
]);
targets.push(...codeJsSection.targets);
targets.push(['Roll-up, 34 provinces under 30 s and 1 GiB', `${dur(rollupWall)}, ${mb(rollupPeak)}`, verdict(rollupWall < 30_000 && rollupPeak < 1024)]);
targets.push(["National workbook under Sheets' 10 M cells", `${int(nat.gridCells.total)} cells`, verdict(nat.gridCells.total < 10_000_000)]);

out.push('## Targets');
out.push('');
out.push(table(['target', 'measured', 'verdict'], targets, ['l', 'l', 'l']));
out.push('');

out.push('## Cost model');
out.push('');
out.push(
  'Estimated Apps Script time = Σ calls × price of their kind + commits × commit + cells read × per-cell-read + cells written × per-cell-written (bench/cost-model.ts). Calls, commits and cells are counted by the strict fakes (test/fakes/calls.ts). Central prices give the bold estimate; low and high give the range.',
);
out.push('');
out.push(
  table(
    ['', 'read', 'write', 'local', 'commit', 'per cell read', 'per cell written'],
    (['low', 'central', 'high'] as const).map((k) => {
      const p = COST_MODEL[k];
      return [k, `${p.read} ms`, `${p.write} ms`, `${p.local} ms`, `${p.commit} ms`, `${p.perCellRead} ms`, `${p.perCellWritten} ms`];
    }),
    ['l'],
  ),
);
out.push('');
out.push(
  table(
    ['figure', 'derivation', 'source'],
    COST_SOURCES.map((s) => [s.figure, s.value, s.source]),
    ['l', 'l', 'l'],
  ),
);
out.push('');

const text = `${out.join('\n')}\n`;
const notesPath = path.join(ROOT, 'bench/NOTES.md');
const notes = existsSync(notesPath) ? readFileSync(notesPath, 'utf8') : '';
writeFileSync(path.join(ROOT, 'bench/RESULTS.md'), notes ? `${text}\n${notes}` : text);
process.stdout.write(text);
process.stderr.write(`Wrote bench/RESULTS.md (${elapsed.toFixed(0)} s of measuring).\n`);
