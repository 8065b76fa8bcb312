import { SETTINGS_KEY, type SettingsStore } from '../sheets/settings-store';

/**
 * Settings in the document's properties: one namespaced JSON value (well under the 9 KB per-value limit), shared by
 * everyone who uses the add-on in this spreadsheet. Validation and the fallback to defaults live in settings-store.ts.
 */
export class DocumentPropertiesStore implements SettingsStore {
  private properties: GoogleAppsScript.Properties.Properties | null = null;

  read(): string | null {
    return this.store().getProperty(SETTINGS_KEY);
  }

  write(json: string): void {
    this.store().setProperty(SETTINGS_KEY, json);
  }

  private store(): GoogleAppsScript.Properties.Properties {
    this.properties ??= PropertiesService.getDocumentProperties();
    return this.properties;
  }
}
