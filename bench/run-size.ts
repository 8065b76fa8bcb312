/**
 * One benchmark job in one process (bench/main.ts starts a fresh one per job, so memory peaks are clean):
 * - `core <size> <reps>` times analyze() over the in-memory workbook;
 * - `actions <size>` runs every add-on action and the naive check over the Apps Script fakes;
 * - `xlsx <size> <file>` writes a size's workbook as an .xlsx (bench/xlsx-files.ts);
 * - `rollup <dir>` writes the roll-up's province files;
 * - `floor <input> <output> <scratch>` times the streaming I/O floor of a check (bench/io-floor.ts);
 * - `codejs <file>` compiles and runs Code.js's top level in a fresh V8 context (no code cache);
 * - `codejs-modules <file> <reps>` times each module's top-level statements in an unminified bundle (bench/codejs.ts).
 * Prints one JSON line, prefixed with BENCH_RESULT.
 */
import { evaluate } from '../src/core/evaluate';
import { readRoster } from '../src/core/read-roster';
import { readTrips } from '../src/core/read-trips';
import { validateSettings } from '../src/core/settings';
import { MemoryWorkbook } from '../src/sheets/memory-workbook';
import { analyze } from '../src/sheets/workflow';
import { topLevelByModule } from './codejs';
import { benchSettings, benchToday, fakeEnvironment, gridCells, measureActions, measureNaive } from './actions';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { BENCH_TIME_ZONE, cellCount, cloneTabs, generateWorkbook, ROLLUP, rollupProvince, ROSTER_TAB, SIZES, TRIPS_TAB, type SizeId } from './generate';
import { ioFloor } from './io-floor';
import { writeTabsXlsx } from './xlsx-files';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const MB = 1024 * 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const out = f();
  return [out, performance.now() - t];
}

function core(size: SizeId, reps: number) {
  const [generated, generateMs] = time(() => generateWorkbook(SIZES[size]));
  const workbook = MemoryWorkbook.fromTabs(generated.tabs, { dateTimeZone: BENCH_TIME_ZONE });
  const options = { settings: benchSettings(), today: benchToday };
  const resolved = validateSettings(options.settings);
  if (!resolved.ok) throw new Error(resolved.errors.join(' '));
  const policy = resolved.policy;

  gc();
  const before = process.memoryUsage();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  let [analysis, firstMs] = time(() => analyze(workbook, options));
  const peakAfter = process.resourceUsage().maxRSS * 1024;
  const unreclaimed = process.memoryUsage();
  gc();
  const retained = process.memoryUsage();
  const issues = analysis.issues.length;
  const tripsCounted = analysis.trips.trips.length;

  const totals: number[] = [];
  const reads: number[] = [];
  const parses: number[] = [];
  const evaluations: number[] = [];
  for (let i = 0; i < reps; i++) {
    analysis = null as never;
    gc();
    totals.push(time(() => analyze(workbook, options))[1]);
    // The same work phase by phase: copying the tabs out of the workbook, parsing rows, evaluating.
    const [data, readMs] = time(() => ({ roster: workbook.readTab(ROSTER_TAB)!.values, trips: workbook.readTab(TRIPS_TAB)!.values }));
    const [parsed, parseMs] = time(() => {
      const roster = readRoster({ tab: ROSTER_TAB, values: data.roster }, { timeZone: BENCH_TIME_ZONE, year: 2023, policy });
      const trips = readTrips({ tab: TRIPS_TAB, values: data.trips }, roster.cadres, { timeZone: BENCH_TIME_ZONE, year: 2023, policy, today: benchToday });
      return { roster, trips };
    });
    const evaluateMs = time(() =>
      evaluate({
        cadres: parsed.roster.cadres,
        trips: parsed.trips.trips,
        policy,
        year: 2023,
        today: benchToday,
        processColumns: parsed.trips.processColumns,
        tripsTab: TRIPS_TAB,
      }),
    )[1];
    reads.push(readMs);
    parses.push(parseMs);
    evaluations.push(evaluateMs);
  }
  return {
    mode: 'core',
    size,
    cadres: generated.cadres,
    trips: generated.trips,
    bans: generated.bans.length,
    seededCells: cellCount(generated.tabs),
    planted: generated.planted,
    issues,
    tripsCounted,
    generateMs,
    reps,
    firstAnalyzeMs: firstMs,
    analyzeMs: median(totals),
    analyzeMinMs: Math.min(...totals),
    analyzeMaxMs: Math.max(...totals),
    readMs: median(reads),
    parseMs: median(parses),
    evaluateMs: median(evaluations),
    memory: {
      rssBeforeMb: before.rss / MB,
      heapBeforeMb: before.heapUsed / MB,
      peakRssMb: Math.max(peakBefore, peakAfter) / MB,
      analyzeRaisedPeak: peakAfter > peakBefore,
      heapAfterAnalyzeMb: unreclaimed.heapUsed / MB,
      heapRetainedByAnalysisMb: (retained.heapUsed - before.heapUsed) / MB,
    },
  };
}

function actions(size: SizeId) {
  const generated = generateWorkbook(SIZES[size]);
  const env = fakeEnvironment(cloneTabs(generated.tabs));
  const costs = measureActions(env, generated.firstTripRow + Math.floor(generated.trips / 2));
  const grid = gridCells(env);
  const naiveEnv = fakeEnvironment(cloneTabs(generated.tabs));
  const naive = measureNaive(naiveEnv);
  return {
    mode: 'actions',
    size,
    cadres: generated.cadres,
    trips: generated.trips,
    actions: costs,
    naive,
    gridCells: grid,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
  };
}

/** Code.js as Apps Script loads it: compiled from source (no code cache) and its top level run, in a fresh context. */
function codeJs(file: string) {
  const source = readFileSync(file, 'utf8');
  let started = performance.now();
  const script = new vm.Script(source, { filename: 'Code.js' });
  const compileMs = performance.now() - started;
  // A fresh V8 context costs a millisecond or two of its own; Apps Script makes one whatever the script holds.
  const context = vm.createContext({ console });
  started = performance.now();
  script.runInContext(context);
  const runMs = performance.now() - started;
  const entryPoints = Object.keys(context).filter((k) => typeof (context as Record<string, unknown>)[k] === 'function').length;
  return { mode: 'codejs', bytes: Buffer.byteLength(source), compileMs, runMs, entryPoints };
}

const [mode, ...args] = process.argv.slice(2) as [string, ...string[]];
const started = performance.now();
let result: unknown;
switch (mode) {
  case 'core':
  case 'actions': {
    const size = args[0] as SizeId;
    if (!SIZES[size]) throw new Error(`unknown size ${size}`);
    result = mode === 'core' ? core(size, Number(args[1] ?? 5)) : actions(size);
    break;
  }
  case 'xlsx': {
    const size = args[0] as SizeId;
    const g = generateWorkbook(SIZES[size]);
    await writeTabsXlsx(g.tabs, args[1]!);
    result = { mode, size, cadres: g.cadres, trips: g.trips, bans: g.bans.length };
    break;
  }
  case 'rollup': {
    const files: string[] = [];
    for (let i = 0; i < ROLLUP.provinces; i++) {
      const file = path.join(args[0]!, `tinh-${String(i + 1).padStart(2, '0')}.xlsx`);
      await writeTabsXlsx(rollupProvince(i).tabs, file);
      files.push(file);
    }
    result = { mode, files };
    break;
  }
  case 'floor':
    result = { mode, ...(await ioFloor(args[0]!, args[1]!, args[2]!)), peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB };
    break;
  case 'codejs':
    result = codeJs(args[0]!);
    break;
  case 'codejs-modules':
    result = { mode, ...topLevelByModule(readFileSync(args[0]!, 'utf8'), Number(args[1] ?? 20)) };
    break;
  default:
    throw new Error(`unknown mode ${mode}`);
}
process.stdout.write(`BENCH_RESULT ${JSON.stringify({ ...(result as object), wallMs: performance.now() - started })}\n`);
