/**
 * From the RPC name in a Google error (`ErrorInfo.metadata.method`) to a method id of a
 * generated map: `caribou.api.proto.MailboxService.SendMessage` → gmail `users.messages.send`.
 *
 * Google's backends name their RPCs verb + resource (`SendMessage`, `ListHistory`,
 * `CreateDraft`) or resource, verb (`calendar.v3.Events.List`), and a method without a resource
 * of its own by its name (`GetProfile`). The matcher compares that name with every method of the
 * API: its last path segment alone (`getProfile`), or followed by one or more of its resources,
 * singular or plural (`send` + `messages`, `get` + `messages.attachments`); a resource segment
 * may carry the API's name in front (`google.apps.drive.v3.DriveFiles.List` → `files.list`).
 * The most specific reading is tried first; exactly one match is an answer; none or several is
 * "unknown" — never a guess.
 *
 * RPC names seen in real Gmail reports, all matched by the rule above (tests/scopes/rpc-names.test.ts):
 *   MailboxService.ListLabels (https://github.com/googleworkspace/php-samples/issues/123), and
 *   .GetProfile, .ListMessages, .CreateDraft, .ListHistory, .SendMessage (the public 403 bodies
 *   quoted in the issue that asked for `explain`); Drive's DriveFiles.Create
 *   (https://github.com/ShareX/ShareX/issues/7681) and DriveFiles.List. A name that breaks the rule goes in
 *   `RPC_EXCEPTIONS` with its source; none is known for Gmail today.
 */
import { resolveApi } from './api-map.ts';
import type { ApiMap, MethodInfo } from './api-map.ts';

/** `${service}/${rpc short name}` → method id, each with the report it was seen in. */
export const RPC_EXCEPTIONS: readonly {
  readonly service: string;
  readonly rpc: string;
  readonly method: string;
  readonly source: string;
}[] = [];

export type RpcMatch =
  | { readonly status: 'matched'; readonly api: ApiMap; readonly method: MethodInfo }
  /** The API is mapped but no method, or several, fit the name. */
  | { readonly status: 'unknown-method'; readonly api: ApiMap; readonly candidates: readonly string[] }
  /** The service is not one of the analysed APIs (Chat, Admin SDK… are not analysed yet). */
  | { readonly status: 'unknown-api'; readonly api: string };

/** `gmail.googleapis.com` → `gmail` (`calendar-json.googleapis.com` → `calendar`); undefined for anything else. */
export function apiOfService(service: string): string | undefined {
  const match = /^([a-z][a-z0-9]*)(?:-json)?\.googleapis\.com$/i.exec(service.trim());
  return match?.[1]?.toLowerCase();
}

export function matchRpcName(service: string, rpc: string): RpcMatch {
  const apiName = apiOfService(service) ?? service;
  const api = resolveApi(apiName);
  if (api === undefined) return { status: 'unknown-api', api: apiName };
  const segments = rpc.split('.').filter((segment) => segment !== '');
  const last = segments.at(-1) ?? '';
  const exception = RPC_EXCEPTIONS.find((entry) => entry.service === service && entry.rpc === last);
  const exceptional = exception === undefined ? undefined : api.methods.get(exception.method);
  if (exceptional !== undefined) return { status: 'matched', api, method: exceptional };

  // Most specific first: verb + the resource the RPC's service names (`DriveFiles.List` →
  // ListFiles, ListDriveFiles; `Events.List` → ListEvents), then the last segment alone. A name
  // that fits several methods is unknown, never a reason to try a vaguer one.
  for (const names of [compoundNames(api, segments), [last]]) {
    const candidates = [...new Set(names.flatMap((name) => methodsNamed(api, name)))];
    if (candidates.length === 1) return { status: 'matched', api, method: api.methods.get(candidates[0]!)! };
    if (candidates.length > 1) return { status: 'unknown-method', api, candidates };
  }
  return { status: 'unknown-method', api, candidates: [] };
}

/**
 * `Events.List`, `DriveFiles.List`: a bare verb after a capitalised resource, as the verb
 * followed by the resource, and by the resource without the API's own name in front
 * (`DriveFiles` → `Files`, as in `google.apps.drive.v3.DriveFiles.List`).
 */
function compoundNames(api: ApiMap, segments: readonly string[]): string[] {
  const last = segments.at(-1) ?? '';
  const previous = segments.at(-2);
  if (previous === undefined || !/^[A-Z]/.test(previous) || /[A-Z]/.test(last.slice(1))) return [];
  const prefix = capitalise(api.api);
  const own = previous.startsWith(prefix) && /^[A-Z]/.test(previous.slice(prefix.length)) ? previous.slice(prefix.length) : undefined;
  return [...(own === undefined ? [] : [`${last}${own}`]), `${last}${previous}`];
}

/** The ids of the API's methods that `name` (`ListFiles`, `SendMessage`, `GetProfile`) names. */
function methodsNamed(api: ApiMap, name: string): string[] {
  const wanted = normalise(name);
  return [...api.methods.values()].filter((method) => methodNames(method).has(wanted)).map((method) => method.id);
}

const namesCache = new WeakMap<MethodInfo, ReadonlySet<string>>();

/** `users.messages.attachments.get` → get, getattachment, getmessageattachment, getusermessageattachment. */
function methodNames(method: MethodInfo): ReadonlySet<string> {
  let names = namesCache.get(method);
  if (names === undefined) {
    const parts = method.id.split('.');
    const leaf = parts.pop()!;
    const found = new Set([normalise(leaf)]);
    for (let k = 1; k <= parts.length; k++) found.add(normalise(leaf + parts.slice(-k).map(capitalise).join('')));
    names = found;
    namesCache.set(method, names);
  }
  return names;
}

/** Lower case, each camel-case word singular: `ForwardingAddresses` and `forwardingAddress` compare equal. */
function normalise(name: string): string {
  return (name.match(/[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])/g) ?? [name]).map(singular).join('').toLowerCase();
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function singular(word: string): string {
  if (/ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/sses$/i.test(word)) return word.slice(0, -2);
  if (/[^s]s$/i.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}
