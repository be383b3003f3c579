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
  /**
   * Judge calls whose auth can't be traced against every scope the project requests (the
   * project inventory, src/google/project/). `false` for monorepos whose apps share nothing.
   */
  readonly project: boolean;
}

export const SETTINGS_KEY = 'googleapis-scopes';

/** Malformed settings: the user's to fix, reported with what to write. */
export class SettingsError extends TypeError {}

/**
 * Parsed once per settings object (ESLint hands every file of a config the same one): a list
 * of a million scopes is split once, not once per file. Errors are remembered too.
 */
const parsed = new WeakMap<object, PluginSettings | SettingsError>();

/** No `settings['googleapis-scopes']`: one object for every file, so what is derived from it is shared (./facts.ts). */
const NO_SETTINGS: PluginSettings = Object.freeze({ scopes: undefined, complete: false, project: true });

const KNOWN_KEYS = new Set(['scopes', 'complete', 'project']);

export function readPluginSettings(settings: Readonly<Record<string, unknown>> | undefined): PluginSettings {
  const raw = settings?.[SETTINGS_KEY];
  if (raw === undefined) return NO_SETTINGS;
  if (typeof raw !== 'object' || raw === null) return parseSettings(raw);
  let result = parsed.get(raw);
  if (result === undefined) {
    try {
      result = parseSettings(raw);
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      result = error;
    }
    parsed.set(raw, result);
  }
  if (result instanceof SettingsError) throw result;
  return result;
}

function parseSettings(raw: unknown): PluginSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SettingsError(
      `settings['${SETTINGS_KEY}'] must be an object like { scopes: ['https://www.googleapis.com/auth/gmail.send'] }.`,
    );
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new SettingsError(`settings['${SETTINGS_KEY}'] has an unknown key "${key}"; expected "scopes", "complete" and/or "project".`);
    }
  }
  const scopes = record.scopes;
  if (scopes !== undefined && (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string'))) {
    throw new SettingsError(`settings['${SETTINGS_KEY}'].scopes must be an array of scope URL strings.`);
  }
  if (record.complete !== undefined && typeof record.complete !== 'boolean') {
    throw new SettingsError(`settings['${SETTINGS_KEY}'].complete must be a boolean.`);
  }
  if (record.project !== undefined && typeof record.project !== 'boolean') {
    throw new SettingsError(`settings['${SETTINGS_KEY}'].project must be a boolean.`);
  }
  return {
    // Frozen: checks against it reuse one set of its scopes (scopes/solver.ts).
    scopes: scopes === undefined ? undefined : Object.freeze((scopes as string[]).flatMap((scope) => scope.split(/\s+/).filter(Boolean))),
    complete: record.complete === true,
    project: record.project !== false,
  };
}
