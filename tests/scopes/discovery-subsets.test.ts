import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, parseDiscovery, type DiscoveryDocument } from '../../scripts/generate-scope-map.ts';
import { getMethod } from '../../src/scopes/apis-data.ts';

// Committed subsets of Google's discovery documents (tests/fixtures/discovery/<api>-<version>-subset.json):
// the data generated from the googleapis typings must give every method of each subset the same
// accepted scopes, HTTP method and path. (Parameters change between revisions of a document.)
const DIR = join(REPO_ROOT, 'tests/fixtures/discovery');
const subsets = readdirSync(DIR)
  .filter((f) => f.endsWith('-subset.json'))
  .sort();

describe('generated data against discovery subsets', () => {
  it('has subsets for Docs, Drive, Forms, Gmail, Sheets, Slides and Tasks', () => {
    expect(subsets).toEqual([
      'docs-v1-subset.json',
      'drive-v3-subset.json',
      'forms-v1-subset.json',
      'gmail-v1-subset.json',
      'sheets-v4-subset.json',
      'slides-v1-subset.json',
      'tasks-v1-subset.json',
    ]);
  });

  it.each(subsets)('%s: every method has the same scopes, HTTP method and path', (file) => {
    const doc = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as DiscoveryDocument;
    const map = parseDiscovery(doc);
    const ids = Object.keys(map.methods);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (const id of ids) {
      const expected = map.methods[id]!;
      const method = getMethod(map.api, map.version, id);
      expect(method, id).toBeDefined();
      expect([...(method!.scopes ?? [])].sort(), id).toEqual([...expected.scopes].sort());
      expect(method!.httpMethod, id).toBe(expected.httpMethod);
      expect(method!.path, id).toBe(expected.path);
    }
  });
});
