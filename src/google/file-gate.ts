import { isBuiltin } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { exportTable, requireSpecifier } from '../core/export-table.ts';
import { analysedApiMaps, versionProfileOf } from '../scopes/api-map.ts';
import { apiVersionsAtUrl, isApiName, isMethodChainHead } from '../scopes/apis-data.ts';
import type { ApiMap } from '../scopes/api-map.ts';
import { typeServices } from './typed-calls.ts';
import { GMAIL_MAIL_SERVERS } from '../scopes/facts/gmail-v1.ts';
import { apiOfNamespace } from '../scopes/apis-data.ts';
import type { ApiVersionRef } from './google-values.ts';

/**
 * The cheap gate before any AST walk: almost every file of a real repository has nothing to do
 * with Google APIs, and even files that mention Google in comments or URLs (the `googleapis`
 * package's own generated code does, in every file) must cost next to nothing.
 *
 * A file is analysed when its code (not its comments) has one of:
 * - a string naming a Google client or auth library (`'googleapis'`, `'@googleapis/<api>'`,
 *   `'google-auth-library'`, `'@google-cloud/local-auth'`, `'npm:googleapis@…'`);
 * - Gmail's SMTP/IMAP server (`smtp.gmail.com`, `imap.gmail.com`, nodemailer's `service: 'gmail'`);
 * - a scope URL (`googleapis.com/auth/…`), `https://mail.google.com/` (SMTP/IMAP), a Gmail short
 *   form (`'gmail.send'`), or, next to a scope name (`scopes`, `SCOPES`, `addScope`), the short
 *   form of another analysed API (`'drive.readonly'`: only strings in scope position are judged);
 * - a REST URL of an analysed API: its own host (`gmail.googleapis.com`, as a whole host), or one
 *   of its path prefixes (`/gmail/v1/`, `googleapis.com/drive/v3/`; a prefix that is only a
 *   version, `/v1/`, with the first path segment of one of the API's methods: `/v1/documents`);
 *   for every other API of the data, only a written-out Google host with one of its path prefixes
 *   (`storage.googleapis.com/storage/v1/`, `www.googleapis.com/bigquery/v2/`: the profiles say);
 * - a chain that can name a method without a traced client (`x.users.messages.send`: a client
 *   passed into a helper file);
 * - in a file that imports a module of the project, a chain of two names that starts a method id
 *   of some API of the data (`calendar.events.insert`, `drive.files.delete` on a client another
 *   module made: see {@link callsImportedClient});
 * - with type information, the generated typings namespace of any API version in the data
 *   (`gmail_v1`, `storage_v1`, `admin_directory_v1`), also in a JSDoc comment: the name a typed
 *   resource (`storage_v1.Resource$Objects`) is written with, found by its shape (`<name>_v<digit>…`,
 *   `_alpha`, `_beta`) and confirmed by the data, so no API adds an anchor. Not the API's bare
 *   name in any case, which most code has (`tasks`, `docs`, `forms`: rxjs); a resource whose type
 *   comes from another module without such a name still needs one of the anchors below.
 * Every candidate but the imported-client chain mentions Google or an analysed API by name, or
 * sits in a file that does.
 * A file that imports `googleapis-common` is Google's generated client itself (every file of
 * `googleapis` and `@googleapis/<api>`; no application imports it): only a library specifier or
 * a scope URL counts there. Its root URLs and REST paths go to `createAPIRequest`, never to an
 * HTTP call the analysis reads, and with every API analysed each of them would open its own file.
 *
 * The anchors are generic (`googleapis`, `google-`, `mail`, `/v`, `scope`), so analysing another
 * API adds entries to the sets they are checked against, not anchors. The exceptions come from
 * the registry: the root resources of chains of at least three names (only they can name a method
 * by their shape alone, see ./call-detection.ts), and path prefixes without a version segment
 * (none among the APIs analysed today). One regular-expression pass finds every anchor; a hit is
 * checked where it stands (a few character reads and a set lookup), and only a hit that passes is
 * looked up in the comments. Measured in docs/performance.md.
 */

interface Gate {
  readonly maps: readonly ApiMap[];
  /** Every anchor, one alternative each. */
  readonly anchors: RegExp;
  /** The anchors in Google's generated client: library specifiers and scope URLs. */
  readonly generatedClientAnchors: RegExp;
  /** Hosts only one analysed API answers on (`gmail.googleapis.com`; not `www.googleapis.com`). */
  readonly ownHosts: ReadonlySet<string>;
  /**
   * Path prefixes of the analysed APIs without their trailing slash (`gmail/v1`, `upload/gmail/v1`, `v4`)
   * → for a prefix that is only a version, the first segments after it of the API's method paths
   * (`documents`, `people:createContact`); `undefined`: the prefix names the API (enough on its own).
   */
  readonly prefixes: ReadonlyMap<string, readonly string[] | undefined>;
  /** The first character of every extra path anchor (`/admin`: prefixes without a version segment). */
  readonly pathAnchors: ReadonlySet<string>;
  /** Chain roots → the names that may follow them in a method id of at least three names (`users` → `messages`, …). */
  readonly chains: ReadonlyMap<string, ReadonlySet<string>>;
  /** A quoted short form of an analysed API's scope: `'drive.readonly'`. */
  readonly shortForm: RegExp;
  /** Google or an analysed API by name, any case. */
  readonly anyMention: RegExp;
}
let gate: Gate | undefined;

const escape = (value: string): string => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A version path segment: `v1`, `v1beta2`, `v2alpha`. */
const VERSION_SEGMENT = /^v\d/;
/** The hosts every Google API answers on besides its own: the path decides there. */
const SHARED_HOSTS = new Set(['www.googleapis.com', 'googleapis.com', '']);
/**
 * The anchors every gate has, as regular-expression alternatives; `.<root>` and extra path anchors
 * come from the registry. `googleapis` only where a specifier, a URL or a host can go on (not
 * `googleapis_common_1`, which every generated method names).
 */
const LIBRARY_ANCHORS = ['googleapis(?=[\'"`@/])', 'google-', 'mail', 'cope', 'COPE'];
const URL_ANCHORS = ['googleapis\\.com', '\\/v\\d'];
/**
 * In Google's generated client only a library specifier or a scope URL counts: its REST paths go
 * to `createAPIRequest`, and it makes no chain of calls on a client it was handed, no SMTP
 * connection, no scope list. One literal prefix: the search skips ahead like `indexOf`.
 */
const GENERATED_CLIENT_ANCHORS = /google(?:apis(?=['"`@/]|\.com\/auth)|-|\.com)/g;

/** Built from the analysed API maps, again only when they change (the same array until then). */
function currentGate(): Gate {
  const maps = analysedApiMaps();
  if (gate?.maps === maps) return gate;
  const ownHosts = new Set<string>();
  const prefixes = new Map<string, string[] | undefined>();
  const chains = new Map<string, Set<string>>();
  const apiNames = new Set<string>();
  const pathAnchors = new Set<string>();
  for (const map of maps) {
    apiNames.add(map.api);
    const profile = versionProfileOf(map)?.version;
    const host = profile?.host ?? new URL(map.rootUrl).host;
    if (!SHARED_HOSTS.has(host)) ownHosts.add(host);
    const versionPrefixes = (profile?.pathPrefixes ?? [])
      .concat(profile?.uploadPathPrefixes ?? [])
      .map((prefix) => prefix.replace(/\/$/, ''));
    for (const prefix of versionPrefixes) {
      const segments = prefix.split('/');
      if (segments.length === 1 && VERSION_SEGMENT.test(prefix)) {
        if (!prefixes.has(prefix)) prefixes.set(prefix, []);
      } else prefixes.set(prefix, undefined);
      // `admin/directory_v1`, `v1:validateAddress`: no `/v<digit>` to find them by.
      if (!segments.some((segment) => VERSION_SEGMENT.test(segment))) pathAnchors.add(`/${segments[0]!}`);
    }
    for (const method of map.methods.values()) {
      for (const path of [method.path, method.mediaPath]) {
        if (path === undefined) continue;
        const [first, second] = path.split('/');
        const heads = first === undefined ? undefined : prefixes.get(first);
        if (heads !== undefined && second !== undefined && !heads.includes(second)) heads.push(second);
      }
      const names = method.id.split('.');
      if (names.length >= 3) chains.set(names[0]!, (chains.get(names[0]!) ?? new Set()).add(names[1]!));
    }
  }
  const chainAnchors = [...chains.keys()].map((root) => escape(`.${root}`));
  const names = [...apiNames].map(escape);
  gate = {
    maps,
    anchors: new RegExp([...LIBRARY_ANCHORS, ...URL_ANCHORS, ...[...pathAnchors].map(escape), ...chainAnchors].join('|'), 'g'),
    generatedClientAnchors: GENERATED_CLIENT_ANCHORS,
    ownHosts,
    prefixes,
    pathAnchors: new Set([...pathAnchors].map((anchor) => anchor[1]!)),
    chains,
    shortForm: new RegExp(`['"\`](?:${names.join('|') || '(?!)'})\\.[a-z]`, 'g'),
    anyMention: new RegExp(['google', ...names].join('|'), 'i'),
  };
  return gate;
}

/** What a file's scan found out once and may ask again (all lazily). */
interface FileScan {
  readonly text: string;
  readonly comments: readonly Comment[];
  readonly gate: Gate;
  generatedClient?: boolean;
  shortForm?: boolean;
}
interface Comment {
  readonly range: readonly [number, number];
}

export function mentionsGoogleApis(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const text = sourceCode.text;
  const current = currentGate();
  // With type information a resource can arrive from anywhere (`messages.send()` on a
  // `gmail_v1.Resource$Users$Messages`, `objects.list()` on a `storage_v1.Resource$Objects`):
  // the namespace of any API version in the data opens the file.
  if (typeServices(sourceCode) !== undefined && writtenApiNamespaces(sourceCode, 1).length > 0) return true;
  // Every other candidate mentions Google or an analysed API by name, or sits in a file that does.
  if (!current.anyMention.test(text))
    return callsImportedClient({ text, comments: sourceCode.ast.comments ?? [], gate: current }, sourceCode.ast, false);
  const scan: FileScan = { text, comments: sourceCode.ast.comments ?? [], gate: current };
  const anchors = isGeneratedClient(scan) ? current.generatedClientAnchors : current.anchors;
  anchors.lastIndex = 0;
  for (let match = anchors.exec(text); match !== null; match = anchors.exec(text)) {
    const index = match.index;
    if (opensAt(scan, index)) {
      // Only a hit that would open the file is looked up in the comments.
      const comment = commentAt(scan.comments, index);
      if (comment === undefined) return true;
      anchors.lastIndex = comment.range[1];
    } else {
      // Every position where some anchor starts is visited, also inside a longer match.
      anchors.lastIndex = index + 1;
    }
  }
  return callsImportedClient(scan, sourceCode.ast, true);
}

/** `.files.delete`, `?.events ?. insert`: a member of two names (the first not inside a longer name). */
const TWO_NAME_CHAIN = /\.\s*([A-Za-z_$][\w$]*)\s*\??\.\s*([A-Za-z_$][\w$]*)/g;

/**
 * A client made in another module of the project and called here: `import { calendar } from
 * './google.js'` then `calendar.events.insert(…)` (also a namespace import, a default import, an
 * alias, a workspace package, `require`, a getter's result). Such a chain has two names (Drive,
 * Calendar, Docs, Tasks and most other APIs), and a chain names a method by its shape alone only
 * from three (`x.users.messages.send`), so no anchor above takes it. It opens the file when the
 * file binds a name imported from a module that is not a Node built-in (the resolver may read
 * it: relative, `#imports`, tsconfig paths, workspace packages), and a chain `.<root>.<next>` in
 * its code starts a method id of some API version of the data (`chains.json`: no version is
 * loaded). The analysis then follows the import (the module's Google exports): a value that is
 * no Google client leaves the file silent. Every candidate still mentions Google or an API by
 * name: a file that mentions neither (`mentioned` false) needs an imported name that is an API
 * of the data (`import { storage } from './clients'`). Never Google's generated client.
 */
function callsImportedClient(scan: FileScan, program: TSESTree.Program, mentioned: boolean): boolean {
  if (isGeneratedClient(scan) || !importsProjectModule(program, mentioned)) return false;
  const text = scan.text;
  const chain = TWO_NAME_CHAIN;
  chain.lastIndex = 0;
  for (let match = chain.exec(text); match !== null; match = chain.exec(text)) {
    if (isMethodChainHead(match[1]!, match[2]!) && commentAt(scan.comments, match.index) === undefined) return true;
    // `a.b.files.delete`: the next pair may start at the second dot.
    chain.lastIndex = match.index + 1;
  }
  return false;
}

/**
 * Whether a top-level name is bound by an import or `require` of a module that is not a Node
 * built-in; unless `mentioned`, only a name that is an API of the data (`storage`, `drive`).
 */
function importsProjectModule(program: TSESTree.Program, mentioned: boolean): boolean {
  for (const [name, binding] of exportTable(program).bindings) {
    const specifier =
      binding.kind === 'import' ? binding.specifier : binding.kind === 'destructured' ? requireSpecifier(binding.init) : undefined;
    if (specifier !== undefined && !isBuiltin(specifier) && (mentioned || isApiName(name))) return true;
  }
  return false;
}

/**
 * A name shaped like a generated typings namespace: `<api>_<version>` (`storage_v1`,
 * `admin_directory_v1`, `compute_alpha`, `merchantapi_accounts_v1beta`); the data decides.
 */
const NAMESPACE_CANDIDATE = /(?<![\w$])[a-zA-Z][a-zA-Z\d]*(?:_[a-z\d]+)*_(?:v\d|alpha|beta)[\w]*/g;

/**
 * The API versions whose generated typings namespace (`storage_v1`, any version in the data, not
 * only the registry's) the file writes, each once, at most `limit`. Comments count: a JSDoc type
 * (`@param {storage_v1.Resource$Objects} objects`) is what a checked JavaScript file's types come
 * from. A typed file gets its resources' types from these (./typed-calls.ts).
 */
export function writtenApiNamespaces(sourceCode: Readonly<TSESLint.SourceCode>, limit = Infinity): ApiVersionRef[] {
  const found = new Map<string, ApiVersionRef>();
  for (const match of sourceCode.text.matchAll(NAMESPACE_CANDIDATE)) {
    if (found.size >= limit) break;
    const name = match[0];
    if (found.has(name) || continuesName(sourceCode.text, match.index + name.length)) continue;
    const namespace = apiOfNamespace(name);
    if (namespace !== undefined) found.set(name, namespace);
  }
  return [...found.values()];
}

/** Whether the name goes on past a regular-expression word (`$`: `storage_v1$x` is another name). */
const continuesName = (text: string, end: number): boolean => text.charCodeAt(end) === 36;

const QUOTES = '\'"`';
const isQuote = (code: number): boolean => code === 39 || code === 34 || code === 96;
const isWordChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const isLower = (code: number): boolean => code >= 97 && code <= 122;
/** A character of a host name. */
const isHostChar = (code: number): boolean => isWordChar(code) || code === 45 /* - */ || code === 46; /* . */
/** A character of a URL path segment as the method paths write them (`{+name}`, `people:batchGet`). */
const isSegmentChar = (code: number): boolean =>
  isHostChar(code) || code === 58 /* : */ || code === 123 /* { */ || code === 125 /* } */ || code === 43; /* + */
const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;

/** A module specifier of a Google client or auth library, from its opening quote. */
const LIBRARY_SPECIFIER =
  /['"`](?:npm:)?(?:googleapis|@googleapis\/[\w.-]+|google-auth-library|@google-cloud\/local-auth)(?:@[^'"`/\s]*)?['"`]/y;
/** Where the opening quote can be, before `google`: `'g`, `'@g`, `'npm:g`, `'npm:@g`. */
const SPECIFIER_QUOTE_OFFSETS = [1, 2, 5, 6];

/** Whether the anchor that starts at `index` is a candidate (its comment not yet looked at). */
function opensAt(scan: FileScan, index: number): boolean {
  const text = scan.text;
  switch (text.charCodeAt(index)) {
    case 103 /* g */:
      if (librarySpecifierAt(text, index)) return true;
      if (text.startsWith('.com', index + 6)) return text.startsWith('mail.', index - 5);
      // `googleapis.com…`: a scope URL, or a REST host.
      return text.startsWith('.com', index + 10) && (text.startsWith('/auth', index + 14) || restHostAt(scan, index));
    case 109 /* m */:
      return mailAt(text, index);
    case 99 /* c */:
    case 67 /* C */: {
      // `scopes`, `SCOPES`, `addScope`: a short form of another API's scope only counts in scope position.
      const before = text.charCodeAt(index - 1);
      return (before === 115 || before === 83) /* s S */ && hasShortForm(scan);
    }
    case 47 /* / */:
      if (text.charCodeAt(index + 1) === 118 /* v */ && isDigit(text.charCodeAt(index + 2))) return versionPathAt(scan, index + 1);
      return scan.gate.pathAnchors.has(text[index + 1]!) && !isGeneratedClient(scan) && restPathAt(scan.gate, text, index + 1);
    case 46 /* . */:
      return chainAt(scan, index + 1);
    default:
      return false;
  }
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

function librarySpecifierAt(text: string, index: number): boolean {
  const before = text[index - 1];
  // Most hits are URLs (`https://x.googleapis.com/`) or `googleapis_common_1`: only a quote, `@` or `npm:` precedes a specifier.
  if (before === undefined || !`${QUOTES}@:`.includes(before)) return false;
  for (const offset of SPECIFIER_QUOTE_OFFSETS) {
    if (index < offset) break;
    LIBRARY_SPECIFIER.lastIndex = index - offset;
    if (LIBRARY_SPECIFIER.test(text)) return true;
  }
  return false;
}

/** Gmail's SMTP and IMAP hosts (its cited facts), found at their `mail`. */
const MAIL_SERVER_HOSTS = [GMAIL_MAIL_SERVERS.smtp, GMAIL_MAIL_SERVERS.imap];

/** `mail.google.com`, `smtp.gmail.com`, `imap.gmail.com`, `'gmail'`, `'Gmail'`, `'gmail.send'`. */
function mailAt(text: string, index: number): boolean {
  if (text.startsWith('mail.google.com', index)) return true;
  const before = text.charCodeAt(index - 1);
  if (before !== 103 /* g */ && before !== 71 /* G */) return false;
  const start = index - 1;
  const after = text.charCodeAt(index + 4);
  for (const host of MAIL_SERVER_HOSTS) {
    const offset = host.indexOf('mail');
    if (index >= offset && text.startsWith(host, index - offset)) return true;
  }
  if (!isQuote(text.charCodeAt(start - 1))) return false;
  // `'gmail'`, `'Gmail'` (nodemailer's service), and a Gmail short form `'gmail.send'` (any position: valid-scope judges it).
  return isQuote(after) || (before === 103 && after === 46 /* . */ && isLower(text.charCodeAt(index + 5)));
}

/** `…googleapis.com` at `index` (of `googleapis`): an analysed API's own host, or a shared one followed by its path prefix. */
function restHostAt(scan: FileScan, index: number): boolean {
  const text = scan.text;
  let start = index;
  while (start > 0 && index - start < 100 && isHostChar(text.charCodeAt(start - 1))) start--;
  const host = text.slice(start, index + 14);
  if (!scan.gate.ownHosts.has(host) && text.charCodeAt(index + 14) !== 47 /* / */) return false;
  if (isGeneratedClient(scan)) return false;
  return scan.gate.ownHosts.has(host) || restPathAt(scan.gate, text, index + 15) || dataUrlAt(text, host, index + 15);
}

/** Every other API of the data (phase 3): its host or named prefix with its path prefix, `storage.googleapis.com/storage/v1/`. */
function dataUrlAt(text: string, host: string, start: number): boolean {
  let end = start;
  while (end < text.length && end - start < 200 && (isSegmentChar(text.charCodeAt(end)) || text.charCodeAt(end) === 47)) end++;
  return apiVersionsAtUrl(host, text.slice(start, end)).length > 0;
}

/** `/v1` at `index - 1`: the path may start at this version segment or one or two segments before it. */
function versionPathAt(scan: FileScan, index: number): boolean {
  const text = scan.text;
  let start = index;
  for (let back = 0; back <= 2; back++) {
    if (back > 0) {
      // The segment before: `gmail` in `/gmail/v1`, `upload` in `/upload/gmail/v1`.
      if (text.charCodeAt(start - 1) !== 47 /* / */) break;
      let before = start - 1;
      while (before > 0 && start - before < 100 && isSegmentChar(text.charCodeAt(before - 1))) before--;
      if (before === start - 1) break;
      start = before;
    }
    if (restPathAt(scan.gate, text, start)) return !isGeneratedClient(scan);
  }
  return false;
}

/** Whether an analysed API's path prefix starts at `start` (`gmail/v1/…`; `v1/documents…`). */
function restPathAt(current: Gate, text: string, start: number): boolean {
  let end = start;
  let key = '';
  for (let depth = 0; depth < 4; depth++) {
    const segmentStart = end;
    while (end < text.length && end - segmentStart < 100 && isSegmentChar(text.charCodeAt(end))) end++;
    if (end === segmentStart) return false;
    key += text.slice(segmentStart, end);
    const heads = current.prefixes.get(key);
    if (heads === undefined && current.prefixes.has(key)) return true;
    if (heads !== undefined) return headAt(heads, text, end);
    if (text.charCodeAt(end) !== 47 /* / */) return false;
    key += '/';
    end++;
  }
  return false;
}

/**
 * After a prefix that is only a version (`v1`): the next segment must start one of the API's paths
 * (`/documents`), or be cut by a hole (`/people:${op}`) where it may.
 */
function headAt(heads: readonly string[], text: string, slash: number): boolean {
  if (text.charCodeAt(slash) !== 47 /* / */) return false;
  let end = slash + 1;
  while (end < text.length && end - slash < 100 && isSegmentChar(text.charCodeAt(end))) end++;
  const segment = text.slice(slash + 1, end);
  if (segment === '') return false;
  const next = text.charCodeAt(end);
  const cut = next === 36 /* $ */ || isQuote(next);
  return heads.some((head) => head === segment || (cut && head.startsWith(segment)));
}

/**
 * `.users.messages.send`, `.users ?. messages ['send']`: a root resource, one of the names that
 * follow it in a method id of three names or more, and a third member, in a file that mentions
 * Google or an analysed API by name.
 */
function chainAt(scan: FileScan, index: number): boolean {
  const text = scan.text;
  let end = index;
  while (isWordChar(text.charCodeAt(end)) || text.charCodeAt(end) === 36) end++;
  const children = scan.gate.chains.get(text.slice(index, end));
  if (children === undefined) return false;
  end = memberDot(text, end);
  if (end === -1) return false;
  const childStart = end;
  while (isWordChar(text.charCodeAt(end)) || text.charCodeAt(end) === 36) end++;
  if (!children.has(text.slice(childStart, end))) return false;
  while (isSpace(text.charCodeAt(end))) end++;
  // (The file mentions Google or an API: the gate asked before the scan.)
  return text.charCodeAt(end) === 91 /* [ */ || memberDot(text, end) !== -1;
}

/** After a name: `.`, `?.` (spaces around them allowed) and the start of the next name; -1 when not. */
function memberDot(text: string, from: number): number {
  let at = from;
  while (isSpace(text.charCodeAt(at))) at++;
  if (text.charCodeAt(at) === 63 /* ? */) at++;
  if (text.charCodeAt(at) !== 46 /* . */) return -1;
  at++;
  while (isSpace(text.charCodeAt(at))) at++;
  const code = text.charCodeAt(at);
  return isWordChar(code) || code === 36 ? at : -1;
}

/** Whether the file's code (not its comments) holds a quoted short form of an analysed API's scope. */
function hasShortForm(scan: FileScan): boolean {
  if (scan.shortForm === undefined) {
    scan.shortForm = false;
    for (const match of scan.text.matchAll(scan.gate.shortForm)) {
      if (commentAt(scan.comments, match.index) === undefined) {
        scan.shortForm = true;
        break;
      }
    }
  }
  return scan.shortForm;
}

/**
 * Google's generated client (`googleapis/build/src/apis/*`, `@googleapis/<api>`) or a library built
 * on its framework: it imports `googleapis-common`, which no application does.
 */
function isGeneratedClient(scan: FileScan): boolean {
  if (scan.generatedClient === undefined) {
    scan.generatedClient = false;
    const text = scan.text;
    for (let index = text.indexOf('googleapis-common'); index !== -1; index = text.indexOf('googleapis-common', index + 1)) {
      if (isQuote(text.charCodeAt(index - 1)) && isQuote(text.charCodeAt(index + 17)) && commentAt(scan.comments, index) === undefined) {
        scan.generatedClient = true;
        break;
      }
    }
  }
  return scan.generatedClient;
}

/** The comment that holds `index`: binary search over the (sorted) comments. */
function commentAt(comments: readonly Comment[], index: number): Comment | undefined {
  let low = 0;
  let high = comments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const comment = comments[middle]!;
    if (index < comment.range[0]) high = middle - 1;
    else if (index >= comment.range[1]) low = middle + 1;
    else return comment;
  }
  return undefined;
}
