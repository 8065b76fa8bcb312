import { UserError } from '../core/user-error';
import { SETTINGS_KEY, type SettingsStore } from '../sheets/settings-store';
import { texts } from './texts';

/**
 * Apps Script's quotas: a property value holds at most 9 KB, a property store 500 KB ("Quotas for Google Services").
 * Both in bytes of the UTF-8 text, which is what Vietnamese names and addresses cost.
 */
export const PROPERTY_VALUE_BYTES = 9 * 1024;
export const PROPERTY_STORE_BYTES = 500 * 1024;
/** Our settings stay far below the store's limit, which the sent-log and the schedule's records share. */
const SETTINGS_MAX_BYTES = 100 * 1024;
/** What a part holds, below the per-value limit. */
const PART_BYTES = 8 * 1024;
/** The value under SETTINGS_KEY when the settings are kept in parts: `dicoso-parts:<generation>:<count>`. */
const PARTS_HEADER = /^dicoso-parts:([\w-]+):(\d+)$/;

export function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    n += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The text cut into pieces of at most `bytes` UTF-8 bytes each, never inside a character. */
export function utf8Parts(text: string, bytes: number): string[] {
  const parts: string[] = [];
  let part = '';
  let size = 0;
  for (const ch of text) {
    const n = utf8Bytes(ch);
    if (size + n > bytes) {
      parts.push(part);
      part = '';
      size = 0;
    }
    part += ch;
    size += n;
  }
  if (part !== '' || parts.length === 0) parts.push(part);
  return parts;
}

const partKey = (generation: string, index: number) => `${SETTINGS_KEY}#${generation}.${index}`;

/**
 * Settings in the document's properties: one namespaced JSON value, shared by everyone who uses the add-on in this
 * spreadsheet. Settings longer than one value may hold (many Bans, each with its leader's address) are kept in parts
 * under a new generation of keys, written before the header that names them and the old ones deleted after, so a
 * reader at any moment sees one whole version. Validation and the fallback to defaults live in settings-store.ts.
 */
export class DocumentPropertiesStore implements SettingsStore {
  private properties: GoogleAppsScript.Properties.Properties | null = null;

  read(): string | null {
    const stored = this.store().getProperty(SETTINGS_KEY);
    const header = stored === null ? null : PARTS_HEADER.exec(stored);
    if (!header) return stored;
    const all = this.store().getProperties();
    const parts = Array.from({ length: Number(header[2]) }, (_, i) => all[partKey(header[1]!, i)]);
    // A missing part makes the value unreadable JSON: settings-store.ts falls back to defaults and says so.
    return parts.every((p) => typeof p === 'string') ? parts.join('') : '';
  }

  write(json: string): void {
    const bytes = utf8Bytes(json);
    if (bytes > SETTINGS_MAX_BYTES) throw new UserError(texts.settingsTooLarge(bytes, SETTINGS_MAX_BYTES));
    const store = this.store();
    const previous = PARTS_HEADER.exec(store.getProperty(SETTINGS_KEY) ?? '');
    guardQuota(() => {
      if (bytes <= PROPERTY_VALUE_BYTES) {
        store.setProperty(SETTINGS_KEY, json);
      } else {
        const generation = Utilities.getUuid().slice(0, 8);
        const parts = utf8Parts(json, PART_BYTES);
        store.setProperties(Object.fromEntries(parts.map((p, i) => [partKey(generation, i), p])));
        store.setProperty(SETTINGS_KEY, `dicoso-parts:${generation}:${parts.length}`);
      }
    });
    if (previous) for (let i = 0; i < Number(previous[2]); i++) store.deleteProperty(partKey(previous[1]!, i));
  }

  private store(): GoogleAppsScript.Properties.Properties {
    this.properties ??= PropertiesService.getDocumentProperties();
    return this.properties;
  }
}

/** Bytes a property store holds, keys and values. */
export function storeBytes(properties: Record<string, string>): number {
  let n = 0;
  for (const [key, value] of Object.entries(properties)) n += utf8Bytes(key) + utf8Bytes(value);
  return n;
}

/**
 * Runs a write to the document's properties. A full store becomes a Vietnamese sentence saying what to do, told by
 * what the store holds rather than by Google's English words (Google translates its messages).
 */
export function guardQuota(write: () => void): void {
  try {
    write();
  } catch (error) {
    let full = false;
    try {
      full = storeBytes(PropertiesService.getDocumentProperties().getProperties()) + PROPERTY_VALUE_BYTES > PROPERTY_STORE_BYTES;
    } catch {
      // The store cannot be read either: the original failure stands.
    }
    if (full) throw new UserError(texts.propertiesFull);
    throw error;
  }
}
