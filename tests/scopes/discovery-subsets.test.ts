import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, parseDiscovery, type DiscoveryDocument } from '../../scripts/generate-scope-map.ts';
import { getMethod, listMethods } from '../../src/scopes/apis-data.ts';

// Committed subsets of Google's discovery documents (tests/fixtures/discovery/<api>-<version>-subset.json):
// the data generated from the googleapis typings must give every method of each subset the same
// accepted scopes, HTTP method and path. (Parameters change between revisions of a document.)
//
// A subset taken from an older revision than googleapis@178.0.0's declares its drift in `x-drift`
// (the revision is named in the file): scopes Google added to a method since, methods added since,
// methods removed since. The test allows exactly those differences and no other, and a scope counts
// as added only when the subset's revision does not know it at all (absent from its OAuth scope list):
// a new scope, never a generator error hidden as drift.
const DIR = join(REPO_ROOT, 'tests/fixtures/discovery');
const subsets = readdirSync(DIR)
  .filter((f) => f.endsWith('-subset.json'))
  .sort();

interface Drift {
  scopesAddedSince?: Record<string, string[]>;
  methodsAddedSince?: string[];
  methodsRemovedSince?: string[];
}
interface Subset extends DiscoveryDocument {
  'x-drift'?: Drift;
  auth?: { oauth2?: { scopes?: Record<string, unknown> } };
}

function read(file: string): Subset {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Subset;
}

describe('generated data against discovery subsets', () => {
  it('has subsets for the nine phase-1 APIs and Gmail', () => {
    expect(subsets).toEqual([
      'calendar-v3-subset.json',
      'docs-v1-subset.json',
      'drive-v3-subset.json',
      'forms-v1-subset.json',
      'gmail-v1-subset.json',
      'people-v1-subset.json',
      'sheets-v4-subset.json',
      'slides-v1-subset.json',
      'tasks-v1-subset.json',
      'youtube-v3-subset.json',
    ]);
  });

  it.each(subsets)('%s: every method has the same scopes, HTTP method and path', (file) => {
    const doc = read(file);
    const drift = doc['x-drift'] ?? {};
    const map = parseDiscovery(doc);
    const ids = Object.keys(map.methods);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const removed = new Set(drift.methodsRemovedSince ?? []);
    for (const id of ids) {
      const expected = map.methods[id]!;
      const method = getMethod(map.api, map.version, id);
      if (removed.has(id)) {
        expect(method, `${id} is declared removed since revision ${doc.revision}`).toBeUndefined();
        continue;
      }
      expect(method, id).toBeDefined();
      const added = drift.scopesAddedSince?.[id] ?? [];
      expect([...(method!.scopes ?? [])].sort(), id).toEqual([...expected.scopes, ...added].sort());
      expect(method!.httpMethod, id).toBe(expected.httpMethod);
      expect(method!.path, id).toBe(expected.path);
    }
  });

  it.each(subsets)('%s: its declared drift is exact', (file) => {
    const doc = read(file);
    const drift = doc['x-drift'];
    if (drift === undefined) return;
    expect(doc.revision, 'a subset with drift names its revision').toMatch(/^\d{8}$/);
    const map = parseDiscovery(doc);
    const known = new Set(Object.keys(doc.auth?.oauth2?.scopes ?? {}));
    expect(known.size, 'the subset keeps its revision’s OAuth scope list').toBeGreaterThan(0);
    for (const [id, scopes] of Object.entries(drift.scopesAddedSince ?? {})) {
      expect(map.methods[id], id).toBeDefined();
      expect(scopes.length, id).toBeGreaterThan(0);
      for (const scope of scopes) expect(known.has(scope), `${id}: ${scope} is new since revision ${doc.revision}`).toBe(false);
    }
    for (const id of drift.methodsRemovedSince ?? []) expect(map.methods[id], id).toBeDefined();
    // Every generated method the subset lacks is declared as added since its revision, and only those.
    const generated = listMethods(map.api, map.version) ?? [];
    expect(generated.filter((id) => map.methods[id] === undefined).sort()).toEqual([...(drift.methodsAddedSince ?? [])].sort());
  });

  // The revisions: drift is stated per API so that a newer subset (which should shrink it) is a visible change.
  it('states the revision and drift of Calendar, Drive, People and YouTube', () => {
    const summary = Object.fromEntries(
      ['calendar-v3', 'drive-v3', 'people-v1', 'youtube-v3'].map((name) => {
        const doc = read(`${name}-subset.json`);
        const drift = doc['x-drift'] ?? {};
        return [
          name,
          {
            revision: doc.revision,
            methods: Object.keys(parseDiscovery(doc).methods).length,
            withAddedScopes: Object.keys(drift.scopesAddedSince ?? {}).length,
            added: drift.methodsAddedSince?.length ?? 0,
            removed: drift.methodsRemovedSince ?? [],
          },
        ];
      }),
    );
    expect(summary).toEqual({
      // Calendar's granular scopes (calendar.acls, calendar.app.created, calendar.calendarlist,
      // calendar.calendars, calendar.events.owned, calendar.events.freebusy, calendar.freebusy, …)
      // came after 20240705: 34 of its 37 methods gained scopes; none lost one.
      'calendar-v3': { revision: '20240705', methods: 37, withAddedScopes: 34, added: 1, removed: [] },
      'drive-v3': { revision: '20240730', methods: 50, withAddedScopes: 0, added: 14, removed: [] },
      'people-v1': { revision: '20240320', methods: 24, withAddedScopes: 0, added: 0, removed: [] },
      'youtube-v3': { revision: '20240529', methods: 81, withAddedScopes: 0, added: 3, removed: ['youtube.v3.updateCommentThreads'] },
    });
  });
});
