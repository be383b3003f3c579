/**
 * People API v1 facts. Sources:
 * [get]    https://developers.google.com/people/api/rest/v1/people/get ("No authorization required
 *          to access public data. For private data, one of the following OAuth scopes is required")
 * [merged] https://developers.google.com/people ("A merged view of people information": the
 *          authenticated user's private profile information is included when "One of the profile
 *          scopes has been granted")
 * [desc]   https://googleapis.dev/dotnet/Google.Apis.PeopleService.v1/latest/api/Google.Apis.PeopleService.v1.PeopleServiceService.Scope.html
 *          (the discovery document's scope descriptions: user.birthday.read "View your complete
 *          date of birth", user.addresses.read "View your street addresses"; likewise the gender,
 *          organization and phone number scopes name their field).
 * [verify] https://developers.google.com/identity/protocols/oauth2/production-readiness/sensitive-scope-verification ("Examples of
 *          sensitive scopes include … storing a new contact in Google Contacts": contacts is the
 *          only scope people.createContact accepts, so it is sensitive).
 * So a people/me request for such a field without its scope still succeeds: it returns the
 * public value only. That is advice (a silent field), never a certain failure.
 */
import { paramIs, paramList, paramValue } from './shape.ts';
import type { ApiFacts, ParamShape, SilentSubsetFact } from './types.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const GET = 'https://developers.google.com/people/api/rest/v1/people/get';

/** `personFields` value → the profile scope that reveals its private value for people/me. */
export const PROFILE_FIELD_SCOPES: Readonly<Record<string, string>> = {
  birthdays: `${AUTH}user.birthday.read`,
  addresses: `${AUTH}user.addresses.read`,
  genders: `${AUTH}user.gender.read`,
  organizations: `${AUTH}user.organization.read`,
  phoneNumbers: `${AUTH}user.phonenumbers.read`,
};

function meFields(shape: ParamShape): ReadonlyMap<string, readonly string[]> | 'unknown' {
  const who = paramValue(shape, 'resourceName');
  if (who === 'unknown') return 'unknown';
  if (who !== 'people/me') return new Map();
  const fields = paramList(shape, 'personFields');
  if (fields === 'unknown') return 'unknown';
  const out = new Map<string, readonly string[]>();
  for (const f of fields ?? []) {
    const scope = PROFILE_FIELD_SCOPES[f];
    if (scope !== undefined && Object.hasOwn(PROFILE_FIELD_SCOPES, f)) out.set(f, [scope]);
  }
  return out;
}

const SCOPES = 'https://developers.google.com/people/api/rest/v1/people/get';

/** The user's own profile scopes: on people.get they see only people/me. */
const OWN_PROFILE_SCOPES = [
  ...Object.values(PROFILE_FIELD_SCOPES),
  `${AUTH}user.emails.read`,
  `${AUTH}userinfo.email`,
  `${AUTH}userinfo.profile`,
];

const ownProfileOnly = (scope: string): SilentSubsetFact => ({
  scope,
  sees: "only the signed-in user's own profile (people/me)",
  fitsWhen: "the call names `resourceName: 'people/me'`",
  fits: (methodId, shape) => methodId === 'people.get' && paramIs(shape, 'resourceName', 'people/me') === true,
  source: SCOPES,
});

export const PEOPLE_V1: ApiFacts = {
  api: 'people',
  version: 'v1',
  classifications: [
    {
      scope: `${AUTH}contacts`,
      classification: 'sensitive',
      source: 'https://developers.google.com/identity/protocols/oauth2/production-readiness/sensitive-scope-verification',
    },
  ],
  silentSubsets: [
    {
      scope: `${AUTH}contacts.other.readonly`,
      sees: 'only the "Other contacts" (people the user interacted with but did not save)',
      fitsWhen: 'the call is on otherContacts',
      fits: (methodId) => methodId.startsWith('otherContacts.'),
      source: 'https://developers.google.com/people/api/rest/v1/otherContacts/list',
    },
    {
      scope: `${AUTH}directory.readonly`,
      sees: "only the domain's directory (Google Workspace profiles and shared contacts)",
      fitsWhen: 'the call lists or searches the directory',
      fits: (methodId) => methodId === 'people.listDirectoryPeople' || methodId === 'people.searchDirectoryPeople',
      source: 'https://developers.google.com/people/api/rest/v1/people/listDirectoryPeople',
    },
    ...OWN_PROFILE_SCOPES.map(ownProfileOnly),
  ],
  silentFields: [
    {
      id: 'people.profile-fields',
      methods: ['people.get'],
      fieldsNeeding: meFields,
      reason: "without the field's profile scope, people/me returns only its public value",
      source: GET,
    },
  ],
  gaps: [
    'people/me: which profile scope (userinfo.profile, user.*.read) sees which field is given only by the scope descriptions, and no classification is cited, so the solver may pick any of them; silentFields names the field scopes.',
    'emailAddresses: user.emails.read or userinfo.email (not documented which one reveals which addresses).',
    'readMask of searchContacts/listDirectoryPeople: the contacts/directory scopes those methods require already cover their fields.',
    `Classification of every People scope but contacts: ${GET} gives none, and the verification page names only storing a contact.`,
  ],
};
