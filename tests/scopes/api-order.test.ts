import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APIS_DATA_DIR } from '../../scripts/generate-scope-map.ts';
import { deriveGrants } from '../../scripts/lib/scope-order.ts';
import type { ApiVersionFile } from '../../src/scopes/apis-format.ts';
import { ORDER_FACTS, orderFactsFor } from '../../src/scopes/order-facts.ts';
import { grants as gmailGrants } from '../../src/scopes/order.ts';
import { listMethods, scopeGrants } from '../../src/scopes/public.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const load = (api: string, version: string): ApiVersionFile =>
  JSON.parse(readFileSync(join(APIS_DATA_DIR, `${api}-${version}.json`), 'utf8')) as ApiVersionFile;
/** Whether `a` grants `b` in the shipped order of `api` `version`. */
const shipped = (api: string, version: string, a: string, b: string): boolean =>
  scopeGrants(api, version, AUTH + a)?.includes(AUTH + b) === true;
/** The same from the method lists alone, without the facts. */
const derivedOnly = (api: string, version: string, a: string, b: string): boolean => {
  const file = load(api, version);
  return deriveGrants(file)[String(file.scopes.indexOf(AUTH + a))]?.includes(file.scopes.indexOf(AUTH + b)) === true;
};

// The wrong derivations of issue 15 ("Scope order per API is facts, not only derivation").
const WRONG: Array<[api: string, version: string, broader: string, narrower: string]> = [
  ['drive', 'v3', 'drive.file', 'drive.metadata.readonly'],
  ['drive', 'v3', 'drive.appdata', 'drive.scripts'],
  ['sheets', 'v4', 'drive.file', 'drive'],
  ['sheets', 'v4', 'drive.file', 'spreadsheets'],
  ['calendar', 'v3', 'calendar.events.owned', 'calendar.events'],
  ['calendar', 'v3', 'calendar.app.created', 'calendar.events.readonly'],
  ['people', 'v1', 'contacts', 'user.birthday.read'],
  ['meet', 'v2', 'meetings.space.created', 'meetings.space.readonly'],
  // Slides' batchUpdate list mixes editing and linked-chart scopes.
  ['slides', 'v1', 'drive.readonly', 'spreadsheets'],
  ['slides', 'v1', 'spreadsheets.readonly', 'spreadsheets'],
];

describe('per-API scope order shipped in data/apis', () => {
  it.each(WRONG)('%s %s: %s does not grant %s (derived from the lists alone, removed by a cited fact)', (api, version, a, b) => {
    expect(derivedOnly(api, version, a, b)).toBe(true);
    expect(shipped(api, version, a, b)).toBe(false);
  });

  it('is derived per API: Apps Script scripts.run does not make calendar/feeds, forms and groups equivalent', () => {
    const feeds = 'https://www.google.com/calendar/feeds';
    expect(scopeGrants('script', 'v1', feeds)).toEqual([]);
    expect(scopeGrants('script', 'v1', `${AUTH}forms`)).toEqual([]);
    expect(scopeGrants('script', 'v1', `${AUTH}groups`)).toEqual([]);
    // Not even another API's scope list: Calendar's own data knows nothing of forms.
    expect(scopeGrants('calendar', 'v3', feeds)).toBeUndefined();
  });

  it('keeps the implications that hold', () => {
    expect(scopeGrants('drive', 'v3', `${AUTH}drive`)).toEqual(
      [
        'drive.appdata',
        'drive.file',
        'drive.meet.readonly',
        'drive.metadata',
        'drive.metadata.readonly',
        'drive.photos.readonly',
        'drive.readonly',
        'drive.scripts',
      ].map((s) => AUTH + s),
    );
    expect(scopeGrants('drive', 'v3', `${AUTH}drive.readonly`)).toEqual([`${AUTH}drive.meet.readonly`, `${AUTH}drive.metadata.readonly`]);
    expect(scopeGrants('drive', 'v3', `${AUTH}drive.metadata`)).toEqual([`${AUTH}drive.metadata.readonly`]);
    expect(scopeGrants('drive', 'v3', `${AUTH}drive.file`)).toEqual([]);
    expect(scopeGrants('sheets', 'v4', `${AUTH}spreadsheets`)).toEqual(
      ['drive', 'drive.file', 'drive.readonly', 'spreadsheets.readonly'].map((s) => AUTH + s),
    );
    expect(scopeGrants('sheets', 'v4', `${AUTH}drive.file`)).toEqual([]);
    expect(shipped('calendar', 'v3', 'calendar', 'calendar.events.owned')).toBe(true);
    expect(shipped('calendar', 'v3', 'calendar.events', 'calendar.events.readonly')).toBe(true);
    expect(shipped('calendar', 'v3', 'calendar.readonly', 'calendar.events.readonly')).toBe(true);
    expect(shipped('calendar', 'v3', 'calendar.events.freebusy', 'calendar.events.readonly')).toBe(false);
    expect(scopeGrants('calendar', 'v3', `${AUTH}calendar.events.owned`)).toEqual([`${AUTH}calendar.events.owned.readonly`]);
    expect(scopeGrants('calendar', 'v3', `${AUTH}calendar.app.created`)).toEqual([]);
    expect(scopeGrants('people', 'v1', `${AUTH}contacts`)).toEqual([`${AUTH}contacts.readonly`]);
    expect(scopeGrants('drive', 'v3', `${AUTH}nope`)).toBeUndefined();
  });

  it("matches the plugin's own Gmail order (src/scopes/order.ts) on every pair of Gmail v1 scopes", () => {
    const { scopes } = load('gmail', 'v1');
    for (const a of scopes) {
      for (const b of scopes) {
        if (a !== b) expect(scopeGrants('gmail', 'v1', a)?.includes(b), `${a} ⊇ ${b}`).toBe(gmailGrants(a, b));
      }
    }
  });

  it('names only scopes and methods the data has (no stale fact)', () => {
    for (const facts of ORDER_FACTS.filter((f) => f.api !== '*')) {
      const versions = Object.keys(
        (JSON.parse(readFileSync(join(APIS_DATA_DIR, 'index.json'), 'utf8')) as { apis: Record<string, object> }).apis[facts.api] ?? {},
      );
      expect(versions.length, facts.api).toBeGreaterThan(0);
      const scopes = new Set(versions.flatMap((v) => load(facts.api, v).scopes));
      const named = [...(facts.partial ?? []), ...(facts.unordered ?? [])].map((r) => r.scope);
      named.push(...[...(facts.grants ?? []), ...(facts.notGrants ?? [])].flatMap((g) => [g.broader, g.narrower]));
      for (const s of named) expect(scopes.has(s), `${facts.api}: ${s}`).toBe(true);
      for (const m of facts.notOrderSources ?? [])
        expect(
          versions.some((v) => listMethods(facts.api, v)?.includes(m.method)),
          m.method,
        ).toBe(true);
    }
  });

  it('fails the generator when a fact is contradicted by the rest of the order', () => {
    const file = {
      scopes: ['a', 'b', 'c'],
      methods: { x: { h: 'GET', p: 'x', s: [0, 1, 2] }, y: { h: 'GET', p: 'y', s: [0, 1] }, z: { h: 'GET', p: 'z', s: [0] } },
    };
    expect(deriveGrants(file)).toEqual({ 0: [1, 2], 1: [2] });
    expect(() => deriveGrants(file, [{ api: 'demo', notGrants: [{ broader: 'a', narrower: 'c', why: '', source: '' }] }])).toThrow(
      'order fact "a does not grant c" contradicts a ⊇ b ⊇ c',
    );
    expect(deriveGrants(file, [{ api: 'demo', partial: [{ scope: 'b', why: '', source: '' }] }])).toEqual({ 0: [1, 2] });
    expect(orderFactsFor('drive').map((f) => f.api)).toEqual(['*', 'drive']);
  });
});
