/**
 * One benchmark size in one process (scripts/bench.mjs starts a fresh one per size and mode, so memory peaks are
 * clean): `core <size> <reps>` times analyze() over the in-memory workbook; `actions <size>` runs every add-on
 * action and the naive check over the Apps Script fakes. Prints one JSON line, prefixed with BENCH_RESULT.
 */
import { evaluate } from '../src/core/evaluate';
import { readRoster } from '../src/core/read-roster';
import { readTrips } from '../src/core/read-trips';
import { validateSettings } from '../src/core/settings';
import { MemoryWorkbook } from '../src/sheets/memory-workbook';
import { analyze } from '../src/sheets/workflow';
import { benchSettings, benchToday, fakeEnvironment, gridCells, measureActions, measureNaive } from './actions';
import { BENCH_TIME_ZONE, cellCount, cloneTabs, generateWorkbook, ROSTER_TAB, SIZES, TRIPS_TAB, type SizeId } from './generate';

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
      const roster = readRoster({ tab: ROSTER_TAB, values: data.roster }, { timeZone: BENCH_TIME_ZONE, year: 2023 });
      const trips = readTrips({ tab: TRIPS_TAB, values: data.trips }, roster.cadres, { timeZone: BENCH_TIME_ZONE, year: 2023, policy, today: benchToday });
      return { roster, trips };
    });
    const evaluateMs = time(() =>
      evaluate({ cadres: parsed.roster.cadres, trips: parsed.trips.trips, policy, year: 2023, today: benchToday, processColumns: parsed.trips.processColumns, tripsTab: TRIPS_TAB }),
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

const [mode, size, reps] = process.argv.slice(2) as [string, SizeId, string | undefined];
if (!SIZES[size]) throw new Error(`unknown size ${size}`);
const result = mode === 'core' ? core(size, Number(reps ?? 5)) : actions(size);
process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
