/**
 * YouTube Data API v3 facts. Its scopes (youtube, youtube.force-ssl, youtube.readonly, youtube.upload,
 * youtubepartner, youtubepartner-channel-audit, youtube.channel-memberships.creator) have no
 * app-created-data variant, so no silent subsets.
 * Classification: Google's "Sensitive scope verification" page names "deleting a YouTube video" as
 * an example of a sensitive scope (https://developers.google.com/identity/protocols/oauth2/production-readiness/sensitive-scope-verification):
 * videos.delete accepts exactly youtube, youtube.force-ssl and youtubepartner, so those are
 * sensitive. https://developers.google.com/youtube/v3/guides/auth/server-side-web-apps gives none.
 * Content-owner scopes [scopes] https://developers.google.com/youtube/v3/guides/auth/server-side-web-apps#identify-access-scopes:
 * youtubepartner "View and manage your assets and associated content on YouTube" and
 * youtubepartner-channel-audit "View private information of your YouTube channel relevant during
 * the audit process with a YouTube partner" are for YouTube content partners (content owners,
 * `onBehalfOfContentOwner`), not for an ordinary user's channel: they count when requested, but a
 * fix never proposes them (youtube, youtube.force-ssl, youtube.readonly or youtube.upload instead).
 * youtube.readonly "View your YouTube account" [scopes] grants no write operation; youtube and
 * youtube.force-ssl grant it (../order-facts.ts: the undocumented tests.insert is no order source),
 * so it ranks at most sensitive and a read is never fixed with youtube.
 */
import type { ApiFacts } from './types.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const SCOPES = 'https://developers.google.com/youtube/v3/guides/auth/server-side-web-apps#identify-access-scopes';
const VERIFICATION = 'https://developers.google.com/identity/protocols/oauth2/production-readiness/sensitive-scope-verification';

/** The scopes videos.delete accepts (checked against the data by tests/scopes/api-facts.test.ts). */
export const VIDEO_DELETING_SCOPES: readonly string[] = [`${AUTH}youtube`, `${AUTH}youtube.force-ssl`, `${AUTH}youtubepartner`];

export const YOUTUBE_V3: ApiFacts = {
  api: 'youtube',
  version: 'v3',
  classifications: VIDEO_DELETING_SCOPES.map((scope) => ({ scope, classification: 'sensitive' as const, source: VERIFICATION })),
  readOnly: { scopes: [`${AUTH}youtube.readonly`], source: SCOPES },
  neverProposed: [
    { scope: `${AUTH}youtubepartner`, why: 'a YouTube content-partner scope (assets of a content owner)', source: SCOPES },
    { scope: `${AUTH}youtubepartner-channel-audit`, why: "a YouTube partner's channel-audit scope", source: SCOPES },
  ],
  gaps: [
    'Classification of youtube.readonly, youtube.upload, youtubepartner-channel-audit and youtube.channel-memberships.creator: not on a Google page found (the verification page names only deleting a video; the Workspace list of restricted scopes does not cover YouTube). youtube.readonly and youtube.upload rank at most as high as youtube, which grants them.',
  ],
};
