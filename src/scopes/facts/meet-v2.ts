/**
 * Meet REST API v2 facts (phase 2 of issue 15). Source:
 * https://developers.google.com/workspace/meet/api/guides/authenticate-authorize ("For Meet REST
 * API, you can only authenticate using user authentication."; meetings.space.created: the meeting
 * spaces the app created). Domain-wide delegation (a service account impersonating a user, JWT
 * `subject`) is user authentication
 * (https://developers.google.com/workspace/meet/api/guides/meeting-spaces-overview: "Authenticating
 * with domain-wide delegation lets you authorize an application's service account to access your
 * users' data"); a service account that impersonates nobody certainly fails on every method.
 */
import type { ApiFacts } from './types.ts';

const AUTH_GUIDE = 'https://developers.google.com/workspace/meet/api/guides/authenticate-authorize';

export const MEET_V2: ApiFacts = {
  api: 'meet',
  version: 'v2',
  silentSubsets: [
    {
      scope: 'https://www.googleapis.com/auth/meetings.space.created',
      sees: 'only the meeting spaces the app created',
      fitsWhen: 'the call creates the space (spaces.create)',
      fits: (methodId) => methodId === 'spaces.create',
      source: AUTH_GUIDE,
    },
  ],
  credentials: [
    {
      id: 'meet.user-authentication',
      methods: '*',
      failsWith: 'service-account-without-subject',
      reason: 'the Meet REST API accepts only user authentication: a service account must impersonate a user (`subject`)',
      source: AUTH_GUIDE,
    },
  ],
  gaps: [
    'Classification of the meetings.space.* scopes: no Google page with a Usage column was found.',
    'meetings.space.created on spaces.get/patch/endActiveConference and conferenceRecords.*: fits only a space the app created, which the call shape (a `name` from an earlier response) never shows: never proposed there.',
  ],
};
