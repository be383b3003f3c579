/**
 * Tasks API v1 facts. Source: https://developers.google.com/workspace/tasks/auth (tasks "Create, edit,
 * organize, and delete all your tasks", tasks.readonly "View your tasks"; no Usage column). Neither
 * is restricted: Google's list of restricted scopes (https://developers.google.com/workspace/guides/identify-scopes)
 * names Gmail and Drive scopes only. The derived order (tasks ⊇ tasks.readonly) needs no
 * correction; no silent subsets.
 */
import type { ApiFacts } from './types.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const SCOPES = 'https://developers.google.com/workspace/tasks/auth';

export const TASKS_V1: ApiFacts = {
  api: 'tasks',
  version: 'v1',
  notRestricted: {
    scopes: [`${AUTH}tasks`, `${AUTH}tasks.readonly`],
    source: 'https://developers.google.com/workspace/guides/identify-scopes',
  },
  readOnly: { scopes: [`${AUTH}tasks.readonly`], source: SCOPES },
  gaps: [`Exact classification of tasks and tasks.readonly: ${SCOPES} has no Usage column (only that they are not restricted).`],
};
