import * as z from 'zod';
import vi from 'zod/v4/locales/vi.js';

// Zod's built-in messages in Vietnamese, for the few a user can meet that our schemas do not word themselves.
// Only this one locale is bundled (the `zod/v4/locales/*` entry), keeping Code.js small.
z.config(vi());

export { z };
