/**
 * Google Analytics Data API v1beta facts (phase 2 of issue 15). No credential fact: Google's
 * quickstart adds the service account's email as a user of the Google Analytics 4 property
 * (Viewer is enough) and calls the API with the service account's own credentials, no `subject`.
 */
import type { ApiFacts } from './types.ts';

export const ANALYTICSDATA_V1BETA: ApiFacts = {
  api: 'analyticsdata',
  version: 'v1beta',
  credentialNotes: [
    {
      note: "a service account works once its email is added as a user of the property (Google's quickstart: Viewer permissions), without impersonating anyone",
      source: 'https://developers.google.com/analytics/devguides/reporting/data/v1/quickstart-client-libraries',
    },
  ],
  gaps: ['Classification of analytics and analytics.readonly: no Google page with a Usage column was found.'],
};
