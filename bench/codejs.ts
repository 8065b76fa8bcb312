/**
 * Code.js's top level, the work every Apps Script execution does before anything else (each menu click, onEdit, page
 * call and trigger): how long it takes, and which module's top-level statements take it (issue 18, point 7).
 *
 * The bundle is built again without minifying (bench/main.ts), where esbuild heads each module's code with a
 * `// src/…` comment; a mark is inserted under each, and the time between two marks is the first module's. Function declarations cost
 * nothing there; what is measured is what each module builds when loaded (schemas, tables, validated presets).
 */
import vm from 'node:vm';

/** esbuild's heading of a module: its path, relative to the working directory (node_modules may be a link). */
const MODULE_HEAD = /^\s*\/\/ (\S+\.[cm]?[jt]s)$/;

function moduleName(file: string): string {
  const i = file.lastIndexOf('node_modules/');
  return i >= 0 ? file.slice(i) : file;
}

/** The bundle with `__mark("<module>")` under each module's heading comment. */
export function markModules(code: string): { code: string; marks: number } {
  let marks = 0;
  const out = code.split('\n').map((line) => {
    const m = MODULE_HEAD.exec(line);
    if (!m) return line;
    marks++;
    return `${line}\n__mark(${JSON.stringify(moduleName(m[1]!))});`;
  });
  return { code: `${out.join('\n')}\n__mark("(end)");`, marks };
}

export interface ModuleCost {
  module: string;
  ms: number;
}

/**
 * The mean top-level time of each module over `reps` loads, each in a fresh context (compiled once: this measures
 * the run, not the parse), most expensive first; the total is the sum.
 */
export function topLevelByModule(code: string, reps: number): { modules: ModuleCost[]; totalMs: number } {
  const marked = markModules(code);
  const script = new vm.Script(marked.code, { filename: 'Code.unminified.js' });
  const totals = new Map<string, number>();
  for (let rep = 0; rep < reps; rep++) {
    let last: number | null = null;
    let current = '(bundle prelude)';
    const context = vm.createContext({
      __mark: (name: string) => {
        const now = performance.now();
        if (last !== null) totals.set(current, (totals.get(current) ?? 0) + now - last);
        last = now;
        current = name;
      },
    });
    script.runInContext(context);
  }
  const modules = [...totals].map(([module, ms]) => ({ module, ms: ms / reps })).sort((a, b) => b.ms - a.ms);
  return { modules, totalMs: modules.reduce((n, m) => n + m.ms, 0) };
}
