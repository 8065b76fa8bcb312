/**
 * The add-on's entry points, and nothing else: Apps Script calls these by name (menus, triggers, google.script.run).
 * The build turns each export into a top-level `function` in Code.js. Keep this file free of logic and of
 * top-level service calls: onOpen runs in AuthMode.NONE, where touching a service fails and hides the menu.
 */
import { exposeAll } from './server';

export {
  onOpen,
  onInstall,
  onEdit,
  menuSetup,
  menuCheck,
  menuProgress,
  menuTripForm,
  menuApprovals,
  menuMau1,
  menuMau2,
  menuMau3,
  menuSettings,
  menuHelp,
  menuClearMarks,
  menuSelfCheck,
} from './menu';
export { dailyRun, menuSendTestSummary } from './email-entry';
export { selfCheckTriggerProbe } from './self-check/trigger-probe';

/**
 * The server functions the pages call through google.script.run, keyed by name: the build declares each as a
 * top-level function of Code.js (src/sheets/server-functions.ts is the table, and the only list of them).
 */
export const serverFunctions = exposeAll();
