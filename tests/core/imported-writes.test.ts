/**
 * src/core/imported-writes.ts: which exports another module writes into. Only the files whose
 * specifiers name the module are parsed (an unparsable file elsewhere changes nothing); one that
 * names it and can't be parsed makes the answer unknown.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileBoundary } from '../../src/core/file-boundary.ts';
import { clearImportedWrites, isWrittenByImporters } from '../../src/core/imported-writes.ts';
import { tempFolder, writeFiles } from '../temp-project.ts';

describe('isWrittenByImporters', () => {
  const base = tempFolder('imported-writes');
  const boundary = fileBoundary(base);
  let count = 0;
  const project = (files: Record<string, string>): string => {
    const root = path.join(base, `p${++count}`);
    writeFiles(root, { 'package.json': '{ "type": "module" }\n', ...files });
    clearImportedWrites();
    return root;
  };

  it('names the exports importers write through, by any import form, and no others', () => {
    const root = project({
      'scopes.js': 'export const A = []; export const B = []; export const C = {};\n',
      'push.js': "import { A as list } from './scopes.js';\nexport const add = (s) => list.push(s);\n",
      'assign.cjs': "const { C } = require('./scopes.js');\nObject.assign(C, { x: 1 });\n",
      'read.js': "import { B } from './scopes.js';\nexport const copy = [...B].sort();\n",
      // Unparsable, but it names no module: never parsed.
      'broken.js': 'export const = ;\n',
    });
    const scopes = path.join(root, 'scopes.js');
    expect(isWrittenByImporters(scopes, 'A', root, boundary)).toBe(true);
    expect(isWrittenByImporters(scopes, 'B', root, boundary)).toBe(false);
    expect(isWrittenByImporters(scopes, 'C', root, boundary)).toBe(true);
    expect(isWrittenByImporters(scopes, undefined, root, boundary)).toBe(true);
  });

  it('a namespace import written through writes every export', () => {
    const root = project({
      'lists/index.ts': 'export const L: string[] = [];\n',
      'w.ts': "import * as lists from './lists';\nlists.L.push('x');\n",
    });
    expect(isWrittenByImporters(path.join(root, 'lists', 'index.ts'), 'L', root, boundary)).toBe(true);
  });

  it('unknown when a file that names the module can not be parsed', () => {
    const root = project({ 'scopes.js': 'export const A = [];\n', 'w.js': "import { A } from './scopes.js';\nA.push(;\n" });
    expect(isWrittenByImporters(path.join(root, 'scopes.js'), 'A', root, boundary)).toBeUndefined();
  });
});
