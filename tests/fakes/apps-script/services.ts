// CacheService, PropertiesService, Utilities, HtmlService, Session, Logger and the Ui of SpreadsheetApp,
// as far as the DH add-on uses them, with the limits the Apps Script reference documents:
// - Cache: keys ≤ 250 characters, values ≤ 100 KB, expiry 1 … 21 600 s (6 h); get returns null on a miss.
// - Properties: values ≤ 9 KB, 500 KB per store.
import { AppsScriptException, MESSAGES } from './errors.js';
import type { AppsScriptFake } from './index.js';

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_KEY_LIMIT = 250;
export const CACHE_MAX_SECONDS = 21_600;
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

/**
 * Items one cache holds: "a cache item cap of 1,000 entries" (developers.google.com, Class Cache). When more are
 * written the cache keeps the 900 items farthest from expiration and drops the rest (Class Cache → putAll:
 * "If more than 1,000 items are written, the cache stores the 900 items farthest from expiration").
 */
export const CACHE_ITEM_CAP = 1000;
export const CACHE_ITEMS_KEPT = 900;

/** The cache's storage; kept by the test across executions (like Google's servers). */
export class CacheStore {
  readonly entries = new Map<string, { value: string; expires: number }>();
  /** Items dropped by the cap so far (tests look at it). */
  evicted = 0;

  /** Applies the item cap after a write: expired items go first, then those nearest to expiry. */
  enforceCap(now: number): void {
    for (const [k, e] of this.entries) if (e.expires <= now) this.entries.delete(k);
    if (this.entries.size <= CACHE_ITEM_CAP) return;
    // Farthest from expiration first; among equals the newest write (Map order is write order) wins.
    const ranked = [...this.entries.entries()].map(([k, e], i) => ({ k, e, i })).sort((a, b) => b.e.expires - a.e.expires || b.i - a.i);
    const keep = new Set(ranked.slice(0, CACHE_ITEMS_KEPT).map((x) => x.k));
    for (const k of [...this.entries.keys()]) {
      if (!keep.has(k)) {
        this.entries.delete(k);
        this.evicted++;
      }
    }
  }
}

export class FakeCache {
  constructor(
    private readonly fake: AppsScriptFake,
    private readonly store: CacheStore,
  ) {}

  private checkKey(key: unknown): string {
    if (typeof key !== 'string') throw new AppsScriptException(MESSAGES.invalidArgument('key'));
    if (key.length > CACHE_KEY_LIMIT) throw new AppsScriptException(MESSAGES.tooLarge('key'));
    return key;
  }

  private checkValue(value: unknown): string {
    if (typeof value !== 'string') throw new AppsScriptException(MESSAGES.invalidArgument('value'));
    if (utf8Bytes(value) > CACHE_VALUE_LIMIT) throw new AppsScriptException(MESSAGES.tooLarge('value'));
    return value;
  }

  private expiry(seconds: number | undefined): number {
    const s = seconds === undefined ? 600 : Math.min(CACHE_MAX_SECONDS, Math.max(1, Math.floor(seconds)));
    return this.fake.now() + s * 1000;
  }

  private live(key: string): string | null {
    const e = this.store.entries.get(key);
    if (!e) return null;
    if (e.expires <= this.fake.now()) {
      this.store.entries.delete(key);
      return null;
    }
    return e.value;
  }

  get(key: string): string | null {
    this.fake.record('Cache.get');
    return this.live(this.checkKey(key));
  }

  getAll(keys: string[]): Record<string, string> {
    this.fake.record('Cache.getAll');
    if (!Array.isArray(keys)) throw new AppsScriptException(MESSAGES.invalidArgument('keys'));
    const out: Record<string, string> = {};
    for (const key of keys) {
      const v = this.live(this.checkKey(key));
      if (v !== null) out[key] = v;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.fake.record('Cache.put', { cache: true });
    const k = this.checkKey(key);
    this.store.entries.delete(k); // a rewrite counts as the newest write
    this.store.entries.set(k, { value: this.checkValue(value), expires: this.expiry(expirationInSeconds) });
    this.store.enforceCap(this.fake.now());
  }

  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    this.fake.record('Cache.putAll', { cache: true });
    const checked = Object.entries(values).map(([k, v]) => [this.checkKey(k), this.checkValue(v)] as const);
    for (const [k, v] of checked) {
      this.store.entries.delete(k);
      this.store.entries.set(k, { value: v, expires: this.expiry(expirationInSeconds) });
    }
    this.store.enforceCap(this.fake.now());
  }

  remove(key: string): void {
    this.fake.record('Cache.remove', { cache: true });
    this.store.entries.delete(this.checkKey(key));
  }

  removeAll(keys: string[]): void {
    this.fake.record('Cache.removeAll', { cache: true });
    for (const k of keys) this.store.entries.delete(this.checkKey(k));
  }
}

export class PropertyStore {
  readonly values = new Map<string, string>();
}

export class FakeProperties {
  constructor(
    private readonly fake: AppsScriptFake,
    private readonly store: PropertyStore,
  ) {}

  private total(extra: Map<string, string>): number {
    const merged = new Map([...this.store.values, ...extra]);
    let bytes = 0;
    for (const [k, v] of merged) bytes += utf8Bytes(k) + utf8Bytes(v);
    return bytes;
  }

  private checked(values: Record<string, unknown>): Map<string, string> {
    const out = new Map<string, string>();
    for (const [k, raw] of Object.entries(values)) {
      const v = String(raw);
      if (utf8Bytes(v) > PROPERTY_VALUE_LIMIT) throw new AppsScriptException(MESSAGES.tooLarge('value'));
      out.set(k, v);
    }
    if (this.total(out) > PROPERTY_STORE_LIMIT) throw new AppsScriptException('You have exceeded the property storage quota. Please remove some properties and try again.');
    return out;
  }

  getProperty(key: string): string | null {
    this.fake.record('Properties.getProperty');
    return this.store.values.get(key) ?? null;
  }

  getProperties(): Record<string, string> {
    this.fake.record('Properties.getProperties');
    return Object.fromEntries(this.store.values);
  }

  getKeys(): string[] {
    this.fake.record('Properties.getKeys');
    return [...this.store.values.keys()];
  }

  setProperty(key: string, value: string): FakeProperties {
    this.fake.record('Properties.setProperty', { write: true, properties: true });
    for (const [k, v] of this.checked({ [key]: value })) this.store.values.set(k, v);
    return this;
  }

  setProperties(values: Record<string, string>, deleteAllOthers = false): FakeProperties {
    this.fake.record('Properties.setProperties', { write: true, properties: true });
    const checked = this.checked(values);
    if (deleteAllOthers) this.store.values.clear();
    for (const [k, v] of checked) this.store.values.set(k, v);
    return this;
  }

  deleteProperty(key: string): FakeProperties {
    this.fake.record('Properties.deleteProperty', { write: true, properties: true });
    this.store.values.delete(key);
    return this;
  }

  deleteAllProperties(): FakeProperties {
    this.fake.record('Properties.deleteAllProperties', { write: true, properties: true });
    this.store.values.clear();
    return this;
  }
}

/** Utilities.formatDate with the SimpleDateFormat letters the add-on uses: yyyy MM dd HH mm ss SSS and 'quoted' text. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (Object.prototype.toString.call(date) !== '[object Date]' || Number.isNaN(date.getTime())) throw new AppsScriptException(MESSAGES.invalidArgument('date'));
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const tokens: Record<string, string> = {
    yyyy: get('year'),
    MM: get('month'),
    dd: get('day'),
    HH: get('hour'),
    mm: get('minute'),
    ss: get('second'),
    SSS: String(date.getUTCMilliseconds()).padStart(3, '0'),
  };
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    if (pattern[i] === "'") {
      const end = pattern.indexOf("'", i + 1);
      out += pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    const token = Object.keys(tokens).find((t) => pattern.startsWith(t, i));
    if (token) {
      out += tokens[token];
      i += token.length;
    } else {
      if (/[A-Za-z]/.test(pattern[i]!)) throw new AppsScriptException(`The fake does not support the date pattern letter "${pattern[i]}".`);
      out += pattern[i];
      i++;
    }
  }
  return out;
}

export class FakeHtmlOutput {
  title = '';
  width?: number;
  constructor(readonly content: string) {}
  setTitle(title: string): FakeHtmlOutput {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  getContent(): string {
    return this.content;
  }
  setWidth(width: number): FakeHtmlOutput {
    this.width = width;
    return this;
  }
}

export class FakeMenu {
  readonly items: { caption: string; functionName: string }[] = [];
  constructor(
    private readonly ui: FakeUi,
    readonly caption: string | null,
  ) {}
  addItem(caption: string, functionName: string): FakeMenu {
    if (typeof caption !== 'string' || typeof functionName !== 'string' || !caption || !functionName) throw new AppsScriptException(MESSAGES.invalidArgument('addItem'));
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): FakeMenu {
    return this;
  }
  addSubMenu(_menu: FakeMenu): FakeMenu {
    return this;
  }
  addToUi(): void {
    this.ui.menus.push(this);
  }
}

export class FakeUi {
  readonly menus: FakeMenu[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly alerts: string[] = [];
  /** Captions passed to createMenu (Google's add-on guidance: never call it in an add-on). */
  readonly topLevelMenus: string[] = [];
  /**
   * Running as a published Editor add-on. createMenu does not fail there: "Unpublished add-ons can also create
   * custom top-level menus, but these move under the add-ons menu if the add-on is published … always use
   * Ui.createAddonMenu" (developers.google.com, "Custom menus for Editor add-ons"). The fake moves it the same way.
   */
  addonOnly = false;

  createMenu(caption: string): FakeMenu {
    this.topLevelMenus.push(caption);
    return new FakeMenu(this, this.addonOnly ? null : caption);
  }
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this, null);
  }
  showSidebar(output: FakeHtmlOutput): void {
    if (!(output instanceof FakeHtmlOutput)) throw new AppsScriptException(MESSAGES.invalidArgument('userInterface'));
    this.sidebars.push(output);
  }
  alert(message: string): string {
    this.alerts.push(message);
    return 'OK';
  }
}
