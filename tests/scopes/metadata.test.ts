import { describe, expect, it } from 'vitest';
import { GMAIL_V1, getMethod, type MethodInfo } from '../../src/scopes/api-map.ts';
import {
  METADATA_SCOPE,
  effectiveAcceptedScopes,
  getMetadataRestriction,
  metadataRestrictions,
  metadataVerdict,
} from '../../src/scopes/metadata.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const method = (id: string): MethodInfo => {
  const m = getMethod('gmail', id);
  if (!m) throw new Error(id);
  return m;
};

describe('metadata restrictions: the data', () => {
  it('is gmail.metadata', () => {
    expect(METADATA_SCOPE).toBe(`${AUTH}gmail.metadata`);
  });

  it('only lists restrictions that can bite: on methods that accept gmail.metadata, with the parameter', () => {
    expect(metadataRestrictions.map((r) => r.methodId).sort()).toEqual([
      'users.messages.get',
      'users.messages.list',
      'users.threads.get',
      'users.threads.list',
    ]);
    for (const r of metadataRestrictions) {
      const m = method(r.methodId);
      expect(m.scopes).toContain(METADATA_SCOPE);
      if (r.forbiddenFormats) {
        expect(m.parameters.format?.location).toBe('query');
        expect(r.defaultFormat).toBe('full');
        expect(r.forbiddenFormats).toContain(r.defaultFormat);
      }
      for (const p of r.forbiddenParams ?? []) expect(m.parameters[p]?.location).toBe('query');
    }
  });

  it('users.drafts.get has a format but does not accept gmail.metadata at all (so no restriction)', () => {
    const m = method('users.drafts.get');
    expect(m.parameters.format).toBeDefined();
    expect(m.scopes).not.toContain(METADATA_SCOPE);
    expect(getMetadataRestriction(m)).toBeUndefined();
    expect(method('users.drafts.list').scopes).not.toContain(METADATA_SCOPE);
  });

  it('no other method accepting gmail.metadata takes format or q', () => {
    const restricted = new Set(metadataRestrictions.map((r) => r.methodId));
    for (const m of GMAIL_V1.methods.values()) {
      if (!m.scopes.includes(METADATA_SCOPE) || restricted.has(m.id)) continue;
      expect(m.parameters.format, m.id).toBeUndefined();
      expect(m.parameters.q, m.id).toBeUndefined();
    }
  });
});

describe('metadataVerdict', () => {
  const get = method('users.messages.get');
  const threadGet = method('users.threads.get');
  const list = method('users.messages.list');

  it('format full / raw / omitted break messages.get; metadata and minimal are fine', () => {
    expect(metadataVerdict(get, { format: 'full' })).toEqual({
      status: 'breaks',
      conflicts: [{ kind: 'format', format: 'full', defaulted: false, certain: true }],
    });
    expect(metadataVerdict(get, { format: 'RAW' }).status).toBe('breaks');
    expect(metadataVerdict(get, {})).toEqual({
      status: 'breaks',
      conflicts: [{ kind: 'format', format: 'full', defaulted: true, certain: true }],
    });
    expect(metadataVerdict(get, { format: 'metadata' }).status).toBe('ok');
    expect(metadataVerdict(get, { format: 'minimal' }).status).toBe('ok');
    expect(metadataVerdict(get, { format: 'unknown' }).status).toBe('maybe');
  });

  it('threads.get: full (default) breaks', () => {
    expect(metadataVerdict(threadGet).status).toBe('breaks');
    expect(metadataVerdict(threadGet, { format: 'metadata' }).status).toBe('ok');
  });

  it('q breaks messages.list / threads.list', () => {
    expect(metadataVerdict(list, { hasQ: true })).toEqual({
      status: 'breaks',
      conflicts: [{ kind: 'param', param: 'q', certain: true }],
    });
    expect(metadataVerdict(list, { hasQ: false }).status).toBe('ok');
    expect(metadataVerdict(list).status).toBe('ok');
    expect(metadataVerdict(list, { hasQ: 'unknown' }).status).toBe('maybe');
    expect(metadataVerdict(method('users.threads.list'), { hasQ: true }).status).toBe('breaks');
    // format means nothing to list
    expect(metadataVerdict(list, { format: 'full' }).status).toBe('ok');
  });

  it('not applicable elsewhere', () => {
    expect(metadataVerdict(method('users.labels.list')).status).toBe('not-applicable');
    expect(metadataVerdict(method('users.drafts.get'), { format: 'full' }).status).toBe('not-applicable');
    expect(metadataVerdict(method('users.messages.send')).status).toBe('not-applicable');
  });
});

describe('effectiveAcceptedScopes', () => {
  const get = method('users.messages.get');
  const list = method('users.messages.list');

  it('drops gmail.metadata when the call breaks under it', () => {
    expect(effectiveAcceptedScopes(get, {})).not.toContain(METADATA_SCOPE);
    expect(effectiveAcceptedScopes(get, { format: 'raw' })).not.toContain(METADATA_SCOPE);
    expect(effectiveAcceptedScopes(list, { hasQ: true })).toEqual([
      'https://mail.google.com/',
      `${AUTH}gmail.modify`,
      `${AUTH}gmail.readonly`,
    ]);
  });

  it('keeps it when the call works under it', () => {
    expect(effectiveAcceptedScopes(get, { format: 'metadata' })).toEqual(get.scopes);
    expect(effectiveAcceptedScopes(list, { hasQ: false })).toEqual(list.scopes);
    expect(effectiveAcceptedScopes(method('users.history.list'))).toContain(METADATA_SCOPE);
  });

  it('unknown: drops by default (fix proposals), keeps on request (reporting)', () => {
    expect(effectiveAcceptedScopes(get, { format: 'unknown' })).not.toContain(METADATA_SCOPE);
    expect(effectiveAcceptedScopes(list, { hasQ: 'unknown' })).not.toContain(METADATA_SCOPE);
    expect(effectiveAcceptedScopes(get, { format: 'unknown' }, { whenUnknown: 'keep' })).toContain(METADATA_SCOPE);
    expect(effectiveAcceptedScopes(list, { hasQ: 'unknown' }, { whenUnknown: 'keep' })).toContain(METADATA_SCOPE);
    // a certain break is dropped regardless
    expect(effectiveAcceptedScopes(get, { format: 'full' }, { whenUnknown: 'keep' })).not.toContain(METADATA_SCOPE);
  });

  it('keeps the add-on scopes (they count when requested)', () => {
    expect(effectiveAcceptedScopes(get, {})).toContain(`${AUTH}gmail.addons.current.message.readonly`);
  });
});
