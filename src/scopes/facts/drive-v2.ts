/**
 * Drive API v2 facts: the same scopes mean the same in v2 as in v3 (./drive-v3.ts, whose sources
 * include the v2 scope table [v2scopes] https://developers.google.com/drive/v2/web/scopes), so this
 * table reuses v3's classifications, silent subsets and traps under v2's method names (v2 creates
 * with `files.insert` and also edits with `files.patch`). One v2-only fact: v2's discovery lists
 * drive.apps.readonly on the file methods, but [v2scopes] describes it as "read-only access to
 * installed Drive apps": it sees the user's installed apps (v3 accepts it only on `apps.*`), so it
 * is a silent subset that fits only the `apps.*` methods and never a fix for a file call.
 */
import { DRIVE_V3 } from './drive-v3.ts';
import type { ApiFacts, SilentSubsetFact, TrapFact } from './types.ts';

const V2_SCOPES = 'https://developers.google.com/drive/v2/web/scopes';
const APPS_READONLY = 'https://www.googleapis.com/auth/drive.apps.readonly';

/** A v2 method id → the v3 method whose facts it shares. */
const AS_V3: Readonly<Record<string, string>> = { 'files.insert': 'files.create', 'files.patch': 'files.update' };
const asV3 = (methodId: string): string => AS_V3[methodId] ?? methodId;

const subset = (fact: SilentSubsetFact): SilentSubsetFact => ({
  ...fact,
  fitsWhen: fact.fitsWhen.replace('files.create', 'files.insert'),
  fits: (methodId, shape) => fact.fits(asV3(methodId), shape),
});

/** v3 `files.create` is v2 `files.insert`; v3 `files.update` is v2 `files.update` and `files.patch`. */
const V2_METHODS: Readonly<Record<string, readonly string[]>> = {
  'files.create': ['files.insert'],
  'files.update': ['files.update', 'files.patch'],
};

const trap = (fact: TrapFact): TrapFact => ({ ...fact, methods: fact.methods.flatMap((m) => V2_METHODS[m] ?? [m]) });

export const DRIVE_V2: ApiFacts = {
  api: 'drive',
  version: 'v2',
  classifications: DRIVE_V3.classifications,
  silentSubsets: [
    ...(DRIVE_V3.silentSubsets ?? []).map(subset),
    {
      scope: APPS_READONLY,
      sees: "only the user's installed Drive apps",
      fitsWhen: 'the call reads the installed apps (apps.get, apps.list)',
      fits: (methodId) => methodId.startsWith('apps.'),
      source: V2_SCOPES,
    },
  ],
  traps: (DRIVE_V3.traps ?? []).map(trap),
  // v2 `parents` are objects (`[{ id: 'appDataFolder' }]`): src/google/call-params.ts reads their ids, so they mean what v3's string ids do.
  gaps: DRIVE_V3.gaps,
};
