import {
  approvalsAction,
  checkAction,
  clearMarksAction,
  formDialogAction,
  helpAction,
  onEditCheck,
  progressAction,
  settingsAction,
  setupAction,
  tripFormAction,
} from './actions';
import { selfCheckAction } from './self-check/run';
import { MENU } from './texts';

/**
 * The add-on menu, and nothing else: onOpen runs in AuthMode.NONE until the add-on is used in this file, where any
 * service beyond the menu fails (and a failing onOpen leaves only "Help" in the menu). Same menu in every mode; each
 * handler asks for authorization when first clicked.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  ui.createAddonMenu()
    .addItem(MENU.setup, 'menuSetup')
    .addItem(MENU.check, 'menuCheck')
    .addSeparator()
    .addItem(MENU.progress, 'menuProgress')
    .addItem(MENU.tripForm, 'menuTripForm')
    .addItem(MENU.approvals, 'menuApprovals')
    .addSeparator()
    .addItem(MENU.mau1, 'menuMau1')
    .addItem(MENU.mau2, 'menuMau2')
    .addItem(MENU.mau3, 'menuMau3')
    .addSeparator()
    .addItem(MENU.settings, 'menuSettings')
    .addItem(MENU.testSummary, 'menuSendTestSummary')
    .addItem(MENU.clearMarks, 'menuClearMarks')
    .addSubMenu(ui.createMenu(MENU.helpMenu).addItem(MENU.help, 'menuHelp').addItem(MENU.selfCheck, 'menuSelfCheck'))
    .addToUi();
}

/** Installing from the Marketplace runs onInstall (FULL), not onOpen: build the menu now, not at the next open. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  onEditCheck(e);
}

export const menuSetup = (): void => setupAction();
export const menuCheck = (): void => checkAction();
export const menuProgress = (): void => progressAction();
export const menuTripForm = (): void => tripFormAction();
export const menuApprovals = (): void => approvalsAction();
export const menuMau1 = (): void => formDialogAction('mau1');
export const menuMau2 = (): void => formDialogAction('mau2');
export const menuMau3 = (): void => formDialogAction('mau3');
export const menuSettings = (): void => settingsAction();
export const menuHelp = (): void => helpAction();
export const menuClearMarks = (): void => clearMarksAction();
export const menuSelfCheck = (): void => selfCheckAction();
