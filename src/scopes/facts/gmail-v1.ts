/**
 * Gmail API v1 facts: everything the generated method map (`../data/apis/gmail-v1.json`) cannot
 * tell us. Keep this file SMALL and every entry CITED.
 *
 * What the generated data already gives us (and is therefore NOT repeated here):
 * - which scopes each method accepts (any one suffices),
 * - the implication order between scopes (the generator's derivation, A ⊇ B when every method
 *   that accepts B also accepts A, shipped as `grants` in the data and read by ../order.ts).
 *   For Gmail v1 that derivation yields every implication we rely on (https://mail.google.com/
 *   ⊇ gmail.modify ⊇ gmail.readonly ⊇ gmail.metadata, gmail.modify ⊇ gmail.compose ⊇
 *   gmail.send, …); its corrections (the add-on scopes reach only the open message, and the
 *   one implication among them) are cited in ../order-facts.ts.
 *
 * Sources:
 * [scopes]  https://developers.google.com/workspace/gmail/api/auth/scopes
 *           (Google's table: scope, description, Non-sensitive / Sensitive / Restricted;
 *           the `gmail.addons.*` scopes are the Gmail add-on scopes)
 * [addons]  https://developers.google.com/workspace/add-ons/concepts/workspace-scopes#gmail_add-on_scopes
 *           (the `gmail.addons.current.*` scopes are declared in a Gmail add-on's manifest and
 *           grant access to the message/draft open while the add-on runs; a web or server
 *           app cannot obtain them)
 * [msg.get] https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/get#Format
 * [thr.get] https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.threads/get#Format
 *           Format enum: `full` (and `raw` for messages) — "Format cannot be used when accessing
 *           the api using the gmail.metadata scope." The API answers 403
 *           "Metadata scope doesn't allow format FULL". `full` is the default format.
 * [list]    https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/list
 *           https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.threads/list
 *           `q`: "Parameter cannot be used when accessing the api using the gmail.metadata
 *           scope." (also in the installed typings, node_modules/@googleapis/gmail/v1.ts,
 *           Params$Resource$Users$Messages$List.q / Params$Resource$Users$Threads$List.q).
 *           The API answers 403 "Metadata scope does not support 'q' parameter".
 */
import type { ApiFacts, Classification, TokenRestriction } from './types.ts';

export interface ScopeFact {
  readonly url: string;
  /** What the scope grants, one line (paraphrasing Google's table [scopes]). */
  readonly description: string;
  /** Google's classification [scopes]. */
  readonly classification: Classification;
  /** Only a Gmail add-on can be granted this scope [addons]; never propose it as a fix. */
  readonly addOnOnly: boolean;
  /** Anything else worth telling the user, with its source. */
  readonly note?: string;
  /**
   * Google reserves the scope's operations for administrators (domain-wide delegation) [scopes]:
   * when another scope would do as well, a fix proposes that one instead.
   */
  readonly administrative?: boolean;
  /**
   * The scope grants no write operation [scopes]: between covers that are otherwise equal, a fix
   * prefers it (`users.getProfile` gets gmail.readonly, not the write scope gmail.compose).
   */
  readonly readOnly?: boolean;
}

const AUTH = 'https://www.googleapis.com/auth/';
const SCOPES = 'https://developers.google.com/workspace/gmail/api/auth/scopes';

/** The scope table. One row per Gmail scope that appears in the Gmail v1 method map. */
export const SCOPE_FACTS: readonly ScopeFact[] = [
  // --- non-sensitive [scopes] ---
  {
    url: `${AUTH}gmail.labels`,
    classification: 'non-sensitive',
    addOnOnly: false,
    description: 'Create, read, update and delete labels only.',
  },
  {
    url: `${AUTH}gmail.addons.current.action.compose`,
    classification: 'non-sensitive',
    addOnOnly: true,
    description: 'Manage drafts and send emails when the user interacts with the add-on.',
  },
  {
    url: `${AUTH}gmail.addons.current.message.action`,
    classification: 'non-sensitive',
    addOnOnly: true,
    description: 'View email messages when the user interacts with the add-on.',
  },
  // --- sensitive [scopes] ---
  {
    url: `${AUTH}gmail.send`,
    classification: 'sensitive',
    addOnOnly: false,
    description: 'Send messages only; no read or modify access to the mailbox.',
  },
  {
    url: `${AUTH}gmail.addons.current.message.metadata`,
    classification: 'sensitive',
    addOnOnly: true,
    description: 'View email message metadata while the add-on is running.',
  },
  {
    url: `${AUTH}gmail.addons.current.message.readonly`,
    classification: 'sensitive',
    addOnOnly: true,
    description: 'View email messages while the add-on is running.',
  },
  // --- restricted [scopes] ---
  {
    url: 'https://mail.google.com/',
    classification: 'restricted',
    addOnOnly: false,
    description: 'Full access to the mailbox, including immediate, permanent deletion of threads and messages.',
  },
  {
    url: `${AUTH}gmail.readonly`,
    classification: 'restricted',
    addOnOnly: false,
    readOnly: true,
    description: 'Read all resources and their metadata; no write operations.',
  },
  {
    url: `${AUTH}gmail.metadata`,
    classification: 'restricted',
    addOnOnly: false,
    readOnly: true,
    description: 'Read metadata (labels, history records, message headers) but not message bodies or attachments.',
    note: "While it is in the token, messages/threads.get with format 'full'/'raw' (the default is 'full') and 'q' on messages/threads.list fail, even when broader scopes are granted too.",
  },
  {
    url: `${AUTH}gmail.modify`,
    classification: 'restricted',
    addOnOnly: false,
    description: 'All read/write operations except immediate, permanent deletion of threads and messages (bypassing Trash).',
  },
  { url: `${AUTH}gmail.insert`, classification: 'restricted', addOnOnly: false, description: 'Insert and import messages only.' },
  {
    url: `${AUTH}gmail.compose`,
    classification: 'restricted',
    addOnOnly: false,
    description: 'Create, read, update and delete drafts; send messages and drafts.',
  },
  {
    url: `${AUTH}gmail.settings.basic`,
    classification: 'restricted',
    addOnOnly: false,
    description: 'Manage basic mail settings (filters, IMAP/POP, language, vacation, send-as updates).',
  },
  {
    url: `${AUTH}gmail.settings.sharing`,
    classification: 'restricted',
    addOnOnly: false,
    description: 'Manage sensitive mail settings, including forwarding rules, delegates and aliases.',
    note: 'Operations guarded by this scope are restricted to administrative use: Google Workspace domains using domain-wide delegation [scopes].',
    administrative: true,
  },
];

/** The scope whose presence in a token restricts what other calls may do. */
/**
 * Gmail's mail servers, which take an OAuth token over XOAUTH2 with only
 * `https://mail.google.com/` (https://developers.google.com/workspace/gmail/imap/xoauth2-protocol),
 * and nodemailer's name for Gmail's SMTP (`service: 'gmail'`, https://nodemailer.com/smtp/well-known-services).
 */
export const GMAIL_MAIL_SERVERS = { smtp: 'smtp.gmail.com', imap: 'imap.gmail.com', nodemailerService: 'gmail' } as const;

export const METADATA_SCOPE = `${AUTH}gmail.metadata`;

export type MetadataRestriction = TokenRestriction;

/**
 * Calls that break when gmail.metadata is in the token ([msg.get], [thr.get], [list]).
 *
 * Only restrictions that can bite are kept, i.e. on methods that accept gmail.metadata at all
 * (checked by tests/scopes/metadata.test.ts against the map):
 * - users.drafts.get also has a `format` (full/raw default full) but does NOT accept
 *   gmail.metadata, so a metadata-only token already fails there with "insufficient scope";
 *   that is the missing-scope rule's job, not a metadata restriction. Likewise users.drafts.list
 *   has a `q` but does not accept gmail.metadata.
 * - users.threads.get has no `raw` format (enum: full, metadata, minimal) [thr.get].
 * - users.history.list / users.labels.* / users.getProfile accept gmail.metadata and have no
 *   format or q parameter: nothing to restrict.
 */
export const metadataRestrictions: readonly MetadataRestriction[] = [
  { methodId: 'users.messages.get', forbiddenFormats: ['full', 'raw'], defaultFormat: 'full' },
  { methodId: 'users.threads.get', forbiddenFormats: ['full'], defaultFormat: 'full' },
  { methodId: 'users.messages.list', forbiddenParams: ['q'] },
  { methodId: 'users.threads.list', forbiddenParams: ['q'] },
];

/** Gmail's table in the shape of the other APIs' tables (./index.ts reads every classification from these). */
export const GMAIL_V1_FACTS: ApiFacts = {
  api: 'gmail',
  version: 'v1',
  classifications: SCOPE_FACTS.map((f) => ({
    scope: f.url,
    classification: f.classification,
    ...(f.readOnly === true ? { readOnly: true } : {}),
    source: SCOPES,
  })),
  tokenTrap: {
    id: 'gmail.metadata',
    scope: METADATA_SCOPE,
    restrictions: metadataRestrictions,
    source: 'https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/get#Format',
  },
};
