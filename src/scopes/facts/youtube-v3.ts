/**
 * YouTube Data API v3 facts. Its scopes (youtube, youtube.force-ssl, youtube.readonly, youtube.upload,
 * youtubepartner, youtubepartner-channel-audit, youtube.channel-memberships.creator) have no
 * app-created-data variant, so no silent subsets; https://developers.google.com/youtube/v3/guides/auth/server-side-web-apps
 * gives no classification.
 */
import type { ApiFacts } from './types.ts';

export const YOUTUBE_V3: ApiFacts = {
  api: 'youtube',
  version: 'v3',
  gaps: ['Classification of every YouTube scope: not on a Google page found.'],
};
