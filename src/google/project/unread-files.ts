import { readFileStart } from '../../core/file-boundary.ts';
import type { FileBoundary } from '../../core/file-boundary.ts';

/*
 * Files the inventory does not parse, where a token may still be minted (issue 14, review R4): a
 * component or page (`.vue`, `.svelte`, `.html`…) running Google Identity Services, an Apps Script
 * manifest, a config file read by code the analysis can't see, another language's source (a Python
 * back end, an Android app); and the source files it can't parse
 * (larger than the analysis reads, binary, unreadable). Each is searched, as plain text, for a
 * scope: one that holds one may request scopes the inventory can't list, so the inventory is then
 * incomplete (it judges nothing). A file that holds none can't mint a Google token.
 */

/**
 * Markup, components and templates that can run a script, Apps Script (`.gs`), config and data
 * files, and minified bundles (a vendored single-page app). Lock files list packages, never scopes.
 */
const SEARCHED_FILE =
  /\.(?:html?|xhtml|vue|svelte|astro|mdx|marko|ejs|hbs|handlebars|pug|njk|liquid|gs|json5?|jsonc|ya?ml|toml|min\.[cm]?js)$/i;
/**
 * Other languages' sources and their config (review 4 H8): a Python back end's `Flow(scopes=…)`,
 * an Android or iOS sign-in's `requestScopes(…)`, a Go or Java service may mint the tokens the
 * JavaScript code uses. A scope in one makes the inventory incomplete.
 */
const OTHER_LANGUAGE_FILE =
  /\.(?:py|pyw|go|java|kt|kts|scala|groovy|gradle|swift|m|mm|dart|rb|php|cs|fs|vb|rs|c|cc|cpp|cxx|h|hpp|ex|exs|erl|clj|cljs|lua|pl|pm|r|jl|sh|bash|ps1|xml|plist|properties|ini|cfg|conf)$/i;
const ENV_FILE = /^\.env(?:\.[\w.-]+)?$/;
const LOCK_FILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml']);

/**
 * Bytes searched per file at most: a longer file without a scope in its first part may hold one
 * further on, so it counts as holding one (a vendored 3 MB bundle is searched whole).
 */
export const MAX_SEARCHED_BYTES = 8 * 1024 * 1024;

/**
 * What a scope looks like in any text: a scope URL (also JSON-escaped, `googleapis.com\/auth\/`),
 * Gmail's full-access scope (not a link into Gmail: `mail.google.com/mail/…`, `…/#inbox`), or a
 * sign-in scope (`openid`, `email`, `profile`: Google's only bare scope words) assigned to a scope
 * option on one line (`scope: 'email profile'`, `GOOGLE_SCOPES=openid email`,
 * `<meta name="google-signin-scope" content="profile email">`; not Vue's
 * `slot-scope="scope"` … `scope.row.email`).
 */
const SCOPE_TEXT =
  /googleapis\.com\\?\/auth\\?\/|mail\.google\.com\\?\/(?![\w%.~/#?-])|(?:(?<![-a-z])scopes?["']?\s*[:=]|google-signin-scope["']?\s+content\s*=)[^\n;]{0,80}?\b(?:openid|email|profile)\b/i;

/** Whether the inventory searches this file as text (it is not a source file it parses). */
export function isSearchedFile(name: string): boolean {
  return (SEARCHED_FILE.test(name) && !LOCK_FILES.has(name)) || OTHER_LANGUAGE_FILE.test(name) || ENV_FILE.test(name);
}

/**
 * Whether a file the inventory can't parse may request scopes: it holds something that looks like
 * a scope, can't be read, or is longer than `MAX_SEARCHED_BYTES` (the rest is unknown).
 */
export function mayHideRequest(file: string, boundary: FileBoundary): boolean {
  const start = readFileStart(file, boundary, MAX_SEARCHED_BYTES);
  if (start === undefined) return true;
  // latin1 maps each byte to one character: a binary file can't break the search.
  return SCOPE_TEXT.test(start.bytes.toString('latin1')) || !start.whole;
}
