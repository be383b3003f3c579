/**
 * YouTube Data API v3 facts. Its scopes (youtube, youtube.force-ssl, youtube.readonly, youtube.upload,
 * youtubepartner, youtubepartner-channel-audit, youtube.channel-memberships.creator) have no
 * app-created-data variant, so no silent subsets.
 * Classification: Google's "Sensitive scope verification" page names "deleting a YouTube video" as
 * an example of a sensitive scope (https://developers.google.com/identity/protocols/oauth2/production-readiness/sensitive-scope-verification):
 * videos.delete accepts exactly youtube, youtube.force-ssl and youtubepartner, so those are
 * sensitive. https://developers.google.com/youtube/v3/guides/auth/server-side-web-apps gives none.
 */
import type { ApiFacts } from './types.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const VERIFICATION = 'https://developers.google.com/identity/protocols/oauth2/production-readiness/sensitive-scope-verification';

/** The scopes videos.delete accepts (checked against the data by tests/scopes/api-facts.test.ts). */
export const VIDEO_DELETING_SCOPES: readonly string[] = [`${AUTH}youtube`, `${AUTH}youtube.force-ssl`, `${AUTH}youtubepartner`];

export const YOUTUBE_V3: ApiFacts = {
  api: 'youtube',
  version: 'v3',
  classifications: VIDEO_DELETING_SCOPES.map((scope) => ({ scope, classification: 'sensitive' as const, source: VERIFICATION })),
  gaps: [
    'Classification of youtube.readonly, youtube.upload, youtubepartner-channel-audit and youtube.channel-memberships.creator: not on a Google page found (the verification page names only deleting a video).',
  ],
};
