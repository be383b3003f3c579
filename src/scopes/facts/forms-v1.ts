/**
 * Forms API v1 facts. Sources:
 * [drive.file]  https://developers.google.com/workspace/drive/api/guides/api-specific-auth
 * [restricted]  https://developers.google.com/workspace/guides/identify-scopes ("Following is a list of
 *               restricted scopes": Gmail and Drive scopes only): forms.body, forms.body.readonly and
 *               forms.responses.readonly are not restricted. No Google page found classifies them
 *               further, so they rank at most sensitive: below drive and drive.readonly (restricted),
 *               which the same methods accept (forms.get no longer proposes drive.readonly).
 * [desc]        https://googleapis.dev/dotnet/Google.Apis.Forms.v1/latest/api/Google.Apis.Forms.v1.FormsService.Scope.html
 *               (the discovery document's descriptions): forms.body.readonly "See all your Google Forms
 *               forms", forms.responses.readonly "See all responses to your Google Forms forms".
 */
import { driveFileFitsCreate } from './drive-file.ts';
import type { ApiFacts } from './types.ts';

const AUTH = 'https://www.googleapis.com/auth/';

export const FORMS_V1: ApiFacts = {
  api: 'forms',
  version: 'v1',
  notRestricted: {
    scopes: [`${AUTH}forms.body`, `${AUTH}forms.body.readonly`, `${AUTH}forms.responses.readonly`],
    source: 'https://developers.google.com/workspace/guides/identify-scopes',
  },
  readOnly: {
    scopes: [`${AUTH}forms.body.readonly`, `${AUTH}forms.responses.readonly`],
    source: 'https://googleapis.dev/dotnet/Google.Apis.Forms.v1/latest/api/Google.Apis.Forms.v1.FormsService.Scope.html',
  },
  silentSubsets: [driveFileFitsCreate('forms.create', 'https://developers.google.com/workspace/drive/api/guides/api-specific-auth')],
  openChoices: [
    {
      methods: ['forms.watches.create', 'forms.watches.delete', 'forms.watches.list', 'forms.watches.renew'],
      reason:
        "a watch's event type is SCHEMA (edits to the form) or RESPONSES (submitted responses); which scope each needs is not cited, so forms.body.readonly and forms.responses.readonly stay two suggestions",
      source: 'https://developers.google.com/workspace/forms/api/guides/push-notifications',
    },
  ],
  gaps: [
    'forms.body, forms.body.readonly, forms.responses.readonly: exact classification (no Google page with a Usage column was found; only that they are not restricted).',
    'forms.watches.*: every Forms scope is accepted; which one a watch of each event type (SCHEMA, RESPONSES; push-notifications guide) needs was not found cited, so a fix never picks (openChoices) and no trap says a SCHEMA watch fails under only forms.responses.readonly (nor a RESPONSES watch under only forms.body*).',
  ],
};
