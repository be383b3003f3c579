/**
 * `googleapis-scopes explain`: from a production error (read by ./error-text.ts) and the
 * project's report (./report.ts) to an explanation as plain data: the method that failed and
 * why, the scopes it accepts, its call sites, where the project requests scopes for them, and
 * the change that fixes it. No ESLint and no I/O here; the JSON format prints this object.
 */
import { analysedApiMaps, getApiMap, isAnalysedApiVersion, matchRestPath, apiNameOf } from '../scopes/api-map.ts';
import type { ApiMap, MethodInfo } from '../scopes/api-map.ts';
import { apiVersionsAtUrl, getApiProfile } from '../scopes/apis-data.ts';
import { classificationOf, isAddOnOnly, isKnownGoogleScope } from '../scopes/catalog.ts';
import type { Classification } from '../scopes/catalog.ts';
import { METADATA_READ_REPLACEMENT, METADATA_SCOPE, methodsRestrictedBy } from '../scopes/metadata.ts';
import { sortNarrowestFirst } from '../scopes/order.ts';
import { matchRpcName } from '../scopes/rpc-names.ts';
import type { RpcMatch } from '../scopes/rpc-names.ts';
import { correctScope } from '../scopes/scope-suggestions.ts';
import { isProposable, solve, sortFor } from '../scopes/solver.ts';
import { callNeed, hasTokenPoisoningTrap, requirementOf, scopeFix } from '../scopes/policy.ts';
import type { CallNeed } from '../scopes/policy.ts';
import type { CallShape } from '../scopes/metadata.ts';
import { UNKNOWN_CALL_SHAPE, urlQueryShape } from '../google/call-params.ts';
import { joinWords } from '../utils/join-words.ts';
import type { ParsedError } from './error-text.ts';
import { declaredAtText, plural } from './format-shared.ts';
import type { OperationStatus, Report, ReportDeclaration, ReportOperation } from './report.ts';

export const EXPLAIN_SCHEMA_VERSION = 1;

export interface ExplainScope {
  readonly scope: string;
  /** Google's classification; null outside the catalog. */
  readonly classification: Classification | null;
  /** Only a Gmail add-on can hold it: never part of a fix. */
  readonly addOnOnly: boolean;
}

export interface ExplainCallSite {
  readonly method: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The report id of the scope declaration that reaches the call; null when not traced. */
  readonly declaration: string | null;
  readonly status: OperationStatus;
}

export interface ExplainRequest {
  /** The report's declaration id (`src/inbox.ts:4:14`, `settings`). */
  readonly declaration: string;
  readonly label: string;
  readonly file: string | null;
  readonly line: number | null;
  /** Where the list is written, for people: "`SCOPES` (src/scopes.ts:2)". */
  readonly writtenAt: string | null;
  readonly requested: readonly string[];
  readonly complete: boolean;
  /** Whether its scopes reach one of the call sites above, or it requests a scope Google rejects. */
  readonly relevant: boolean;
}

export interface ExplainInvalidScope {
  readonly scope: string;
  /** The real scope it most likely stands for; null when there is no single one. */
  readonly correction: string | null;
  /** Declarations that request it. */
  readonly requestedBy: readonly string[];
}

export interface Explanation {
  readonly schemaVersion: number;
  readonly error: ParsedError;
  /** Whether the project was linted (false: no call sites or requests could be looked up). */
  readonly linted: boolean;
  /** The API (`gmail`) and method (`users.messages.send`) that failed; null when unknown. */
  readonly api: string | null;
  readonly method: string | null;
  /** What named the method: the ErrorInfo RPC name, the request URL, the error message, or the accepted scopes. */
  readonly identifiedBy: 'rpc' | 'url' | 'message' | 'scopes' | null;
  /** When the method is not known exactly: the methods it may be. */
  readonly candidates: readonly string[];
  /** One sentence: what failed and why. */
  readonly summary: string;
  /** The scopes the method accepts (any one works), narrowest first. */
  readonly accepted: readonly ExplainScope[];
  readonly callSites: readonly ExplainCallSite[];
  readonly requests: readonly ExplainRequest[];
  readonly invalidScopes: readonly ExplainInvalidScope[];
  /** The changes that fix it, one sentence each, scope URLs written in full. */
  readonly fix: readonly string[];
  readonly notes: readonly string[];
}

interface Identified {
  readonly methods: readonly MethodInfo[];
  readonly by: Explanation['identifiedBy'];
  /**
   * What the error says about the call's arguments: the request URL's query (`?alt=media`), read
   * as the rules read a REST call's URL; else nothing (every argument unknown).
   */
  readonly shape: CallShape;
  /** Why the method is unknown, when it is. */
  readonly unknown?: string;
}

/** What `error` means for the project described by `report` (undefined: the project was not linted). */
export function explainError(error: ParsedError, report: Report | undefined): Explanation {
  const identified = identifyMethod(error);
  const method = identified.methods.length === 1 ? identified.methods[0] : undefined;
  const keys = new Set(identified.methods.map((candidate) => `${candidate.api}:${candidate.id}`));
  const operations = (report?.operations ?? []).filter(
    (operation) =>
      keys.has(`${operation.api}:${operation.method}`) &&
      (!error.kind.startsWith('metadata') || operation.metadata === 'breaks' || operation.metadata === 'maybe'),
  );
  const reaching = new Set(operations.map((operation) => operation.declaration).filter((id): id is string => id !== null));
  const declarations = (report?.declarations ?? []).filter((declaration) => declaration.kind !== 'unresolved');
  const invalidScopes = error.kind === 'invalid-scope' ? invalidScopesOf(error, declarations) : [];
  const invalidBy = new Set(invalidScopes.flatMap((item) => item.requestedBy));
  const relevant = declarations.filter((declaration) => reaching.has(declaration.id) || invalidBy.has(declaration.id));
  const requests = (relevant.length > 0 ? relevant : declarations).map((declaration) =>
    toRequest(declaration, relevant.includes(declaration)),
  );
  // What the rules would judge for the same call (src/scopes/policy.ts callNeed), from what the error says of it.
  const needs = identified.methods.map((candidate) => callNeed(candidate, identified.shape));
  const accepted = method === undefined ? narrowestFirst(error.acceptedScopes ?? []) : acceptedOf(method, identified.shape);

  const context: FixContext = { error, methods: identified.methods, needs, operations, declarations, report };
  const notes: string[] = [];
  if (report === undefined) notes.push('The project was not linted: no call sites or scope requests are shown.');
  if (identified.unknown !== undefined) notes.push(identified.unknown);
  if (method !== undefined && error.kind === 'insufficient-scope') notes.push(...trapNotes(method, identified.shape));
  if (identified.methods.length > 1)
    notes.push(
      `The error fits ${joinWords(
        identified.methods.map((candidate) => code(candidate.id)),
        ' or ',
      )}; call sites of each are listed.`,
    );
  const fix =
    error.kind === 'invalid-scope'
      ? invalidScopeFix(invalidScopes, declarations)
      : error.kind === 'insufficient-scope'
        ? insufficientFix(context)
        : metadataFix(context);
  if (error.kind !== 'invalid-scope' && fix.some((line) => !line.endsWith(CONSENT_AGAIN) && line !== NO_FIX)) {
    notes.push(
      'A token keeps the scopes it was issued with: after the fix, the user must consent again (delete a stored token or refresh token).',
    );
  }
  return {
    schemaVersion: EXPLAIN_SCHEMA_VERSION,
    error,
    linted: report !== undefined,
    api: identified.methods[0]?.api ?? null,
    method: method?.id ?? null,
    identifiedBy: identified.methods.length > 0 ? identified.by : null,
    candidates: identified.methods.length > 1 ? identified.methods.map((candidate) => candidate.id) : [],
    summary: summaryOf(error, identified),
    accepted: accepted.map((scope) => ({ scope, classification: classificationOf(scope) ?? null, addOnOnly: isAddOnOnly(scope) })),
    callSites: operations.map((operation) => ({
      method: operation.method,
      file: operation.file,
      line: operation.line,
      column: operation.column,
      declaration: operation.declaration,
      status: operation.status,
    })),
    requests,
    invalidScopes,
    fix,
    notes,
  };
}

/** The ErrorInfo RPC name first, then the request URL, then what the message or the header says. */
function identifyMethod(error: ParsedError): Identified {
  const shape = UNKNOWN_CALL_SHAPE;
  let unknown: string | undefined;
  if (error.rpc !== null) {
    const match = rpcMatch(error.service, error.rpc);
    if (match.status === 'matched') return { methods: [match.method], by: 'rpc', shape };
    unknown =
      match.status === 'unknown-api'
        ? `Unknown method: the scope data has no ${code(match.api)} API.`
        : `Unknown method: ${code(error.rpc)} matches ${match.candidates.length === 0 ? 'no' : 'more than one'} ${match.api.title} method.`;
  }
  if (error.url !== null) {
    const methods = withScopes(urlMethods(error.url, error.httpMethod), error.acceptedScopes);
    // The URL's query is the call's, as a REST call's URL is for the rules (`?alt=media`).
    if (methods.length > 0) return { methods, by: 'url', shape: urlQueryShape(error.url) };
    unknown ??= `Unknown method: no method of the scope data has the request path of ${code(error.url)}.`;
  }
  if (error.kind.startsWith('metadata')) {
    const methods = methodsRestrictedBy(error.kind === 'metadata-q' ? { param: 'q' } : { format: error.format });
    if (methods.length > 0) return { methods, by: 'message', shape, ...(unknown === undefined ? {} : { unknown }) };
  }
  if (error.acceptedScopes !== null && error.acceptedScopes.length > 0) {
    const wanted = scopeSetKey(error.acceptedScopes);
    const methods = analysedApiMaps().flatMap((map) => [...map.methods.values()].filter((method) => scopeSetKey(method.scopes) === wanted));
    if (methods.length > 0) return { methods, by: 'scopes', shape, ...(unknown === undefined ? {} : { unknown }) };
  }
  if (error.kind === 'insufficient-scope' && unknown === undefined)
    unknown =
      "Unknown method: the error names neither the method (ErrorInfo `metadata.method`) nor the request URL: paste the whole error (a GaxiosError's `config.url`, the body's `details`) or its `WWW-Authenticate` header.";
  return { methods: [], by: null, shape, ...(unknown === undefined ? {} : { unknown }) };
}

/**
 * The methods whose REST path the URL has, in the first API that has one: with the HTTP method
 * when the text gives it, else each method a verb matches (`GET` and `POST` `drive/v3/files`
 * are `files.list` and `files.create`: both are candidates, never one picked).
 */
function urlMethods(url: string, httpMethod: string | null): MethodInfo[] {
  for (const map of [...analysedApiMaps(), ...dataMapsServing(url)]) {
    const verbs = httpMethod === null ? HTTP_METHODS : [httpMethod];
    const methods = new Set(verbs.flatMap((verb) => matchRestPath(map, verb, url) ?? []));
    if (methods.size > 0) return [...methods];
  }
  return [];
}

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The candidates that accept exactly the scopes `WWW-Authenticate` lists, when the header is there and some do. */
function withScopes(methods: readonly MethodInfo[], accepted: readonly string[] | null): readonly MethodInfo[] {
  if (accepted === null || accepted.length === 0 || methods.length < 2) return methods;
  const wanted = scopeSetKey(accepted);
  const fitting = methods.filter((method) => scopeSetKey(method.scopes) === wanted);
  return fitting.length > 0 ? fitting : methods;
}

const scopeSetKey = (scopes: readonly string[]): string => [...scopes].sort().join(' ');

function summaryOf(error: ParsedError, identified: Identified): string {
  const methods = identified.methods;
  const named =
    methods.length === 0
      ? 'A Google API call'
      : `${apiName(methods[0]!)} ${joinWords(
          methods.map((method) => code(method.id)),
          ' or ',
        )}${error.rpc === null ? '' : ` (${error.rpc.split('.').slice(-2).join('.')})`}`;
  switch (error.kind) {
    case 'insufficient-scope':
      return `${named} failed with ${failureOf(error)}: the access token holds none of the scopes ${methods.length === 0 ? 'the method' : 'it'} accepts.`;
    case 'metadata-q':
      return `${named} failed with 403 "${error.message!}": the token holds gmail.metadata, which forbids \`q\` even when broader scopes are granted too.`;
    case 'metadata-format':
      return `${named} failed with 403 "${error.message!}": the token holds gmail.metadata, which forbids format full (the default) and raw, even when broader scopes are granted too.`;
    case 'invalid-scope':
      return 'Google refused to issue a token (invalid_scope): a requested scope is not a real OAuth scope, or not one this client may request.';
  }
}

/**
 * `403 ACCESS_TOKEN_SCOPE_INSUFFICIENT`, `403 "Provided scope(s) are not authorized"`: only what
 * the text says; a generic reason (Cloud Storage's `forbidden`) gives way to the message.
 */
function failureOf(error: ParsedError): string {
  const scopeReason = error.reason !== null && /scope|permission/i.test(error.reason) ? error.reason : null;
  const why = scopeReason ?? (error.message === null ? (error.reason ?? 'a scope error') : `"${error.message}"`);
  return error.status === null ? why : `${error.status} ${why}`;
}

const CONSENT_AGAIN = 'Have the user consent again.';
const NO_FIX = "None known: the method is unknown, so compare the token's scopes with the ones its reference page lists.";

/**
 * The RPC name matched in the API the error's service names; without a service, in the one
 * analysed API where it matches (none or several: the first API's answer, which says why not).
 */
function rpcMatch(service: string | null, rpc: string): RpcMatch {
  if (service !== null) {
    const match = matchRpcName(service, rpc);
    return match.status === 'unknown-api' ? dataRpcMatch(match.api, rpc) : match;
  }
  const matches = analysedApiMaps().map((map) => matchRpcName(`${map.api}.googleapis.com`, rpc));
  const matched = matches.filter((match) => match.status === 'matched');
  return matched.length === 1 ? matched[0]! : (matches[0] ?? { status: 'unknown-api', api: 'unknown' });
}

/**
 * An API outside the registry (phase 3: its data alone), in every version the data has: an answer
 * when the versions that match agree on the method and its scopes (the preferred version's), else
 * unknown. The service names the API, never its version.
 */
function dataRpcMatch(api: string, rpc: string): RpcMatch {
  const versions = preferredVersions(api);
  if (versions.length === 0) return { status: 'unknown-api', api };
  const matches = versions.map((version) => matchRpcName(`${api}:${version}`, rpc));
  const matched = matches.flatMap((match) => (match.status === 'matched' ? [match] : []));
  const agree = matched.every(
    ({ method }) => method.id === matched[0]!.method.id && method.scopes.join(' ') === matched[0]!.method.scopes.join(' '),
  );
  if (matched.length > 0 && agree) return matched[0]!;
  if (matched.length > 0) {
    return { status: 'unknown-method', api: matched[0]!.api, candidates: [...new Set(matched.map(({ method }) => method.id))] };
  }
  return matches[0]!;
}

/** An API's versions in the data, stable ones first (`v2` before `v1`, then `v2beta`, …). */
function preferredVersions(api: string): string[] {
  const versions = Object.keys(getApiProfile(api)?.versions ?? {});
  const stable = (version: string): boolean => /^v\d+(?:\.\d+)?$/.test(version);
  return versions.sort((a, b) => Number(stable(b)) - Number(stable(a)) || b.localeCompare(a, 'en', { numeric: true }));
}

/**
 * The maps of the API versions outside the registry that the URL addresses (`apiVersionsAtUrl`,
 * as the rules read a written-out REST URL): `https://storage.googleapis.com/storage/v1/b/x/o`,
 * or on www.googleapis.com by the path prefix (gsutil's `GET: https://www.googleapis.com/storage/v1/b/…`
 * in googleapis/google-cloud-python#1195) → Cloud Storage v1.
 */
function dataMapsServing(url: string): ApiMap[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  return apiVersionsAtUrl(parsed.host, parsed.pathname.replace(/^\/+/, ''))
    .filter(({ api, version }) => !isAnalysedApiVersion(api, version))
    .flatMap(({ api, version }) => getApiMap(api, version) ?? []);
}

/** `Gmail`, `Drive`: the API's short name (`apiDisplayName`). */
const apiName = (method: MethodInfo): string => apiNameOf(method.api, method.version);

interface FixContext {
  readonly error: ParsedError;
  /** The methods the error may be about, and the rules' view of a call of each, from what the error says of it. */
  readonly methods: readonly MethodInfo[];
  readonly needs: readonly CallNeed[];
  readonly operations: readonly ReportOperation[];
  readonly declarations: readonly ReportDeclaration[];
  readonly report: Report | undefined;
}

/**
 * Per declaration that reaches a call site: add what is missing, or say the code is right and the
 * token is old. What to add is what missing-scope proposes for the same call: `scopeFix()`
 * (src/scopes/policy.ts), one `solve()`, with the choice left open where the rule leaves it open.
 */
function insufficientFix({ error, methods, needs, operations, declarations, report }: FixContext): string[] {
  const fix: string[] = [];
  for (const declaration of declarations) {
    const own = operations.filter((operation) => operation.declaration === declaration.id);
    if (own.length === 0) continue;
    if (own.some((operation) => operation.status === 'missing')) {
      const failing = (report?.operations ?? []).filter(
        (operation) => operation.declaration === declaration.id && operation.status === 'missing',
      );
      const others =
        failing.length > own.length
          ? ` (it also covers the ${plural(failing.length - own.length, 'other failing call')} traced there)`
          : '';
      // The report's open choices for these calls (it knows their credential: a Chat app's service account needs chat.bot).
      const open = declaration.missingChoices.filter((choice) =>
        own.some((operation) => operation.status === 'missing' && choice.every((scope) => operation.accepted.includes(scope))),
      );
      if (declaration.missing.length > 0) fix.push(`Add ${scopeWords(declaration.missing)} to ${placeOf(declaration)}${others}.`);
      for (const choice of open) fix.push(`Add one of ${choiceWords(choice)} to ${placeOf(declaration)}${OPEN_CHOICE}`);
    } else if (own.every((operation) => operation.status === 'ok')) {
      const granted = declaration.requested.filter((scope) => own.some((operation) => operation.accepted.includes(scope)));
      fix.push(
        `${capitalised(placeOf(declaration))} already requests ${scopeWords(granted)}, which ${code(own[0]!.method)} accepts: the failing token was issued without it. ${CONSENT_AGAIN}`,
      );
    } else if (own.some((operation) => operation.credentialFailure !== null)) {
      // The call's credential fails it whatever the scopes (metadata-scope's report; missing-scope proposes nothing).
      const failed = own.filter((operation) => operation.credentialFailure !== null);
      fix.push(
        `${joinWords(failed.map(at).map(code))} ${failed.length === 1 ? 'fails' : 'fail'} with ${failed[0]!.credentialFailure!}: a scope alone can't cure it (\`metadata-scope\` reports it there).`,
      );
    } else if (own.every((operation) => operation.status === 'metadata-conflict')) {
      if (!own.some(hasTokenPoisoningTrap)) {
        // A cited trap (Drive `alt: 'media'` under drive.metadata.readonly): what the call needs beyond the list,
        // when the error shows the trap; else metadata-scope's report at the call says it.
        const add = scopeFix(needs, declaration.requested).add;
        fix.push(
          add.length > 0
            ? `Add ${scopeWords(add)} to ${placeOf(declaration)}: the scopes there accept the method, not this call.`
            : `${joinWords(own.map(at).map(code))} fails under the scopes in ${placeOf(declaration)} because of a cited trap: \`metadata-scope\` reports it there, with the scope to add.`,
        );
        continue;
      }
      fix.push(
        `${joinWords(own.map(at).map(code))} would fail under gmail.metadata even with this fixed: ${lowerFirst(metadataReplacement(declaration, own))}`,
      );
    }
  }
  const untraced = operations.filter((operation) => operation.declaration === null || operation.status === 'unresolved');
  if (untraced.length > 0 || fix.length === 0) {
    const where =
      untraced.length > 0 ? `the token used at ${joinWords([...new Set(untraced.map(at))].map(code))}` : 'the token that makes this call';
    fix.push(...requestFix(error, methods, needs, where));
  }
  if (fix.length === 0) fix.push(NO_FIX);
  return fix;
}

const OPEN_CHOICE =
  ': which one fits depends on the credential and the data the call reaches, which neither the error nor the scope data tells.';

/**
 * "Request X for …", or "Request one of X or Y for …" where the choice is open (as missing-scope's
 * suggestions); when the error fits several methods that need different scopes, one sentence each.
 */
function requestFix(error: ParsedError, methods: readonly MethodInfo[], needs: readonly CallNeed[], where: string): string[] {
  if (needs.length === 0) {
    // The method is unknown: nothing tells which API's facts would choose among the scopes the header lists.
    const scopes = narrowestFirst((error.acceptedScopes ?? []).filter(isProposable));
    if (scopes.length === 0) return [];
    return [scopes.length === 1 ? `Request ${scopeWords(scopes)} for ${where}.` : `Request one of ${choiceWords(scopes)} for ${where}.`];
  }
  const each = needs.map((need) => requestSentences([need], where));
  if (each.every((sentences) => sentences.join('\n') === each[0]!.join('\n'))) return each[0]!;
  return each.flatMap((sentences, index) => sentences.map((sentence) => `If it is ${code(methods[index]!.id)}: ${lowerFirst(sentence)}`));
}

function requestSentences(needs: readonly CallNeed[], where: string): string[] {
  const { add, open } = scopeFix(needs, []);
  return [
    ...(add.length > 0 ? [`Request ${scopeWords(add)} for ${where}.`] : []),
    ...open.map((choice) => `Request one of ${choiceWords(choice.choices)} for ${where}${OPEN_CHOICE}`),
  ];
}

function choiceWords(scopes: readonly string[]): string {
  return joinWords(scopes.map(code), ' or ');
}

/** The cited traps that make this call fail under some accepted scopes (Drive `?alt=media`: not the drive.metadata ones). */
function trapNotes(method: MethodInfo, shape: CallShape): string[] {
  if (hasTokenPoisoningTrap(method)) return [];
  const requirement = requirementOf(method, shape);
  return (requirement?.traps ?? [])
    .filter((trap) => trap.certain)
    .map((trap) => `${capitalised(trap.reason)}: ${scopeWords(trap.failsUnder)} do not make this call work (${trap.source}).`);
}

/** gmail.metadata restricts the whole token: drop it (replacing it when nothing else covers the calls), or change the call. */
function metadataFix({ error, operations, declarations }: FixContext): string[] {
  const fix: string[] = [];
  for (const declaration of declarations) {
    if (!declaration.requested.includes(METADATA_SCOPE)) continue;
    const own = operations.filter((operation) => operation.declaration === declaration.id);
    if (own.length > 0) fix.push(metadataReplacement(declaration, own));
  }
  if (fix.length === 0) {
    fix.push(
      `Stop requesting ${scopeWords([METADATA_SCOPE])} for this token; request ${scopeWords([METADATA_READ_REPLACEMENT])} instead if it only reads.`,
    );
  }
  const sites = operations.map(at);
  const change = error.kind === 'metadata-q' ? 'drop `q`' : "pass `format: 'metadata'`";
  fix.push(`Or keep gmail.metadata and ${change}${sites.length === 0 ? ' in the call' : ` at ${joinWords(sites.map(code))}`}.`);
  return fix;
}

/** "Remove gmail.metadata from X: …" or "Replace gmail.metadata with gmail.readonly in X." */
function metadataReplacement(declaration: ReportDeclaration, calls: readonly ReportOperation[]): string {
  const rest = declaration.requested.filter((scope) => scope !== METADATA_SCOPE);
  const needs = solve(
    calls.map((operation) => operation.accepted.filter((scope) => scope !== METADATA_SCOPE)),
    rest,
  ).add;
  return needs.length === 0
    ? `Remove ${scopeWords([METADATA_SCOPE])} from ${placeOf(declaration)}: the other scopes there cover every call.`
    : `Replace ${scopeWords([METADATA_SCOPE])} with ${scopeWords(needs)} in ${placeOf(declaration)}.`;
}

function invalidScopesOf(error: ParsedError, declarations: readonly ReportDeclaration[]): ExplainInvalidScope[] {
  const requestedInvalid = declarations.flatMap((declaration) => declaration.requested).filter((scope) => !isKnownGoogleScope(scope));
  const scopes = [...new Set([...error.invalidScopes, ...requestedInvalid])];
  return scopes.map((scope) => {
    const correction = isKnownGoogleScope(scope) ? { candidates: [], certain: false } : correctScope(scope);
    return {
      scope,
      correction: correction.certain ? correction.candidates[0]! : null,
      requestedBy: declarations.filter((declaration) => declaration.requested.includes(scope)).map((declaration) => declaration.id),
    };
  });
}

function invalidScopeFix(invalid: readonly ExplainInvalidScope[], declarations: readonly ReportDeclaration[]): string[] {
  const fix: string[] = [];
  for (const item of invalid) {
    const places = declarations.filter((declaration) => item.requestedBy.includes(declaration.id)).map(placeOf);
    const where = places.length === 0 ? '' : ` in ${joinWords(places)}`;
    if (isKnownGoogleScope(item.scope)) {
      fix.push(
        `${code(item.scope)} is a real scope: check that the OAuth client (consent screen, domain-wide delegation) is allowed to request it${where}.`,
      );
    } else if (item.correction !== null) {
      fix.push(`Replace ${code(item.scope)} with ${code(item.correction)}${where}.`);
    } else {
      fix.push(`Remove ${code(item.scope)}${where}: it is not a Google OAuth scope.`);
    }
  }
  if (fix.length === 0) fix.push("Check every requested scope against Google's list (the `valid-scope` rule does it in the editor).");
  return fix;
}

/**
 * The scopes under which the call works, narrowest first: Gmail's order (every accepted scope:
 * gmail.metadata's conflicts are the metadata errors'), or the per-API order of its version
 * without the scopes a certain trap excludes (Drive `?alt=media`: not drive.metadata.readonly).
 */
function acceptedOf(method: MethodInfo, shape: CallShape): string[] {
  const requirement = hasTokenPoisoningTrap(method) ? undefined : requirementOf(method, shape);
  return requirement === undefined ? narrowestFirst(method.scopes) : sortFor([requirement], requirement.satisfying);
}

/** Narrowest first; add-on-only scopes (which no web or server app can hold) last. */
function narrowestFirst(scopes: readonly string[]): string[] {
  const sorted = sortNarrowestFirst(scopes);
  return [...sorted.filter((scope) => !isAddOnOnly(scope)), ...sorted.filter(isAddOnOnly)];
}

function toRequest(declaration: ReportDeclaration, relevant: boolean): ExplainRequest {
  return {
    declaration: declaration.id,
    label: declaration.label,
    file: declaration.file,
    line: declaration.line,
    writtenAt: declaredAtText(declaration, code) ?? null,
    requested: declaration.requested,
    complete: declaration.complete,
    relevant,
  };
}

/** "`SCOPES` (`src/scopes.ts:2`)", "the scope list at `src/a.js:5`", or the declaration itself. */
function placeOf(declaration: ReportDeclaration): string {
  const written = declaration.declaredAt.map((at) => {
    const file = at.line === null ? code(at.file) : code(`${at.file}:${at.line}`);
    if (at.name === null) return `the scope list at ${file}`;
    return at.line === null ? `${code(at.name)} in ${file}` : `${code(at.name)} (${file})`;
  });
  if (written.length > 0) return joinWords(written);
  if (declaration.kind === 'settings') return code("settings['googleapis-scopes'].scopes");
  return `the ${declaration.label} at ${code(`${declaration.file ?? ''}:${declaration.line ?? ''}`)}`;
}

function at(operation: ReportOperation): string {
  return `${operation.file}:${operation.line}`;
}

function scopeWords(scopes: readonly string[]): string {
  return joinWords(scopes.map(code));
}

function code(text: string): string {
  return `\`${text}\``;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
