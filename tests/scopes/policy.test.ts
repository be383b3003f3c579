import { describe, expect, it } from 'vitest';
import { getApiMap, getMethod } from '../../src/scopes/api-map.ts';
import { callNeed, unusedScopes, usedScopes } from '../../src/scopes/policy.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const s = (label: string): string => `${AUTH}${label}`;
const need = (id: string, shape = {}) => callNeed(getMethod('gmail', id)!, shape);

describe('usedScopes / unusedScopes (one definition for least-privilege and the report)', () => {
  it('keeps the least-privileged cover among the requested scopes', () => {
    const calls = [need('users.messages.list'), need('users.messages.send')];
    // Same classification either way: the fewest scopes, as missing-scope's fix would choose.
    expect(unusedScopes(calls, [s('gmail.modify'), s('gmail.readonly'), s('gmail.send')])).toEqual([s('gmail.readonly'), s('gmail.send')]);
    // A lower classification wins over fewer scopes.
    expect(
      unusedScopes([need('users.labels.create'), need('users.messages.send')], [s('gmail.modify'), s('gmail.labels'), s('gmail.send')]),
    ).toEqual([s('gmail.modify')]);
  });

  it('calls a scope no call accepts unused', () => {
    expect(unusedScopes([need('users.labels.list')], [s('gmail.labels'), s('gmail.send')])).toEqual([s('gmail.send')]);
  });

  it('counts a requested gmail.metadata or add-on scope that a call relies on as used', () => {
    expect([...usedScopes([need('users.history.list')], [s('gmail.metadata')])]).toEqual([s('gmail.metadata')]);
    // A call that certainly breaks under gmail.metadata, with nothing else requested, still uses it.
    expect([...usedScopes([need('users.messages.get', { format: 'full' })], [s('gmail.metadata')])]).toEqual([s('gmail.metadata')]);
    expect([...usedScopes([need('users.messages.send')], [s('gmail.addons.current.action.compose')])]).toEqual([
      s('gmail.addons.current.action.compose'),
    ]);
  });

  it('describes a call by what it accepts and how it fares under gmail.metadata', () => {
    expect(need('users.messages.list', { hasQ: true })).toMatchObject({ metadata: 'breaks' });
    expect(need('users.messages.list', { hasQ: true }).effective).not.toContain(s('gmail.metadata'));
  });
});

describe('usedScopes: silent subsets (review 3 H5)', () => {
  const drive = (id: string, shape = {}) => callNeed(getApiMap('drive', 'v3')!.methods.get(id)!, shape);
  it('counts drive.file as covering only a call that fits it', () => {
    const get = drive('files.get', { unresolvedParams: ['fileId'] });
    const create = drive('files.create', { params: { 'requestBody.name': 'x' } });
    expect(unusedScopes([get, create], [s('drive.readonly'), s('drive.file')])).toEqual([]);
    expect(unusedScopes([get], [s('drive.readonly'), s('drive.file')])).toEqual([s('drive.file')]);
    // No requested scope fits: the call may rely on either.
    expect(unusedScopes([get], [s('drive.appdata'), s('drive.file')])).toEqual([]);
  });
});
