import * as api from '../sheets/sidebar-api';
import type { GenerateFormInput, GenerateFormResult } from '../sheets/sidebar-api';
import type { SettingsInput } from '../core/settings';
import type { TripInput } from '../core/trip-input';
import { selectTripRowsOf } from './actions';
import { gasContext, serve, withDocumentLock } from './context';
import { MENU } from './texts';

/**
 * The server functions the pages call through google.script.run, over the Apps Script context. Writes run inside
 * the document lock; every failure reaches the page as a Vietnamese sentence (see serve).
 */

export function getProgress(): api.ProgressPayload {
  return serve(MENU.progress, () => api.getProgress(gasContext()));
}

export function getTripForm(): api.TripFormPayload {
  return serve(MENU.tripForm, () => api.getTripForm(gasContext()));
}

export function saveTrip(input: TripInput): api.SaveTripResult {
  return serve(MENU.tripForm, () => withDocumentLock(() => api.saveTrip(gasContext(), input)));
}

export function getFormOptions(): api.FormOptionsPayload {
  return serve('Tạo biểu mẫu', () => api.getFormOptions(gasContext()));
}

/** Writes the form's tab, then shows it (the tab the person asked for is the one they want to look at). */
export function generateForm(input: GenerateFormInput): GenerateFormResult {
  return serve('Tạo biểu mẫu', () =>
    withDocumentLock(() => {
      const ctx = gasContext();
      const result = api.generateForm(ctx, input);
      ctx.workbook.sheet(result.tabName)?.activate();
      return result;
    }),
  );
}

export function getSettingsPage(): api.SettingsPagePayload {
  return serve(MENU.settings, () => api.getSettingsPage(gasContext()));
}

export function saveSettingsPage(input: SettingsInput): api.SaveSettingsResult {
  return serve(MENU.settings, () => withDocumentLock(() => api.saveSettingsPage(gasContext(), input)));
}

/** Selects a cadre's rows on the trips tab (Sheets only). Returns how many rows were selected. */
export function selectTripRows(name: string, ban: string): number {
  return serve(MENU.progress, () => selectTripRowsOf(gasContext(), String(name ?? ''), String(ban ?? '')));
}
