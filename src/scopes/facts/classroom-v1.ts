/**
 * Google Classroom API v1 facts (phase 2 of issue 15). Sources:
 * [auth]    https://developers.google.com/classroom/guides/auth ("All requests to the Classroom API
 *           must be authorized by an authenticated user.")
 * [support] https://support.google.com/edu/classroom/answer/6253304 ("Before an app or service can
 *           access Classroom data, the app must request authorization from the Classroom user.")
 * [dwd]     https://developers.google.com/workspace/classroom/guides/key-concepts/domain-wide-delegation
 *           (a service account reaches users' Classroom data through domain-wide delegation)
 * A service account that impersonates nobody (no `subject`) is no Classroom user: every method
 * certainly fails for it, whatever its scopes.
 */
import type { ApiFacts } from './types.ts';

export const CLASSROOM_V1: ApiFacts = {
  api: 'classroom',
  version: 'v1',
  credentials: [
    {
      id: 'classroom.user',
      methods: '*',
      failsWith: 'service-account-without-subject',
      reason: 'every Classroom request must be authorized by a user: a service account must impersonate one (`subject`)',
      source: 'https://developers.google.com/classroom/guides/auth',
    },
  ],
  gaps: [
    "Classification of the classroom.* scopes: Google's scope page (https://developers.google.com/workspace/classroom/guides/auth) lists Scopes and Meaning, no Usage column.",
    "Role scopes (classroom.coursework.me*, classroom.student-submissions.me.readonly, classroom.guardianlinks.me.readonly: the caller's own data) are not marked as partial: with no classification or order facts the data alone leaves the fix open (call-requirement.ts `dataOnlyChoice`).",
  ],
};
