/**
 * Calendar API v3 facts. Source: https://developers.google.com/workspace/calendar/api/auth (the
 * scope table: calendar.app.created "Make secondary Google calendars, and see, create, change,
 * and delete events on them"; calendar.events.owned "See, create, change, and delete events on
 * Google calendars you own"; calendar.events.owned.readonly "See the events on Google calendars
 * you own"; calendar.events.public.readonly "See the events on public calendars";
 * calendar.events.freebusy "See the availability on Google calendars you have access to").
 * `calendarId: 'primary'` is the signed-in user's own primary calendar
 * (https://developers.google.com/workspace/calendar/api/v3/reference/events/list#parameters).
 * Classification: Google's "Sensitive scope verification" page names "reading events stored in
 * Google Calendar" as an example of a sensitive scope
 * (https://developers.google.com/identity/protocols/oauth2/production-readiness/sensitive-scope-verification):
 * the scopes whose own description grants reading the user's events are sensitive. Nothing
 * Google publishes classifies the others (the scope page has no Usage column), but none is
 * restricted: Google's list of restricted scopes
 * (https://developers.google.com/workspace/guides/identify-scopes, "Following is a list of
 * restricted scopes") names Gmail and Drive scopes only. Those whose meaning on the scope page
 * only sees ("See the sharing permissions…", "See the list of Google calendars you're subscribed
 * to", "View your Calendar settings", …) grant no write operation.
 */
import { paramIs } from './shape.ts';
import type { ApiFacts } from './types.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const SCOPES = 'https://developers.google.com/workspace/calendar/api/auth';
const VERIFICATION = 'https://developers.google.com/identity/protocols/oauth2/production-readiness/sensitive-scope-verification';
const RESTRICTED_LIST = 'https://developers.google.com/workspace/guides/identify-scopes';

/** The Calendar scopes the classifications leave out: not restricted, their classification unpublished. */
const UNCLASSIFIED_SCOPES = [
  'calendar.acls',
  'calendar.acls.readonly',
  'calendar.app.created',
  'calendar.calendarlist',
  'calendar.calendarlist.readonly',
  'calendar.calendars',
  'calendar.calendars.readonly',
  'calendar.events.freebusy',
  'calendar.events.public.readonly',
  'calendar.freebusy',
  'calendar.settings.readonly',
];
/**
 * Of those, the ones whose meaning on the scope page only sees: "See the sharing permissions of
 * Google calendars you own", "See the list of Google calendars you're subscribed to", "See the
 * title, description, default time zone, and other properties of Google calendars you have access
 * to", "See the availability on Google calendars you have access to", "See the events on public
 * calendars", "View your availability in your calendars", "View your Calendar settings".
 */
const UNCLASSIFIED_READ_ONLY = [
  'calendar.acls.readonly',
  'calendar.calendarlist.readonly',
  'calendar.calendars.readonly',
  'calendar.events.freebusy',
  'calendar.events.public.readonly',
  'calendar.freebusy',
  'calendar.settings.readonly',
];

/** "View events on all your calendars", "See the events on Google calendars you own", …: they read the user's events. */
const EVENT_READING_SCOPES = [
  { scope: 'calendar', readOnly: false },
  { scope: 'calendar.readonly', readOnly: true },
  { scope: 'calendar.events', readOnly: false },
  { scope: 'calendar.events.readonly', readOnly: true },
  { scope: 'calendar.events.owned', readOnly: false },
  { scope: 'calendar.events.owned.readonly', readOnly: true },
];

/**
 * Parameters besides `calendarId` that name a calendar the call touches: events.move writes the
 * event to `destination` (https://developers.google.com/workspace/calendar/api/v3/reference/events/move#parameters).
 */
export const OTHER_CALENDAR_PARAMS: Readonly<Record<string, readonly string[]>> = { 'events.move': ['destination'] };

/** The user owns their primary calendar: the owned-calendar scopes reach it, when every calendar the call touches is 'primary'. */
const onPrimary = (methodId: string, shape: Parameters<typeof paramIs>[0]): boolean =>
  ['calendarId', ...(OTHER_CALENDAR_PARAMS[methodId] ?? [])].every((param) => paramIs(shape, param, 'primary') === true);

/** Methods with a `calendarId` parameter (the data's own lists; checked by tests/scopes/api-facts.test.ts). */
export const CALENDAR_ID_METHODS: readonly string[] = [
  'acl.delete',
  'acl.get',
  'acl.insert',
  'acl.list',
  'acl.patch',
  'acl.update',
  'acl.watch',
  'calendarList.delete',
  'calendarList.get',
  'calendarList.patch',
  'calendarList.update',
  'calendars.clear',
  'calendars.delete',
  'calendars.get',
  'calendars.patch',
  'calendars.transferOwnership',
  'calendars.update',
  'events.delete',
  'events.get',
  'events.import',
  'events.insert',
  'events.instances',
  'events.list',
  'events.move',
  'events.patch',
  'events.quickAdd',
  'events.update',
  'events.watch',
];

export const CALENDAR_V3: ApiFacts = {
  api: 'calendar',
  version: 'v3',
  classifications: EVENT_READING_SCOPES.map(({ scope, readOnly }) => ({
    scope: `${AUTH}${scope}`,
    classification: 'sensitive' as const,
    ...(readOnly ? { readOnly } : {}),
    source: VERIFICATION,
  })),
  notRestricted: { scopes: UNCLASSIFIED_SCOPES.map((scope) => `${AUTH}${scope}`), source: RESTRICTED_LIST },
  readOnly: { scopes: UNCLASSIFIED_READ_ONLY.map((scope) => `${AUTH}${scope}`), source: SCOPES },
  silentSubsets: [
    {
      scope: `${AUTH}calendar.app.created`,
      sees: 'only the secondary calendars the app created (and their events)',
      fitsWhen: 'the call creates the calendar (calendars.insert)',
      fits: (methodId) => methodId === 'calendars.insert',
      source: SCOPES,
    },
    {
      scope: `${AUTH}calendar.events.owned`,
      sees: 'only events on calendars the user owns',
      fitsWhen: "every calendar the call names is 'primary' (`calendarId`, events.move's `destination`): the user's own calendar",
      fits: onPrimary,
      source: SCOPES,
    },
    {
      scope: `${AUTH}calendar.events.owned.readonly`,
      sees: 'only events on calendars the user owns',
      fitsWhen: "every calendar the call names is 'primary' (`calendarId`, events.move's `destination`): the user's own calendar",
      fits: onPrimary,
      source: SCOPES,
    },
    {
      scope: `${AUTH}calendar.events.public.readonly`,
      sees: 'only events on public calendars',
      fitsWhen: 'never from the call alone (whether a calendar is public is not in the code)',
      fits: () => false,
      source: SCOPES,
    },
    {
      scope: `${AUTH}calendar.events.freebusy`,
      sees: 'only availability (free/busy), not event details',
      fitsWhen: 'the call only asks for availability (freebusy.query)',
      fits: (methodId) => methodId === 'freebusy.query',
      source: SCOPES,
    },
  ],
  traps: [
    {
      id: 'calendar.primary-app-created',
      methods: CALENDAR_ID_METHODS,
      applies: (shape) => paramIs(shape, 'calendarId', 'primary'),
      failsUnder: [`${AUTH}calendar.app.created`],
      reason: "calendar.app.created reaches only secondary calendars the app created, never the user's primary calendar",
      source: SCOPES,
    },
  ],
  gaps: [
    `Classification of the Calendar scopes that do not read the user's events (calendar.app.created, calendar.events.public.readonly, calendar.events.freebusy, calendar.freebusy, calendar.acls*, calendar.calendarlist*, calendar.calendars*, calendar.settings.readonly): ${SCOPES} has no Usage column and ${VERIFICATION} names only event reading; ${RESTRICTED_LIST} says only that they are not restricted. The solver ranks each at most sensitive, and at most as high as a classified scope that grants it; rules never call them sensitive.`,
  ],
};
