/**
 * Cited facts that correct the per-API scope order derived from the method lists
 * (scripts/lib/scope-order.ts; the result ships as `grants` in each data/apis/<api>-<version>.json).
 *
 * The derivation ("A grants B when every method of the API that accepts B also accepts A") is
 * right for Gmail but wrong wherever a scope reaches only part of an API's data: from the lists
 * alone `drive.file` would grant `drive.metadata.readonly`, `drive.appdata` would grant
 * `drive.scripts`, `drive.file` would be equivalent to `drive` and `spreadsheets` in Sheets,
 * `calendar.events.owned` would grant `calendar.events`, `calendar.app.created` would grant
 * `calendar.events.readonly`, `contacts` would grant `user.birthday.read`, and (through YouTube's
 * undocumented `tests.insert`) `youtube` would not grant `youtube.readonly`. Keep this table
 * small and every entry cited; the API is the `googleapis` folder name, the facts hold for all
 * of its versions.
 */

const AUTH = 'https://www.googleapis.com/auth/';

/** A scope with the reason the lists can't order it, and where Google says so. */
export interface ScopeReason {
  readonly scope: string;
  readonly why: string;
  readonly source: string;
}

export interface ApiOrderFacts {
  readonly api: string;
  /**
   * Scopes that reach only part of what the API's methods work on (files the app created, one
   * folder, calendars the user owns, the message open in an add-on): never derived to grant
   * another scope (they still may be granted by broader ones).
   */
  readonly partial?: readonly ScopeReason[];
  /** Scopes that grant a different kind of data than the lists can express: no derived order either way. */
  readonly unordered?: readonly ScopeReason[];
  /** Methods whose accepted-scope list says nothing about order (it is not what the call needs). */
  readonly notOrderSources?: readonly { readonly method: string; readonly why: string; readonly source: string }[];
  /** Implications the lists cannot derive. */
  readonly grants?: readonly { readonly broader: string; readonly narrower: string; readonly source: string }[];
  /** The derived order (with the facts for every API) was checked against Google's scope descriptions and needs nothing more. */
  readonly reviewed?: { readonly why: string; readonly source: string };
  /** Derived implications that do not hold (the generator fails if the rest of the order still implies one). */
  readonly notGrants?: readonly { readonly broader: string; readonly narrower: string; readonly why: string; readonly source: string }[];
}

const DRIVE_SCOPES = 'https://developers.google.com/workspace/drive/api/guides/api-specific-auth';
const CALENDAR_SCOPES = 'https://developers.google.com/workspace/calendar/api/auth';
const GMAIL_SCOPES = 'https://developers.google.com/workspace/gmail/api/auth/scopes';
const GMAIL_ADDONS = 'https://developers.google.com/workspace/add-ons/concepts/workspace-scopes#gmail_add-on_scopes';
const PEOPLE_GET = 'https://developers.google.com/people/api/rest/v1/people/get';

const DRIVE_PARTIAL: readonly ScopeReason[] = [
  { scope: `${AUTH}drive.file`, why: 'only the files the app created or the user opened or shared with it', source: DRIVE_SCOPES },
  { scope: `${AUTH}drive.appdata`, why: "only the app's own configuration data folder", source: DRIVE_SCOPES },
];

export const ORDER_FACTS: readonly ApiOrderFacts[] = [
  // `drive.file` and `drive.appdata` in every API that accepts them (Drive, Sheets, Docs, Slides, Forms, …).
  { api: '*', partial: DRIVE_PARTIAL },
  {
    api: 'gmail',
    partial: [
      `${AUTH}gmail.addons.current.action.compose`,
      `${AUTH}gmail.addons.current.message.action`,
      `${AUTH}gmail.addons.current.message.metadata`,
      `${AUTH}gmail.addons.current.message.readonly`,
    ].map((scope) => ({ scope, why: 'only the message or draft open in a Gmail add-on, while it runs', source: GMAIL_ADDONS })),
    grants: [
      {
        broader: `${AUTH}gmail.addons.current.message.readonly`,
        narrower: `${AUTH}gmail.addons.current.message.metadata`,
        source: GMAIL_SCOPES,
      },
    ],
  },
  {
    api: 'drive',
    partial: [
      { scope: `${AUTH}drive.meet.readonly`, why: 'only the files Google Meet created or edited', source: DRIVE_SCOPES },
      { scope: `${AUTH}drive.photos.readonly`, why: 'only photos and videos', source: DRIVE_SCOPES },
    ],
    notGrants: [
      {
        broader: `${AUTH}drive.metadata`,
        narrower: `${AUTH}drive.scripts`,
        why: "drive.scripts changes Apps Script files' content; drive.metadata reaches only metadata",
        source: DRIVE_SCOPES,
      },
    ],
  },
  {
    api: 'sheets',
    reviewed: {
      why: 'within Sheets calls drive and spreadsheets reach every spreadsheet, drive.readonly and spreadsheets.readonly read every one, drive.file only some',
      source: 'https://developers.google.com/workspace/sheets/api/scopes',
    },
  },
  {
    api: 'docs',
    reviewed: {
      why: 'within Docs calls drive and documents reach every document, drive.readonly and documents.readonly read every one, drive.file only some',
      source: 'https://developers.google.com/workspace/docs/api/auth',
    },
  },
  {
    api: 'calendar',
    partial: [
      { scope: `${AUTH}calendar.app.created`, why: 'only the secondary calendars the app created', source: CALENDAR_SCOPES },
      { scope: `${AUTH}calendar.events.owned`, why: 'only events on calendars the user owns', source: CALENDAR_SCOPES },
      { scope: `${AUTH}calendar.events.owned.readonly`, why: 'only events on calendars the user owns', source: CALENDAR_SCOPES },
      { scope: `${AUTH}calendar.events.public.readonly`, why: 'only events on public calendars', source: CALENDAR_SCOPES },
      { scope: `${AUTH}calendar.events.freebusy`, why: 'only availability (free/busy), not event details', source: CALENDAR_SCOPES },
      { scope: `${AUTH}calendar.freebusy`, why: 'only availability (free/busy), not event details', source: CALENDAR_SCOPES },
    ],
    grants: [
      // Both reach the events of calendars the user owns: one changes them, the other only sees them.
      { broader: `${AUTH}calendar.events.owned`, narrower: `${AUTH}calendar.events.owned.readonly`, source: CALENDAR_SCOPES },
      // "View and edit events on all your calendars" ⊇ "…events on Google calendars you own"; the lists
      // can't derive it (colors.get and channels.stop accept the owned scopes but not calendar.events).
      { broader: `${AUTH}calendar.events`, narrower: `${AUTH}calendar.events.owned`, source: CALENDAR_SCOPES },
      { broader: `${AUTH}calendar.events.readonly`, narrower: `${AUTH}calendar.events.owned.readonly`, source: CALENDAR_SCOPES },
    ],
  },
  {
    api: 'meet',
    partial: [
      {
        scope: `${AUTH}meetings.space.created`,
        why: 'only the meeting spaces the app created',
        source: 'https://developers.google.com/workspace/meet/api/guides/authenticate-authorize',
      },
    ],
  },
  {
    api: 'people',
    unordered: [
      'user.addresses.read',
      'user.birthday.read',
      'user.emails.read',
      'user.gender.read',
      'user.organization.read',
      'user.phonenumbers.read',
      'userinfo.email',
      'userinfo.profile',
    ].map((s) => ({
      scope: `${AUTH}${s}`,
      why: "one field of the user's own profile (people/me), asked for by personFields/readMask; contacts scopes do not reach it",
      source: PEOPLE_GET,
    })),
  },
  {
    api: 'slides',
    notOrderSources: [
      {
        method: 'presentations.batchUpdate',
        why: 'the list joins the scopes that edit the presentation with those that read the Sheets behind linked charts',
        source: 'https://developers.google.com/workspace/slides/api/guides/add-chart',
      },
    ],
  },
  {
    api: 'youtube',
    notOrderSources: [
      {
        method: 'tests.insert',
        why: 'an undocumented test method (its discovery description is "POST method."; the reference lists no `tests` resource) whose list, youtube.readonly alone, would make youtube and youtube.force-ssl not grant youtube.readonly',
        source: 'https://developers.google.com/youtube/v3/docs',
      },
    ],
  },
  {
    api: 'script',
    notOrderSources: [
      {
        method: 'scripts.run',
        why: "the call needs the scopes the target script uses; the list is Google's union of many APIs' scopes",
        source: 'https://developers.google.com/apps-script/api/reference/rest/v1/scripts/run',
      },
    ],
  },
];

/** Whether `api` has facts of its own (beyond those for every API): its order has been checked. */
export function hasOwnOrderFacts(api: string): boolean {
  return ORDER_FACTS.some((f) => f.api === api);
}

/** The facts that hold for `api`: those for every API (`'*'`) and its own. */
export function orderFactsFor(api: string): ApiOrderFacts[] {
  return ORDER_FACTS.filter((f) => f.api === '*' || f.api === api);
}
