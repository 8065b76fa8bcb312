/**
 * Zod Mini with its built-in messages in Vietnamese, for the few a user can meet that our schemas do not word themselves.
 * Core imports zod from here (`import * as z from './zod-vi'`). Mini's functional API (`z.optional(x)`,
 * `.check(z.minLength(1))`) tree-shakes far better than classic zod's methods, which keeps Code.js and the two form
 * pages small. Re-exporting with `export *` (not a namespace value) and importing the one locale by name keep
 * esbuild's tree-shaking working: the bundles carry the zod pieces we use and the Vietnamese locale, not all 60-odd
 * locales.
 */
import { config } from 'zod/mini';
import { vi } from 'zod/locales';

config(vi());

export * from 'zod/mini';
