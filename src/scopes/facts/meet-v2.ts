/** Meet REST API v2 facts (phase 2; only the silent subset). Source: https://developers.google.com/workspace/meet/api/guides/authenticate-authorize */
import type { ApiFacts } from './types.ts';

export const MEET_V2: ApiFacts = {
  api: 'meet',
  version: 'v2',
  silentSubsets: [
    {
      scope: 'https://www.googleapis.com/auth/meetings.space.created',
      sees: 'only the meeting spaces the app created',
      fitsWhen: 'the call creates the space (spaces.create)',
      fits: (methodId) => methodId === 'spaces.create',
      source: 'https://developers.google.com/workspace/meet/api/guides/authenticate-authorize',
    },
  ],
};
