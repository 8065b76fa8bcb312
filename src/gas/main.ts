/**
 * The add-on's entry points, and nothing else: Apps Script calls these by name (menus, triggers, google.script.run).
 * The build turns each export into a top-level `function` in Code.js. Keep this file free of logic and of
 * top-level service calls: onOpen runs in AuthMode.NONE, where touching a service fails and hides the menu.
 */
export {
  onOpen,
  onInstall,
  onEdit,
  menuSetup,
  menuCheck,
  menuProgress,
  menuTripForm,
  menuMau2,
  menuMau3,
  menuSettings,
  menuHelp,
  menuClearMarks,
} from './menu';
export { getProgress, getTripForm, saveTrip, getFormOptions, generateForm, getSettingsPage, saveSettingsPage, selectTripRows } from './server';
export * from './email-entry';
