/**
 * Search Console API facts: `searchconsole` v1 and the older `webmasters` v3, which share the
 * webmasters and webmasters.readonly scopes (phase 2 of issue 15). No credential fact: Google's
 * overview asks only for access to the property ("You must have appropriate access (owner, full,
 * read) to any Google Search Console account that you wish to access using the API"), and a
 * service account can be granted it like any account: nothing documented fails for it.
 */
import type { ApiFacts, CredentialNote } from './types.ts';

const ACCESS: CredentialNote = {
  note: 'the caller needs owner, full or read access to the property, whoever it is (a service account granted access included): no credential fails as such',
  source: 'https://developers.google.com/webmaster-tools/about',
};
const GAPS = [
  'Classification of webmasters and webmasters.readonly: no Google page with a Usage column was found.',
  'No Google page says in so many words that a service account added to a property works (third-party guides do): the note above rests on the overview\'s "appropriate access", so no fact claims either way.',
];

export const SEARCHCONSOLE_V1: ApiFacts = { api: 'searchconsole', version: 'v1', credentialNotes: [ACCESS], gaps: GAPS };
export const WEBMASTERS_V3: ApiFacts = { api: 'webmasters', version: 'v3', credentialNotes: [ACCESS], gaps: GAPS };
