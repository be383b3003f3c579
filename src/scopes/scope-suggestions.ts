/**
 * "Did you mean": what a string that is not a real Google scope most likely stands for.
 *
 * Structural mistakes are recognised exactly (a short form `gmail.send`, `http://`, a missing
 * `www.`, a missing `/auth/`, a trailing slash too many or too few, wrong case) and lead to
 * one certain correction; anything else is matched against the known scope names by edit
 * distance and is certain only when one known scope is close enough.
 * Knows nothing of ESLint: tested on its own.
 */
import { SCOPE_URL_PREFIX, isKnownGoogleScope, listKnownGoogleScopes } from './catalog.ts';

export const FULL_GMAIL_SCOPE = 'https://mail.google.com/';

export interface ScopeCorrection {
  /** Real scopes the string most likely stands for, best first (at most 3). */
  readonly candidates: readonly string[];
  /** Exactly one real scope is meant: safe to fix automatically. */
  readonly certain: boolean;
  /** What is wrong with the string, for messages ("a short form", "`http://` instead of `https://`"). */
  readonly problems: readonly string[];
}

/** Where the string was found, which decides how readily it counts as an attempt at a Google scope. */
export interface ScopeStringContext {
  /** The string is a `scopes:`/`scope:` value, a `*SCOPES` constant or an `addScope()` argument. */
  readonly inScopePosition: boolean;
  /** A real Google scope URL sits next to it (same array or same space-delimited string). */
  readonly besideGoogleScopes: boolean;
  /**
   * The string certainly flows into a Google token request (an auth constructor's `scopes`,
   * `generateAuthUrl`, `addScope`, a Google sign-in strategy). Without it, a short name
   * (`gmail.modify`) in some `scopes:` list is as likely the app's own permission vocabulary.
   */
  readonly toGoogle?: boolean;
}

const MAX_CANDIDATES = 3;

/**
 * Real scopes that no API discovery document lists, so the generated catalog lacks them: the
 * Apps Script and Google Workspace add-on manifest scopes.
 * Sources: https://developers.google.com/apps-script/concepts/scopes,
 * https://developers.google.com/workspace/add-ons/concepts/workspace-scopes
 */
export const MANIFEST_ONLY_SCOPES: readonly string[] = [
  'gmail.addons.execute',
  'calendar.addons.execute',
  'calendar.addons.current.event.read',
  'calendar.addons.current.event.write',
  'drive.addons.metadata.readonly',
  'documents.currentonly',
  'spreadsheets.currentonly',
  'presentations.currentonly',
  'workspace.linkpreview',
  'workspace.linkcreate',
  'script.external_request',
  'script.container.ui',
  'script.locale',
  'script.scriptapp',
  'script.send_mail',
  'script.storage',
  'script.webapp.deploy',
].map((label) => `${SCOPE_URL_PREFIX}${label}`);

const MANIFEST_ONLY = new Set(MANIFEST_ONLY_SCOPES);

/** A real Google scope: in the generated catalog, or one of the manifest-only scopes. */
export function isValidGoogleScope(word: string): boolean {
  return isKnownGoogleScope(word) || MANIFEST_ONLY.has(word);
}
const GOOGLEAPIS_HOST = 'www.googleapis.com';
const MAIL_HOST = 'mail.google.com';

interface KnownIndex {
  /** lower-case label (`gmail.send`) → scope URL, for `https://www.googleapis.com/auth/…` scopes. */
  readonly byLabel: ReadonlyMap<string, string>;
  /** lower-case scope → scope, for every known scope (case mistakes). */
  readonly byLowerCase: ReadonlyMap<string, string>;
  /** `www.google.com/m8/feeds` style scopes without scheme and trailing slash → scope. */
  readonly googleComFeeds: ReadonlyMap<string, string>;
}

let index: KnownIndex | undefined;

function knownIndex(): KnownIndex {
  if (index !== undefined) return index;
  const byLabel = new Map<string, string>();
  const byLowerCase = new Map<string, string>();
  const googleComFeeds = new Map<string, string>();
  for (const scope of [...listKnownGoogleScopes(), ...MANIFEST_ONLY_SCOPES]) {
    byLowerCase.set(scope.toLowerCase(), scope);
    if (scope.startsWith(SCOPE_URL_PREFIX)) byLabel.set(scope.slice(SCOPE_URL_PREFIX.length).toLowerCase(), scope);
    const feed = /^https:\/\/(www\.google\.com\/.+?)\/?$/.exec(scope);
    if (feed?.[1] !== undefined) googleComFeeds.set(feed[1].toLowerCase(), scope);
  }
  index = { byLabel, byLowerCase, googleComFeeds };
  return index;
}

/**
 * Whether a word of a scope string is an attempt at a Google scope that is not a real one.
 * Never true for real Google scopes (other APIs' included), for other providers' scopes
 * (`repo`, `read:user`, `Mail.Send`), or for Google URLs that are not scopes
 * (`https://oauth2.googleapis.com/token`) unless they sit where scopes go.
 */
export function isInvalidGoogleScopeAttempt(word: string, context: ScopeStringContext): boolean {
  if (isValidGoogleScope(word)) return false;
  const lower = word.toLowerCase();
  const scopeLike = context.inScopePosition || context.besideGoogleScopes;
  // The scope-URL prefix on its own (`const PREFIX = 'https://www.googleapis.com/auth/'`) is not a scope.
  if (/^(?:https?:\/\/)?(?:www\.)?googleapis\.com\/auth\/?$/.test(lower)) return false;
  // Nor is a longer prefix that real scopes continue (`'https://www.googleapis.com/auth/gmail.'`).
  if (/[./]$/.test(word) && listKnownGoogleScopes().some((scope) => scope.startsWith(word))) return false;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(lower);
  const url = parseUrl(lower);
  if (url !== undefined && hasScheme) {
    // Anywhere: the shape of a scope URL (`…googleapis.com/auth/…`, `https://mail.google.com`).
    if (url.host === MAIL_HOST && (url.path === '' || url.path === '/')) return true;
    if (isGoogleApisHost(url.host) && url.path.startsWith('/auth/')) return true;
    if (!scopeLike) return false;
    // Where scopes go: Google's scope hosts, or a misspelling of one.
    return (
      isGoogleApisHost(url.host) ||
      url.host === MAIL_HOST ||
      url.host === 'www.google.com' ||
      distance(url.host, GOOGLEAPIS_HOST, 2) <= 2 ||
      distance(url.host, MAIL_HOST, 2) <= 2
    );
  }
  // Without a scheme (`gmail.send`, `mail.google.com`): only where the string is requested from
  // Google, or requested next to real Google scopes. Elsewhere such a word is as likely a short
  // name the code maps to a URL itself, an app's own permission name, or a mail domain.
  if (!(context.toGoogle === true || (context.inScopePosition && context.besideGoogleScopes))) return false;
  if (url !== undefined) return true;
  if (lower.includes(':') || lower.includes('/')) return false;
  if (lower.startsWith('gmail.')) return true;
  const label = knownIndex().byLabel.get(lower);
  if (label === undefined) return false;
  // Dotted labels (`drive.readonly`) are Google's; bare words (`drive`) only next to Google scopes.
  return context.besideGoogleScopes || lower.includes('.');
}

/** What an invalid scope string most likely stands for. */
export function correctScope(word: string): ScopeCorrection {
  const { byLowerCase, googleComFeeds } = knownIndex();
  const exactCase = byLowerCase.get(word.toLowerCase());
  if (exactCase !== undefined) return { candidates: [exactCase], certain: true, problems: [WRONG_CASE] };
  const problems: string[] = [];
  const url = parseUrl(word);
  if (url === undefined) {
    // A short form: `gmail.send`, `Gmail.Send`, `auth/gmail.send`.
    problems.push('a short form, not the scope URL');
    return fromLabel(trimTrailingSlashes(word.replace(/^\/?auth\//i, '')), problems, false);
  }
  const scheme = url.scheme?.toLowerCase();
  const host = url.host.toLowerCase();
  let caseWrong = (url.scheme !== undefined && url.scheme !== scheme) || url.host !== host;
  if (scheme === undefined) problems.push('missing `https://`');
  else if (scheme === 'http') problems.push('`http://` instead of `https://`');
  else if (scheme !== 'https') problems.push(`\`${url.scheme ?? scheme}://\` instead of \`https://\``);
  const mailDistance = distance(host, MAIL_HOST, 2);
  const apisDistance = Math.min(distance(host, GOOGLEAPIS_HOST, 2), distance(host, 'googleapis.com', 2));
  if (host === MAIL_HOST || (!isGoogleApisHost(host) && mailDistance <= 2 && mailDistance < apisDistance)) {
    if (host !== MAIL_HOST) problems.push(`misspelled host \`${url.host}\``);
    if (url.path === '') problems.push('missing the trailing slash');
    else if (url.path !== '/') return { candidates: [FULL_GMAIL_SCOPE], certain: false, problems: [...problems, 'not a scope path'] };
    return finish(FULL_GMAIL_SCOPE, problems, caseWrong);
  }
  if (host === 'www.google.com' || host === 'google.com') {
    if (host === 'google.com') problems.push('missing `www.`');
    const path = trimTrailingSlashes(url.path);
    const feed = googleComFeeds.get(`www.google.com${path.toLowerCase()}`);
    if (feed === undefined) return { candidates: [], certain: false, problems: [...problems, 'not a known scope'] };
    if (url.path !== path) problems.push('a trailing slash');
    caseWrong ||= !feed.endsWith(path);
    return finish(feed, problems, caseWrong);
  }
  if (!isGoogleApisHost(host) && apisDistance > 2) return { candidates: [], certain: false, problems: [...problems, 'not a known scope'] };
  if (host === 'googleapis.com') problems.push('missing `www.`');
  else if (host !== GOOGLEAPIS_HOST) problems.push(`misspelled host \`${url.host}\``);
  let path = url.path.replace(/^\/+/, '');
  if (/^auth\//i.test(path)) {
    caseWrong ||= !path.startsWith('auth/');
    path = path.slice('auth/'.length);
  } else {
    problems.push('missing `/auth/`');
  }
  if (path.endsWith('/')) {
    problems.push('a trailing slash');
    path = trimTrailingSlashes(path);
  }
  if (path === '') return { candidates: [], certain: false, problems: [...problems, 'not a known scope'] };
  return fromLabel(path, problems, caseWrong);
}

const WRONG_CASE = 'wrong case (scope strings are case-sensitive)';

function finish(scope: string, problems: string[], caseWrong: boolean): ScopeCorrection {
  return { candidates: [scope], certain: true, problems: caseWrong ? [...problems, WRONG_CASE] : problems };
}

/** The scope for a label (`gmail.send`), exactly or by edit distance. */
function fromLabel(label: string, problems: string[], caseWrong: boolean): ScopeCorrection {
  const lower = label.toLowerCase();
  const exact = knownIndex().byLabel.get(lower);
  if (exact !== undefined) return finish(exact, problems, caseWrong || !exact.endsWith(`/${label}`));
  const close = closeLabels(lower);
  if (close.length > 0) {
    // Autofix only a single near miss (one edit); anything less sure is a suggestion.
    const certain = close.length === 1 && !close[0]!.prefixOnly && close[0]!.distance <= 1;
    return {
      candidates: close.slice(0, MAX_CANDIDATES).map((match) => match.scope),
      certain,
      problems: [...problems, certain ? 'misspelled' : 'not a known scope'],
    };
  }
  // `gmail`, `gmail.full`, `gmail.all`: full Gmail access is https://mail.google.com/.
  if (/^gmail(\.(full|all|access|mail))?$/.test(lower)) {
    return { candidates: [FULL_GMAIL_SCOPE], certain: false, problems: [...problems, 'not a Gmail scope'] };
  }
  return {
    candidates: [],
    certain: false,
    problems: [...problems, lower.startsWith('gmail.') ? 'not a Gmail scope' : 'not a known scope'],
  };
}

/**
 * Known scopes whose label is within typo distance of `label`, or starts with it
 * (`gmail.read` → `gmail.readonly`), closest first.
 */
function closeLabels(label: string): { scope: string; distance: number; prefixOnly: boolean }[] {
  const limit = label.length <= 4 ? 0 : label.length <= 8 ? 1 : 2;
  const prefix = label.includes('.') && label.length >= 7;
  const matches: { scope: string; distance: number; prefixOnly: boolean; rank: number; gmail: boolean }[] = [];
  for (const [known, scope] of knownIndex().byLabel) {
    const d = distance(label, known, limit);
    const gmail = known.startsWith('gmail.');
    if (d <= limit) matches.push({ scope, distance: d, prefixOnly: false, rank: d, gmail });
    // A truncated name (`gmail.read`) ranks with one-edit typos but is never certain on its own.
    else if (prefix && known.startsWith(label)) matches.push({ scope, distance: d, prefixOnly: true, rank: 1, gmail });
  }
  matches.sort(
    (a, b) =>
      a.rank - b.rank ||
      Number(a.prefixOnly) - Number(b.prefixOnly) ||
      Number(b.gmail) - Number(a.gmail) ||
      (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0),
  );
  return matches.map(({ scope, distance: d, prefixOnly }) => ({ scope, distance: d, prefixOnly }));
}

function isGoogleApisHost(host: string): boolean {
  return host === GOOGLEAPIS_HOST || host === 'googleapis.com';
}

/** `scheme://host/path` (scheme optional when the host is a Google host); undefined for other words. */
function parseUrl(word: string): { scheme: string | undefined; host: string; path: string } | undefined {
  const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/\s]+)(\/.*)?$/i.exec(word);
  if (match === null) return undefined;
  const scheme = match[1];
  const host = match[2]!;
  const path = match[3] ?? '';
  if (scheme === undefined) {
    // Without a scheme only Google hosts count as URLs (`www.googleapis.com/auth/x`, `mail.google.com`).
    const lower = host.toLowerCase();
    if (!isGoogleApisHost(lower) && lower !== MAIL_HOST && lower !== 'www.google.com') return undefined;
  }
  return { scheme: scheme?.toLowerCase(), host, path };
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped at `limit + 1`. */
export function distance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
  }
  return d[rows - 1]![cols - 1]!;
}

/** `…/x///` → `…/x`, in linear time (`/\/+$/` backtracks quadratically on a long run of slashes not at the end). */
function trimTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2f) end--;
  return text.slice(0, end);
}
