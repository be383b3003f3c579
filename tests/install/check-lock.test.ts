import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain-Node script (it runs before `npm ci`), without type declarations
import { isDistTag, unpinnedDistTags } from '../../scripts/check-lock.mjs';

const lockWith = (dependencies: Record<string, string>) => ({
  packages: { '': { name: 'app' }, 'node_modules/@microsoft/eslint-formatter-sarif': { dependencies } },
});

describe('check-lock', () => {
  it('tells dist-tags from versions, ranges, aliases and URLs', () => {
    expect(['latest', 'next', 'beta', 'canary'].every(isDistTag)).toBe(true);
    const notTags = [
      '*',
      'x',
      '^4.0.0',
      '~1.2',
      '>=8.0.0',
      'v1.2.3',
      '1.x',
      'npm:foo@1',
      'file:../x',
      'github:a/b',
      'https://x.y/z.tgz',
      '',
    ];
    expect(notTags.filter(isDistTag)).toEqual([]);
  });

  it('reports a transitive `latest` that no override pins, naming its parent', () => {
    expect(unpinnedDistTags(lockWith({ jschardet: 'latest', lodash: '^4.17.14' }), { name: 'app' })).toEqual([
      '@microsoft/eslint-formatter-sarif → jschardet@latest',
    ]);
  });

  it('accepts a tag pinned by an override, globally or below its parent', () => {
    const lock = lockWith({ jschardet: 'latest' });
    expect(unpinnedDistTags(lock, { name: 'app', overrides: { jschardet: '4.1.0' } })).toEqual([]);
    expect(unpinnedDistTags(lock, { name: 'app', overrides: { '@microsoft/eslint-formatter-sarif': { jschardet: '4.1.0' } } })).toEqual([]);
    expect(unpinnedDistTags(lock, { name: 'app', overrides: { other: { jschardet: '4.1.0' } } })).toHaveLength(1);
  });
});
