/**
 * The plugin's shared settings in eslint.config: `settings: { 'googleapis-scopes': { scopes } }`.
 * Read once per file; malformed settings fail loudly with a message that says what to write.
 */
export interface PluginSettings {
  /** The scopes the whole project requests (used when a client's auth can't be traced). */
  readonly scopes: readonly string[] | undefined;
  /**
   * The project declares that `scopes` is its complete list and every Google call is linted,
   * so least-privilege may report scopes that no call needs.
   */
  readonly complete: boolean;
}

export const SETTINGS_KEY = 'googleapis-scopes';

const KNOWN_KEYS = new Set(['scopes', 'complete']);

export function readPluginSettings(settings: Readonly<Record<string, unknown>> | undefined): PluginSettings {
  const raw = settings?.[SETTINGS_KEY];
  if (raw === undefined) return { scopes: undefined, complete: false };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new TypeError(`settings['${SETTINGS_KEY}'] must be an object like { scopes: ['https://www.googleapis.com/auth/gmail.send'] }.`);
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new TypeError(`settings['${SETTINGS_KEY}'] has an unknown key "${key}"; expected "scopes" and/or "complete".`);
    }
  }
  const scopes = record.scopes;
  if (scopes !== undefined && (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string'))) {
    throw new TypeError(`settings['${SETTINGS_KEY}'].scopes must be an array of scope URL strings.`);
  }
  if (record.complete !== undefined && typeof record.complete !== 'boolean') {
    throw new TypeError(`settings['${SETTINGS_KEY}'].complete must be a boolean.`);
  }
  return {
    scopes: scopes === undefined ? undefined : (scopes as string[]).flatMap((scope) => scope.split(/\s+/).filter(Boolean)),
    complete: record.complete === true,
  };
}
