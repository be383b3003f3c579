/**
 * Admin SDK Directory API (directory_v1) facts, phase 2 of issue 15. Source:
 * https://developers.google.com/workspace/admin/directory/v1/guides/delegation ("Only users with
 * access to the Admin APIs can access the Admin SDK Directory API, therefore your service account
 * needs to impersonate one of those users to access the Admin SDK Directory API."). So a service
 * account that impersonates nobody (a `JWT`/`GoogleAuth` without `subject`) certainly fails on
 * every Directory method, whatever scopes it holds: a credential-type fact, not a scope fact.
 */
import type { ApiFacts } from './types.ts';

const DELEGATION = 'https://developers.google.com/workspace/admin/directory/v1/guides/delegation';

export const ADMIN_DIRECTORY_V1: ApiFacts = {
  api: 'admin',
  version: 'directory_v1',
  credentials: [
    {
      id: 'admin.directory.subject',
      methods: '*',
      failsWith: 'service-account-without-subject',
      reason: 'only users with access to the Admin APIs can call the Directory API: a service account must impersonate one (`subject`)',
      source: DELEGATION,
    },
  ],
  gaps: [
    `Classification of the admin.directory.* scopes: no Google page with a Usage column was found. Registry entry (checking Directory calls) not added: the gate and bench cost is helper "perf"'s call.`,
  ],
};
