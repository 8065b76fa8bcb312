import * as z from 'zod';
import { vi } from 'zod/locales';

// Zod's built-in messages in Vietnamese, for the few a user can meet that our schemas do not word themselves.
// Only this one locale is bundled (named import: the other locales are tree-shaken), keeping Code.js small.
z.config(vi());

export { z };
