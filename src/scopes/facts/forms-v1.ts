/** Forms API v1 facts. Source for drive.file: https://developers.google.com/workspace/drive/api/guides/api-specific-auth */
import { driveFileFitsCreate } from './drive-file.ts';
import type { ApiFacts } from './types.ts';

export const FORMS_V1: ApiFacts = {
  api: 'forms',
  version: 'v1',
  silentSubsets: [driveFileFitsCreate('forms.create', 'https://developers.google.com/workspace/drive/api/guides/api-specific-auth')],
  gaps: ['forms.body, forms.body.readonly, forms.responses.readonly: classification (no Google page with a Usage column was found).'],
};
