import type { FakeContext } from './context';
import { gasError, MESSAGES } from './errors';

type Api = GoogleAppsScript.Properties.Properties;
type Implemented = 'deleteAllProperties' | 'deleteProperty' | 'getKeys' | 'getProperties' | 'getProperty' | 'setProperties' | 'setProperty';

/** Google's quotas page: 9 KB per value, 500 KB per property store. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** One property store (document, user or script). Values are strings; what is stored is a copy. */
export class PropertyStore {
  readonly map = new Map<string, string>();
  constructor(readonly kind: 'Document' | 'User' | 'Script') {}
  size(map: Map<string, string> = this.map): number {
    let n = 0;
    for (const [k, v] of map) n += bytes(k) + bytes(v);
    return n;
  }
  /** All or nothing, like a failed setProperties in Apps Script leaves the store as it was. */
  write(entries: [string, string][], deleteAllOthers = false): void {
    for (const [, v] of entries) if (bytes(v) > PROPERTY_VALUE_LIMIT) throw gasError(MESSAGES.propertyValueTooLarge);
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.map);
    for (const [k, v] of entries) next.set(k, v);
    if (this.size(next) > PROPERTY_STORE_LIMIT) throw gasError(MESSAGES.propertyQuota);
    this.map.clear();
    for (const [k, v] of next) this.map.set(k, v);
  }
  toObject(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
}

export interface FakeProperties extends Omit<Api, Implemented> {}
export class FakeProperties implements Pick<Api, Implemented> {
  constructor(
    private readonly ctx: FakeContext,
    readonly store: PropertyStore,
  ) {}

  private rec(method: string): void {
    this.ctx.calls.record(`Properties.${method}`);
    this.ctx.require(`Properties.${method}`, 'storage');
  }

  deleteAllProperties(): this {
    this.rec('deleteAllProperties');
    this.store.map.clear();
    return this;
  }
  deleteProperty(key: string): this {
    this.rec('deleteProperty');
    this.store.map.delete(String(key));
    return this;
  }
  getKeys(): string[] {
    this.rec('getKeys');
    return [...this.store.map.keys()];
  }
  getProperties(): Record<string, string> {
    this.rec('getProperties');
    return this.store.toObject();
  }
  getProperty(key: string): string | null {
    this.rec('getProperty');
    return this.store.map.get(String(key)) ?? null;
  }
  setProperties(properties: Record<string, string>, deleteAllOthers?: boolean): this {
    this.rec('setProperties');
    if (properties === null || typeof properties !== 'object') {
      throw gasError(MESSAGES.signature(typeof properties, 'PropertiesService.Properties.setProperties'));
    }
    this.store.write(
      Object.entries(properties).map(([k, v]) => [k, String(v)]),
      Boolean(deleteAllOthers),
    );
    return this;
  }
  setProperty(key: string, value: string): this {
    this.rec('setProperty');
    if (key === undefined || key === null) throw gasError(MESSAGES.signature(String(key), 'PropertiesService.Properties.setProperty'));
    // Apps Script stores the string form of whatever it is given.
    this.store.write([[String(key), String(value)]]);
    return this;
  }
}

type ServiceApi = GoogleAppsScript.Properties.PropertiesService;
type ServiceImplemented = 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties';

export interface FakePropertiesService extends Omit<ServiceApi, ServiceImplemented> {}
export class FakePropertiesService implements Pick<ServiceApi, ServiceImplemented> {
  readonly document = new PropertyStore('Document');
  readonly user = new PropertyStore('User');
  readonly script = new PropertyStore('Script');

  constructor(private readonly ctx: FakeContext) {}

  private open(method: string, store: PropertyStore): FakeProperties {
    this.ctx.calls.record(`PropertiesService.${method}`);
    this.ctx.require(`PropertiesService.${method}`, 'storage');
    return new FakeProperties(this.ctx, store);
  }
  /** Null "when document properties are not available" (reference): see ClockTriggerContext. */
  getDocumentProperties(): FakeProperties {
    const store = this.open('getDocumentProperties', this.document);
    return (this.ctx.reaches('documentProperties') ? store : null) as FakeProperties;
  }
  getScriptProperties(): FakeProperties {
    return this.open('getScriptProperties', this.script);
  }
  getUserProperties(): FakeProperties {
    return this.open('getUserProperties', this.user);
  }
}
