/**
 * An imported module nested deeper than 256 brackets, braces or `${` is unknown, never parsed:
 * espree on template literals nested ~600 deep kills Node with a fatal "RegExpCompiler
 * Allocation failed" that no `try` catches (reproduced with the built plugin under plain node
 * and the eslint CLI: a 6 kB module the user may not even lint ended the whole run). Whether the
 * fatal error or a catchable stack overflow happens depends on the stack left at that point, so
 * this tests the guard itself: the module is not parsed, and a module below the limit still is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingScopeLinter, tempFolder } from '../temp-project.ts';

const dir = tempFolder('deep-nesting');

/** Lints a file importing `S` (gmail.send) from a module that also exports `nested`, `depth` arrays deep. */
function lintWithNesting(depth: number): string[] {
  fs.writeFileSync(
    path.join(dir, `scopes-${depth}.js`),
    `export const S = 'https://www.googleapis.com/auth/gmail.send';\nexport const nested = ${'['.repeat(depth)}${']'.repeat(depth)};\n`,
  );
  const app = path.join(dir, `app-${depth}.js`);
  const text = `import { google } from 'googleapis';\nimport { S } from './scopes-${depth}.js';\nconst auth = new google.auth.GoogleAuth({ scopes: [S] });\ngoogle.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });\n`;
  return missingScopeLinter(dir)(text, app);
}

describe('an imported module nested too deep to parse safely is unknown', () => {
  it('nested 257 deep: not parsed, so the scopes are unresolved', () => {
    expect(lintWithNesting(257)).toEqual(['4:unresolvedScopes']);
  });

  it('nested 256 deep: parsed, and gmail.send covers the call', () => {
    expect(lintWithNesting(256)).toEqual([]);
  });
});
