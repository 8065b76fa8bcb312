// `node scripts/long-functions.mjs [folder or file…]` (default: src): fails when a function under the folders is longer than
// MAX_LINES lines (from its first line to its closing brace, nested functions included), and lists each with its file,
// line, name and length. The house rule is "no function over ~80 lines": a longer one does several jobs, to be split
// into small named functions. `npm run lint` runs it, so a long function fails `npm test` and CI.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const MAX_LINES = 80;

const SOURCE = /\.(?:ts|tsx|mts|cts)$/;

function sourceFiles(dir) {
  if (statSync(dir).isFile()) return SOURCE.test(dir) ? [dir] : [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return SOURCE.test(name) && !/\.d\.[mc]?ts$/.test(name) ? [full] : [];
  });
}

/** What a reader calls the function: its own name, the variable or property it is assigned to, or `(anonymous)`. */
function nameOf(node) {
  if (node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) || ts.isPrivateIdentifier(node.name))) {
    const own = node.name.text;
    const owner = node.parent && ts.isClassLike(node.parent) && node.parent.name ? `${node.parent.name.text}.` : '';
    return owner + own;
  }
  if (ts.isConstructorDeclaration(node)) return node.parent.name ? `${node.parent.name.text}.constructor` : 'constructor';
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name))) return parent.name.text;
  if (parent && ts.isPropertyDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '(anonymous)';
}

function isFunction(node) {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** Every function of one file with its length in lines, longest first. */
export function functionLengths(file, text = readFileSync(file, 'utf8')) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out = [];
  const visit = (node) => {
    if (isFunction(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      out.push({ name: nameOf(node), line: first, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out.sort((a, b) => b.lines - a.lines);
}

/** The functions over `max` lines under the folders, each with its file relative to `root`. */
export function longFunctions(folders, { root = process.cwd(), max = MAX_LINES } = {}) {
  const files = folders.flatMap((f) => sourceFiles(path.resolve(root, f))).sort();
  return files.flatMap((file) => {
    const relative = path.relative(root, file).split(path.sep).join('/');
    return functionLengths(file)
      .filter((f) => f.lines > max)
      .map((f) => ({ file: relative, ...f }));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const folders = process.argv.length > 2 ? process.argv.slice(2) : ['src'];
  const failing = longFunctions(folders);
  const line = (f) => `  ${f.file}:${f.line} ${f.name}: ${f.lines} lines`;
  if (failing.length === 0) {
    console.log(`long-functions: no function over ${MAX_LINES} lines in ${folders.join(', ')}.`);
  } else {
    console.error(`long-functions: ${failing.length} function${failing.length === 1 ? '' : 's'} over ${MAX_LINES} lines (split into small named functions):`);
    for (const f of failing) console.error(line(f));
    process.exitCode = 1;
  }
}
