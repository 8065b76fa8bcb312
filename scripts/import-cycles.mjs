// `node scripts/import-cycles.mjs [folder…]` (default: src): fails when the TypeScript modules under the folders import
// each other in a cycle, and names one path round each cycle. Every import counts, `import type` included: a cycle of
// types is still two modules that cannot be understood, moved or tested one without the other. `npm run lint` runs it,
// so a cycle fails `npm test` and CI.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(?:ts|tsx|mts|cts)$/;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '/index.ts', '/index.tsx'];

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return SOURCE.test(name) && !/\.d\.[mc]?ts$/.test(name) ? [full] : [];
  });
}

/** The file a relative specifier names ('./x', './x.js', '../y/index'); null for a package or a file not found. */
function resolve(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  const stem = base.replace(/\.(?:[mc]?js|jsx)$/, '');
  for (const candidate of [base, ...EXTENSIONS.map((ext) => stem + ext)]) {
    if (SOURCE.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Each module under the folders with the modules (under the same folders) it imports. */
export function importGraph(folders) {
  const files = folders.flatMap((f) => sourceFiles(path.resolve(f)));
  const known = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map((i) => resolve(file, i.fileName)).filter((t) => t !== null && known.has(t));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The strongly connected components with more than one module, or one importing itself (Tarjan's algorithm). */
function tangles(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component);
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** One way round a component: from its first module (by name) back to it, by the shortest path inside it. */
function loopThrough(graph, component) {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const loop = [start];
        for (let at = node; at !== start; at = previous.get(at)) loop.splice(1, 0, at);
        return [...loop, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/** Every cycle among the folders' modules, each as a path of files relative to `root` that ends where it starts. */
export function importCycles(folders, root = process.cwd()) {
  const graph = importGraph(folders);
  return tangles(graph).map((component) => loopThrough(graph, component).map((file) => path.relative(root, file)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const folders = process.argv.length > 2 ? process.argv.slice(2) : ['src'];
  const cycles = importCycles(folders);
  if (cycles.length === 0) {
    console.log(`import-cycles: no import cycle in ${folders.join(', ')}.`);
  } else {
    console.error(`import-cycles: ${cycles.length} import cycle${cycles.length === 1 ? '' : 's'} (type-only imports count too):`);
    for (const cycle of cycles) console.error(`  ${cycle.join(' → ')}`);
    process.exitCode = 1;
  }
}
