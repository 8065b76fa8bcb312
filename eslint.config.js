// ESLint (flat config) with typescript-eslint: rules that catch real problems, not style (Prettier owns the layout).
// Type-aware rules (floating promises) use the project service, so they read tsconfig.json like the type check does.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/ (docs/architecture.md): imports point down only, ui/cli/gas → sheets → core, and the .xlsx
 * adapter (xlsx) sits beside gas under cli. Each layer lists the layers it must not import, matched on the relative
 * import's first folder after its `../` steps (no layer has a sub-folder named like a layer). `node` marks the
 * layers that run in Apps Script or the browser, where Node's modules do not exist.
 */
const LAYERS = {
  core: { forbidden: ['sheets', 'gas', 'ui', 'cli', 'xlsx'], node: false, why: 'core is the rules, pure: it imports nothing above it' },
  sheets: { forbidden: ['gas', 'ui', 'cli', 'xlsx'], node: false, why: 'the workflow talks to the Workbook port, never to an adapter or a page' },
  gas: { forbidden: ['ui', 'cli', 'xlsx'], node: false, why: 'the Apps Script adapter reaches the pages as built HTML, never their code' },
  ui: { forbidden: ['sheets', 'gas', 'cli', 'xlsx'], node: false, why: 'a page reaches the server through call() (ui/bridge.ts)' },
  xlsx: { forbidden: ['cli', 'gas', 'ui'], node: true, why: 'the .xlsx adapter implements the Workbook port for the command, it knows no command' },
  cli: { forbidden: ['gas', 'ui'], node: true, why: 'the command runs the workflow over the .xlsx adapter, not Apps Script or a page' },
};
/**
 * What a page may take from src/sheets: the types of the payloads the server functions answer (`import type`, erased
 * from the bundle), and two pure modules that the server and the page share on purpose, so that a failure reads the
 * same on both sides: the pages' sentences (sheets/pages/texts.ts) and the translation of Apps Script's English
 * failures (sheets/user-message.ts platformMessage).
 */
const PAGE_SHARED = ['pages/texts', 'user-message'];

const ZOD_HOME = 'src/core/zod-vi.ts';
const layerPath = (folder) => `^(?:\\.\\./)+${folder}(?:/|$)`;

/** The import rule of one layer's files; `zodHome` is the one module that may import zod itself. */
function layerImports([layer, { forbidden, node, why }], zodHome = null) {
  const noNode = `src/${layer} runs in Apps Script or the browser: no Node module.`;
  const patterns = forbidden.map((folder) =>
    layer === 'ui' && folder === 'sheets'
      ? {
          regex: `^(?:\\.\\./)+sheets/(?!(?:${PAGE_SHARED.join('|')})$)`,
          allowTypeImports: true,
          caseSensitive: true,
          message: `src/ui takes only types (import type) from src/sheets, and ${PAGE_SHARED.map((m) => `sheets/${m}`).join(' and ')}: ${why}.`,
        }
      : { regex: layerPath(folder), caseSensitive: true, message: `src/${layer} must not import src/${folder}: ${why}.` },
  );
  if (!node) patterns.push({ regex: '^node:', message: noNode });
  // Every schema's messages are Vietnamese because zod is configured once, in src/core/zod-vi.ts.
  if (zodHome === null)
    patterns.push({ regex: '^zod(?:/|$)', caseSensitive: true, message: "Import zod as `* as z` from src/core/zod-vi, never from 'zod' itself." });
  return {
    files: zodHome === null ? [`src/${layer}/**/*.ts`] : [zodHome],
    ignores: zodHome === null && layer === 'core' ? [ZOD_HOME] : [],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: node ? [] : builtinModules.map((name) => ({ name, message: noNode })), patterns }],
    },
  };
}

export default tseslint.config(
  {
    // bench/ is being reworked on another branch (the performance work): it joins the lint when that lands.
    // scratch/ is a git-ignored place for throwaway scripts.
    ignores: ['dist/**', 'out/**', 'test-artifacts/**', 'bench/**', 'node_modules/**', 'scratch/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // An unused import or variable is a leftover or a bug; `_name` marks a parameter kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // A promise nobody awaits loses its error: a page's failed call would show nothing.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      // == between a cell value and a number or '' is how a blank cell becomes 0.
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-throw-literal': 'error',
      // `catch {}` with a comment saying why is how best-effort calls read here.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Non-null assertions follow checks the compiler cannot see (noUncheckedIndexedAccess); casts are reviewed.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The Apps Script fakes declare each fake as a class plus an interface of the same name that claims the rest of
    // Google's API (Omit<Api, Implemented>): calling an unmodelled method fails the type check, not silently. That
    // merge, its empty interfaces, and the `any` of Google's own signatures and the object literals that reach their owner are the pattern, not a mistake.
    files: ['test/fakes/**'],
    rules: {
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Object-literal fakes of Google's objects reach their owner through a named `this`.
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  {
    // A spread argument is one argument per element, held on the stack: past about 120,000 elements push(...rows) or
    // Math.max(...values) throws "Maximum call stack size exceeded", and a national file has 300,000 rows (the bench
    // found it in the .xlsx notes). In src/ every such call loops or reduces instead, whatever the size of its array.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement',
          message: 'No spread arguments into push/unshift/splice: a large array overflows the stack. Use a for…of loop.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
          message: 'No spread arguments into Math.max/min: a large array overflows the stack. Use reduce.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(fromCharCode|fromCodePoint|apply)$/] > SpreadElement',
          message: 'No spread arguments here: a large array overflows the stack.',
        },
      ],
    },
  },
  ...Object.entries(LAYERS).map((layer) => layerImports(layer)),
  layerImports(['core', LAYERS.core], ZOD_HOME),
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' },
    },
  },
);
