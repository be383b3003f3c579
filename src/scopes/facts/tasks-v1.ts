/**
 * Tasks API v1 facts. Source: https://developers.google.com/workspace/tasks/auth (tasks, tasks.readonly;
 * no Usage column). The derived order (tasks ⊇ tasks.readonly) needs no correction; no silent subsets.
 */
import type { ApiFacts } from './types.ts';

export const TASKS_V1: ApiFacts = {
  api: 'tasks',
  version: 'v1',
  gaps: ['Classification of tasks and tasks.readonly: https://developers.google.com/workspace/tasks/auth has no Usage column.'],
};
