import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { possibleImporters } from '../../src/core/importers.ts';
import { fileBoundary } from '../../src/core/file-boundary.ts';

const REACH = path.join(import.meta.dirname, '..', 'fixtures', 'reach');
const boundary = fileBoundary(path.join(import.meta.dirname, '..', '..'));

describe('possibleImporters', () => {
  it('lists the files of its project with a quoted specifier naming the module', () => {
    const found =
      possibleImporters(path.join(REACH, 'passed-client-wide', 'labels.js'), path.join(REACH, 'passed-client-wide'), boundary) ?? [];
    expect(found.map((file) => path.relative(REACH, file)).sort()).toEqual(['passed-client-wide/admin.js', 'passed-client-wide/index.js']);
  });

  it('knows nothing about an index module (other packages may import it by name)', () => {
    expect(possibleImporters(path.join(REACH, 'passed-client', 'index.js'), path.join(REACH, 'passed-client'), boundary)).toBeUndefined();
  });

  it('knows nothing outside a project (no package.json up to its root)', () => {
    expect(possibleImporters('/etc/hosts.js', '/', fileBoundary('/'))).toBeUndefined();
  });
});
