import { describe, expect, it } from 'vitest';
import { listKnownGoogleScopes } from '../../src/scopes/catalog.ts';
import {
  MANIFEST_ONLY_SCOPES,
  correctScope,
  distance,
  isInvalidGoogleScopeAttempt,
  isValidGoogleScope,
} from '../../src/scopes/scope-suggestions.ts';

const AUTH = 'https://www.googleapis.com/auth';
const ANYWHERE = { inScopePosition: false, besideGoogleScopes: false };
const SCOPE_POSITION = { inScopePosition: true, besideGoogleScopes: false };
const BESIDE_GOOGLE = { inScopePosition: true, besideGoogleScopes: true };
/** The string flows into a Google token request (an auth constructor's `scopes`). */
const TO_GOOGLE = { inScopePosition: true, besideGoogleScopes: false, toGoogle: true };

describe('isInvalidGoogleScopeAttempt', () => {
  it('never flags a real Google scope, of any API, nor a manifest-only one', () => {
    for (const scope of MANIFEST_ONLY_SCOPES) expect(isInvalidGoogleScopeAttempt(scope, BESIDE_GOOGLE)).toBe(false);
    for (const scope of listKnownGoogleScopes()) expect(isInvalidGoogleScopeAttempt(scope, BESIDE_GOOGLE)).toBe(false);
  });

  it.each([
    ['gmail.send', TO_GOOGLE],
    ['Gmail.Readonly', TO_GOOGLE],
    [`http://www.googleapis.com/auth/gmail.send`, ANYWHERE],
    ['https://mail.google.com', ANYWHERE],
    ['mail.google.com', TO_GOOGLE],
    [`${AUTH}/script.external_requests`, ANYWHERE],
    [`${AUTH}/gmail.bogus`, ANYWHERE],
    ['https://www.googleapis.com/gmail.send', SCOPE_POSITION],
    ['https://www.googleapi.com/auth/gmail.send', SCOPE_POSITION],
    ['drive.readonly', TO_GOOGLE],
    ['drive', BESIDE_GOOGLE],
    ['gmail.modify', BESIDE_GOOGLE],
  ])('flags %s', (word, context) => {
    expect(isInvalidGoogleScopeAttempt(word, context)).toBe(true);
  });

  it.each([
    ['gmail.com', ANYWHERE],
    ['gmail.send', ANYWHERE],
    // An MCP tool's `scopes: ['gmail.modify']`: the app's own permission names, not a Google request.
    ['gmail.modify', SCOPE_POSITION],
    ['mail.google.com', ANYWHERE],
    ['https://developers.google.com/identity/protocols/oauth2/scopes', SCOPE_POSITION],
    [`${AUTH}/gmail.addons.execute`, SCOPE_POSITION],
    [`${AUTH}/script.external_request`, SCOPE_POSITION],
    ['https://oauth2.googleapis.com/token', ANYWHERE],
    ['https://www.googleapis.com/gmail/v1/users/me/messages', ANYWHERE],
    ['https://mail.google.com/mail/u/0/#inbox', ANYWHERE],
    [`${AUTH}/`, SCOPE_POSITION],
    ['repo', SCOPE_POSITION],
    ['read:user', SCOPE_POSITION],
    ['Mail.Send', SCOPE_POSITION],
    ['User.Read', BESIDE_GOOGLE],
    ['drive', SCOPE_POSITION],
    ['https://www.googleapis.com/gmail.send', ANYWHERE],
  ])('leaves %s alone', (word, context) => {
    expect(isInvalidGoogleScopeAttempt(word, context)).toBe(false);
  });
});

describe('correctScope', () => {
  it.each([
    ['gmail.send', `${AUTH}/gmail.send`, ['a short form, not the scope URL']],
    ['Gmail.Send', `${AUTH}/gmail.send`, ['a short form, not the scope URL', 'wrong case (scope strings are case-sensitive)']],
    [`${AUTH}/Gmail.Readonly`, `${AUTH}/gmail.readonly`, ['wrong case (scope strings are case-sensitive)']],
    ['http://www.googleapis.com/auth/gmail.labels', `${AUTH}/gmail.labels`, ['`http://` instead of `https://`']],
    ['https://googleapis.com/auth/gmail.send', `${AUTH}/gmail.send`, ['missing `www.`']],
    ['https://www.googleapis.com/gmail.send', `${AUTH}/gmail.send`, ['missing `/auth/`']],
    [`${AUTH}/gmail.send/`, `${AUTH}/gmail.send`, ['a trailing slash']],
    ['https://mail.google.com', 'https://mail.google.com/', ['missing the trailing slash']],
    ['mail.google.com', 'https://mail.google.com/', ['missing `https://`', 'missing the trailing slash']],
    ['HTTPS://MAIL.GOOGLE.COM/', 'https://mail.google.com/', ['wrong case (scope strings are case-sensitive)']],
    ['https://mail.gogle.com/', 'https://mail.google.com/', ['misspelled host `mail.gogle.com`']],
    [`${AUTH}/gmail.sned`, `${AUTH}/gmail.send`, ['misspelled']],
    ['gmail.setting.basic', `${AUTH}/gmail.settings.basic`, ['a short form, not the scope URL', 'misspelled']],
    ['https://www.google.com/m8/feeds/', 'https://www.google.com/m8/feeds', ['a trailing slash']],
  ])('%s → %s (certain)', (word, scope, problems) => {
    expect(correctScope(word)).toEqual({ candidates: [scope], certain: true, problems });
  });

  it('offers several candidates, uncertain, for a truncated or ambiguous name', () => {
    expect(correctScope(`${AUTH}/gmail.read`)).toEqual({
      candidates: [`${AUTH}/gmail.readonly`, `${AUTH}/gmail.send`],
      certain: false,
      problems: ['not a known scope'],
    });
    const settings = correctScope('gmail.settings');
    expect(settings.certain).toBe(false);
    expect(settings.candidates).toEqual([`${AUTH}/gmail.settings.basic`, `${AUTH}/gmail.settings.sharing`]);
  });

  it('suggests full access for "gmail" without fixing it', () => {
    expect(correctScope(`${AUTH}/gmail`)).toEqual({
      candidates: ['https://mail.google.com/'],
      certain: false,
      problems: ['not a Gmail scope'],
    });
  });

  it('has nothing to offer for an unrelated name', () => {
    expect(correctScope(`${AUTH}/gmail.everything`)).toEqual({ candidates: [], certain: false, problems: ['not a Gmail scope'] });
  });

  it('only ever proposes real scopes', () => {
    for (const word of ['gmail.send', 'gmail.read', 'https://mail.google.com', `${AUTH}/driv`, 'calendar.readonl']) {
      for (const candidate of correctScope(word).candidates) expect(isValidGoogleScope(candidate)).toBe(true);
    }
  });
});

describe('distance', () => {
  it('counts a transposition as one edit', () => {
    expect(distance('gmail.sned', 'gmail.send')).toBe(1);
    expect(distance('gmail.read', 'gmail.send')).toBe(2);
    expect(distance('abc', 'abc')).toBe(0);
    expect(distance('', 'abc')).toBe(3);
  });
  it('stops early above the limit', () => {
    expect(distance('gmail.labels', 'drive.readonly', 2)).toBe(3);
  });
});

describe('correctScope on adversarial input', () => {
  it('trims trailing slashes in linear time: a long run of slashes inside the path still gets an answer', () => {
    const word = `https://www.googleapis.com/auth/gmail.sned${'/'.repeat(20_000)}x`;
    expect(correctScope(word)).toEqual({ candidates: [], certain: false, problems: ['not a Gmail scope'] });
    expect(correctScope('https://www.googleapis.com/auth/gmail.send///').candidates).toEqual([
      'https://www.googleapis.com/auth/gmail.send',
    ]);
  });
});
