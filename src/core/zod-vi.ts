/**
 * Zod with its built-in messages in Vietnamese, for the few a user can meet that our schemas do not word themselves.
 * Core imports zod from here (`import * as z from './zod-vi'`). Re-exporting with `export *` (not a namespace
 * value) and importing the one locale by name keep esbuild's tree-shaking working: Code.js carries the zod pieces
 * we use and the Vietnamese locale, not all 60-odd locales.
 */
import { config } from 'zod';
import { vi } from 'zod/locales';

config(vi());

export * from 'zod';
