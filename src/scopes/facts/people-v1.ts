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
 * [restricted] https://developers.google.com/workspace/guides/identify-scopes ("Following is a list of
 *          restricted scopes": Gmail and Drive scopes only): no People scope is restricted. Google
 *          publishes the classification of none but contacts and the sign-in scopes, so the others
 *          rank at most sensitive; their descriptions [desc] ("See and download your contacts",
 *          "See and download contact info automatically saved in your \"Other contacts\"", "See
 *          and download your organization's GSuite directory", "View your …") grant no write.
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
const RESTRICTED_LIST = 'https://developers.google.com/workspace/guides/identify-scopes';
const DESCRIPTIONS =
  'https://googleapis.dev/dotnet/Google.Apis.PeopleService.v1/latest/api/Google.Apis.PeopleService.v1.PeopleServiceService.Scope.html';

/** Every People scope but contacts and the sign-in scopes: unclassified, not restricted, and each only sees. */
const UNCLASSIFIED_READ_SCOPES = [
  'contacts.other.readonly',
  'contacts.readonly',
  'directory.readonly',
  'user.addresses.read',
  'user.birthday.read',
  'user.emails.read',
  'user.gender.read',
  'user.organization.read',
  'user.phonenumbers.read',
].map((scope) => `${AUTH}${scope}`);

/** The user's own profile scopes: on people.get they see only people/me. */
const OWN_PROFILE_SCOPES = [...Object.values(PROFILE_FIELD_SCOPES), `${AUTH}user.emails.read`];

const isMe = (methodId: string, shape: ParamShape): boolean =>
  methodId === 'people.get' && paramIs(shape, 'resourceName', 'people/me') === true;

const ownProfileOnly = (scope: string): SilentSubsetFact => ({
  scope,
  sees: "only the signed-in user's own profile (people/me)",
  fitsWhen: "the call names `resourceName: 'people/me'`",
  fits: isMe,
  source: SCOPES,
});

/**
 * The sign-in scopes [oidc] reveal the user's own name and photo (userinfo.profile) and email
 * address (userinfo.email) [desc]: they fit people/me when every requested field is one of theirs.
 */
const SIGN_IN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [`${AUTH}userinfo.profile`]: ['names', 'photos'],
  [`${AUTH}userinfo.email`]: ['emailAddresses'],
};

const signInOnly = (scope: string, fields: readonly string[]): SilentSubsetFact => ({
  scope,
  sees: `only the signed-in user's own ${fields.join(', ')} (people/me)`,
  fitsWhen: `the call names \`resourceName: 'people/me'\` and asks only for ${fields.join(', ')}`,
  fits: (methodId, shape) => {
    const asked = paramList(shape, 'personFields');
    return isMe(methodId, shape) && Array.isArray(asked) && asked.length > 0 && asked.every((f) => fields.includes(f));
  },
  source: OIDC,
});

/**
 * [oidc] https://developers.google.com/identity/openid-connect/openid-connect#scope-param and
 * https://developers.google.com/identity/protocols/oauth2/scopes#oauth2: openid, email (userinfo.email)
 * and profile (userinfo.profile) are the sign-in scopes; Google's consent configuration
 * (https://developers.google.com/workspace/guides/configure-oauth-consent, the Cloud console's
 * Data Access page) lists them among the non-sensitive scopes.
 */
const OIDC = 'https://developers.google.com/identity/openid-connect/openid-connect#scope-param';
const CONSENT = 'https://developers.google.com/workspace/guides/configure-oauth-consent';

export const PEOPLE_V1: ApiFacts = {
  api: 'people',
  version: 'v1',
  classifications: [
    {
      scope: `${AUTH}contacts`,
      classification: 'sensitive',
      source: 'https://developers.google.com/identity/protocols/oauth2/production-readiness/sensitive-scope-verification',
    },
    // `email` and `profile` are the same grants as the userinfo URLs (../solver.ts `requestedForm`).
    ...['openid', 'email', 'profile', `${AUTH}userinfo.email`, `${AUTH}userinfo.profile`].map((scope) => ({
      scope,
      classification: 'non-sensitive' as const,
      readOnly: true,
      source: CONSENT,
    })),
  ],
  notRestricted: { scopes: UNCLASSIFIED_READ_SCOPES, source: RESTRICTED_LIST },
  readOnly: { scopes: UNCLASSIFIED_READ_SCOPES, source: DESCRIPTIONS },
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
    ...Object.entries(SIGN_IN_FIELDS).map(([scope, fields]) => signInOnly(scope, fields)),
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
    'people/me: which profile scope (userinfo.profile, user.*.read) sees which field is given only by the scope descriptions; the sign-in scopes fit only names/photos (userinfo.profile) or emailAddresses (userinfo.email) alone, so a call asking for both gets no sign-in scope proposed.',
    'emailAddresses: user.emails.read or userinfo.email (not documented which one reveals which addresses).',
    'readMask of searchContacts/listDirectoryPeople: the contacts/directory scopes those methods require already cover their fields.',
    `Classification of every People scope but contacts and the sign-in scopes: ${GET} gives none, the verification page names only storing a contact, and ${RESTRICTED_LIST} says only that none is restricted (ranked at most sensitive; rules never call them sensitive).`,
  ],
};
