/**
 * Google Analytics Admin API facts, v1beta and v1alpha (phase 2 of issue 15). No credential fact:
 * Google's quickstart says the API supports user accounts and service accounts (a service account
 * is granted access to the Google Analytics account or property like a user).
 */
import type { ApiFacts, CredentialNote } from './types.ts';

const SERVICE_ACCOUNTS: CredentialNote = {
  note: "the Admin API supports user accounts and service accounts (Google's quickstart); a service account needs access to the account or property, not a `subject`",
  source: 'https://developers.google.com/analytics/devguides/config/admin/v1/quickstart',
};
const GAPS = [
  'Classification of analytics.edit, analytics.readonly and analytics.manage.users*: no Google page with a Usage column was found.',
];

export const ANALYTICSADMIN_V1BETA: ApiFacts = {
  api: 'analyticsadmin',
  version: 'v1beta',
  credentialNotes: [SERVICE_ACCOUNTS],
  gaps: GAPS,
};
export const ANALYTICSADMIN_V1ALPHA: ApiFacts = {
  api: 'analyticsadmin',
  version: 'v1alpha',
  credentialNotes: [SERVICE_ACCOUNTS],
  gaps: GAPS,
};
