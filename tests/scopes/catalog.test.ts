import { describe, expect, it } from 'vitest';
import { GMAIL_V1 } from '../../src/scopes/api-map.ts';
import {
  CLASSIFICATION_RANK,
  classificationOf,
  classificationRank,
  getScopeInfo,
  isAddOnOnly,
  isKnownGoogleScope,
  listKnownGoogleScopes,
  listScopeInfos,
  scopeLabel,
  verificationConsequence,
} from '../../src/scopes/catalog.ts';
import { SCOPE_FACTS } from '../../src/scopes/facts/gmail-v1.ts';

const AUTH = 'https://www.googleapis.com/auth/';

describe('catalog', () => {
  it('covers exactly the scopes that appear in the Gmail map', () => {
    expect(listScopeInfos().map((s) => s.url)).toEqual([...GMAIL_V1.scopes]);
    expect(new Set(SCOPE_FACTS.map((f) => f.url)).size).toBe(SCOPE_FACTS.length);
    for (const url of GMAIL_V1.scopes) {
      const info = getScopeInfo(url);
      expect(info, url).toBeDefined();
      expect(info?.apis).toEqual(['gmail:v1']);
      expect(info?.description.length).toBeGreaterThan(10);
    }
  });

  it("uses Google's classification table", () => {
    const byClass = (c: string) =>
      listScopeInfos()
        .filter((s) => s.classification === c)
        .map((s) => s.label)
        .sort();
    expect(byClass('non-sensitive')).toEqual([
      'gmail.addons.current.action.compose',
      'gmail.addons.current.message.action',
      'gmail.labels',
    ]);
    expect(byClass('sensitive')).toEqual(['gmail.addons.current.message.metadata', 'gmail.addons.current.message.readonly', 'gmail.send']);
    expect(byClass('restricted')).toEqual([
      'gmail.compose',
      'gmail.insert',
      'gmail.metadata',
      'gmail.modify',
      'gmail.readonly',
      'gmail.settings.basic',
      'gmail.settings.sharing',
      'https://mail.google.com/',
    ]);
  });

  it('flags exactly the gmail.addons.* scopes as add-on only', () => {
    for (const info of listScopeInfos()) {
      expect(info.addOnOnly, info.url).toBe(info.url.startsWith(`${AUTH}gmail.addons.`));
      expect(isAddOnOnly(info.url)).toBe(info.addOnOnly);
    }
    expect(isAddOnOnly('https://www.googleapis.com/auth/drive')).toBe(false);
  });

  it('labels', () => {
    expect(scopeLabel(`${AUTH}gmail.send`)).toBe('gmail.send');
    expect(scopeLabel('https://mail.google.com/')).toBe('https://mail.google.com/');
    expect(scopeLabel('email')).toBe('email');
    expect(scopeLabel(AUTH)).toBe(AUTH);
    expect(getScopeInfo(`${AUTH}gmail.settings.basic`)?.label).toBe('gmail.settings.basic');
  });

  it('classification ranks and helpers', () => {
    expect(CLASSIFICATION_RANK['non-sensitive']).toBeLessThan(CLASSIFICATION_RANK.sensitive);
    expect(CLASSIFICATION_RANK.sensitive).toBeLessThan(CLASSIFICATION_RANK.restricted);
    expect(classificationOf(`${AUTH}gmail.send`)).toBe('sensitive');
    expect(classificationOf('https://mail.google.com/')).toBe('restricted');
    expect(classificationOf(`${AUTH}drive`)).toBe('restricted'); // Drive's fact table
    expect(classificationOf(`${AUTH}tasks`)).toBeUndefined(); // no cited table gives it
    expect(classificationRank(`${AUTH}gmail.labels`)).toBe(0);
    // Not on Google's list of restricted scopes: ranked as the most it can be, sensitive; still never reported as sensitive.
    expect(classificationRank(`${AUTH}tasks`)).toBe(CLASSIFICATION_RANK.sensitive);
    expect(classificationRank(`${AUTH}youtube.upload`)).toBe(CLASSIFICATION_RANK.restricted); // unknown: conservative
    expect(getScopeInfo(`${AUTH}gmail.send`)).toMatchObject({ classification: 'sensitive', addOnOnly: false });
    expect(getScopeInfo('gmail.send')).toBeUndefined();
  });

  it('verification consequences', () => {
    expect(verificationConsequence('restricted')).toBe(
      "requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps",
    );
    expect(verificationConsequence('sensitive')).toBe("requires Google's OAuth app verification");
    expect(verificationConsequence('non-sensitive')).toBe('no verification needed');
  });

  it('knows real Google scopes, and only exact strings', () => {
    for (const url of GMAIL_V1.scopes) expect(isKnownGoogleScope(url), url).toBe(true);
    expect(isKnownGoogleScope(`${AUTH}drive.readonly`)).toBe(true);
    expect(isKnownGoogleScope('gmail.send')).toBe(false);
    expect(isKnownGoogleScope(`${AUTH}gmail.sned`)).toBe(false);
    expect(isKnownGoogleScope('https://mail.google.com')).toBe(false);
    expect(isKnownGoogleScope(`${AUTH}GMAIL.SEND`)).toBe(false);
    expect(listKnownGoogleScopes().length).toBeGreaterThan(400);
  });

  it('notes the gmail.metadata caveat', () => {
    expect(getScopeInfo(`${AUTH}gmail.metadata`)?.note).toMatch(/format/);
  });
});
