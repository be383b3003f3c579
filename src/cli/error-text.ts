/**
 * Reads a production error as pasted from a log: Google's JSON body (with its ErrorInfo), a
 * `GaxiosError` as Node prints it (message, `config.url`, `response.data`, headers), the
 * `WWW-Authenticate` header, Gmail's gmail.metadata messages, or an `invalid_scope` token error.
 *
 * Pasted text is rarely valid JSON (Node's printout has single quotes and bare keys; one JSON
 * body is often quoted inside another), so every field is read by a pattern that accepts either
 * quote, escaped or not. Nothing is guessed: a field that is not in the text stays null.
 */

export type ErrorKind = 'insufficient-scope' | 'metadata-q' | 'metadata-format' | 'invalid-scope';

export interface ParsedError {
  readonly kind: ErrorKind;
  /** HTTP status: 403, 400… */
  readonly status: number | null;
  /** `ACCESS_TOKEN_SCOPE_INSUFFICIENT`, `insufficientPermissions`, `invalid_scope`… */
  readonly reason: string | null;
  /** Google's own message, as printed. */
  readonly message: string | null;
  /** ErrorInfo `metadata.service`: `gmail.googleapis.com`. */
  readonly service: string | null;
  /** ErrorInfo `metadata.method`: `caribou.api.proto.MailboxService.SendMessage`. */
  readonly rpc: string | null;
  /** The request URL (a GaxiosError's `config.url`) and its HTTP method. */
  readonly url: string | null;
  readonly httpMethod: string | null;
  /** The scopes `WWW-Authenticate: … error="insufficient_scope", scope="…"` lists (the method accepts any one). */
  readonly acceptedScopes: readonly string[] | null;
  /** For "Metadata scope doesn't allow format FULL": `full` or `raw`. */
  readonly format: string | null;
  /** For `invalid_scope`: the scope strings Google names as invalid (`invalid=[…]`, `cannot be shown: […]`). */
  readonly invalidScopes: readonly string[];
}

const Q = String.raw`\\*["']`;
/** `"key": "value"`, `key: 'value'`, `\"key\": \"value\"`. */
function field(text: string, key: string, value: string): string | null {
  const match = new RegExp(String.raw`(?:^|[\s{,(])\\*["']?${key}\\*["']?\s*[:=]\s*${Q}(${value})${Q}`, 'i').exec(text);
  return match?.[1] ?? null;
}

const METADATA_Q = /Metadata scope does not support \\*['"]?q\\*['"]? parameter/i;
const METADATA_FORMAT = /Metadata scope doesn(?:\\*['’])?t allow format (\w+)/i;
const INVALID_SCOPE = /invalid_scope|Some requested scopes (?:were invalid|cannot be shown)|Invalid OAuth scope/i;
/** Cloud Storage's wording (JSON API and gsutil): `403 Provided scope(s) are not authorized`. */
const STORAGE_SCOPES = /Provided scope\(s\) are not authorized/i;
const INSUFFICIENT = new RegExp(
  String.raw`ACCESS_TOKEN_SCOPE_INSUFFICIENT|insufficientPermissions|insufficient_scope|insufficient authentication scopes|Insufficient Permission|${STORAGE_SCOPES.source}`,
  'i',
);

/** The error in `text`, or undefined when it is none of the errors `explain` knows. */
export function parseErrorText(text: string): ParsedError | undefined {
  const metadataFormat = METADATA_FORMAT.exec(text);
  const kind: ErrorKind | undefined = METADATA_Q.test(text)
    ? 'metadata-q'
    : metadataFormat !== null
      ? 'metadata-format'
      : INVALID_SCOPE.test(text)
        ? 'invalid-scope'
        : INSUFFICIENT.test(text)
          ? 'insufficient-scope'
          : undefined;
  if (kind === undefined) return undefined;
  return {
    kind,
    status: statusOf(text),
    reason: reasonOf(text, kind),
    message: messageOf(text, kind),
    service: field(text, 'service', String.raw`[a-z0-9-]+\.googleapis\.com`),
    rpc: field(text, 'method', String.raw`[A-Za-z_][\w]*(?:\.[\w]+)*\.[A-Z]\w*`),
    ...requestOf(text),
    acceptedScopes: wwwAuthenticateScopes(text),
    format: metadataFormat?.[1]?.toLowerCase() ?? null,
    invalidScopes: kind === 'invalid-scope' ? invalidScopesOf(text) : [],
  };
}

function statusOf(text: string): number | null {
  const match =
    /\\*["']?(?:code|status)\\*["']?\s*:\s*(\d{3})\b/.exec(text) ??
    // `HTTP/1.1 403`, Go's `googleapi: Error 403:`, Python's `<HttpError 403 when requesting …>`, `status code 403`
    /(?:\bHTTP\/[\d.]+ |Error |\bstatus code )(\d{3})\b/i.exec(text) ??
    // Python's `google.api_core.exceptions.Forbidden: 403 POST https://…`, gsutil's `AccessDeniedException: 403 Provided…`
    /(?:Forbidden|Exception): (\d{3})\b/.exec(text);
  return match === null ? null : Number(match[1]);
}

function reasonOf(text: string, kind: ErrorKind): string | null {
  if (kind === 'invalid-scope') return 'invalid_scope';
  // ErrorInfo's reason is the precise one; `errors[].reason` (insufficientPermissions) is legacy;
  // a `WWW-Authenticate` header alone gives its `error="insufficient_scope"`.
  return (
    /ACCESS_TOKEN_SCOPE_INSUFFICIENT/.exec(text)?.[0] ??
    field(text, 'reason', String.raw`[A-Za-z_]+`) ??
    (WWW_AUTHENTICATE_INSUFFICIENT.test(text) ? 'insufficient_scope' : null)
  );
}

function messageOf(text: string, kind: ErrorKind): string | null {
  switch (kind) {
    case 'metadata-q':
      return "Metadata scope does not support 'q' parameter";
    case 'metadata-format':
      return `Metadata scope doesn't allow format ${METADATA_FORMAT.exec(text)![1]!}`;
    case 'invalid-scope':
      return field(text, 'error_description', String.raw`[^"'\\]+`) ?? (/invalid_scope:?\s*([^\n"'\\]*)/.exec(text)?.[1]?.trim() || null);
    case 'insufficient-scope':
      // Google's current wording first; `Insufficient Permission` is the legacy `errors[].message`.
      return (
        /Request had insufficient authentication scopes\.?/i.exec(text)?.[0] ??
        STORAGE_SCOPES.exec(text)?.[0] ??
        field(text, 'message', String.raw`[^"'\\]*insufficient[^"'\\]*`) ??
        /Insufficient Permission/i.exec(text)?.[0] ??
        null
      );
  }
}

/** The API request (not the token endpoint): `config.url` or any googleapis URL, and `config.method`. */
function requestOf(text: string): { url: string | null; httpMethod: string | null } {
  const urls = [...text.matchAll(/https:\/\/[a-z0-9.-]*googleapis\.com\/[^\s"'\\,)}\]]+/gi)]
    // `403 GET https://…/o/a.txt: Request had…`: the colon ends the sentence, not the URL.
    .map((match) => match[0].replace(/[:.;]+$/, ''))
    .filter((url) => !/\/\/(?:oauth2|accounts)\.googleapis\.com\/|\/oauth2\/|\/auth\//i.test(url));
  const httpMethod =
    field(text, 'method', '(?:GET|POST|PUT|PATCH|DELETE)') ??
    // `403 POST https://storage.googleapis.com/…` (Python's google-api-core), gsutil's `GET: https://www.googleapis.com/…`
    /\b(GET|POST|PUT|PATCH|DELETE):? https:\/\/[a-z0-9.-]*googleapis\.com\//.exec(text)?.[1] ??
    null;
  return { url: urls[0] ?? null, httpMethod: httpMethod?.toUpperCase() ?? null };
}

/** `error="insufficient_scope"`, also unquoted (`error=insufficient_scope` in googleapis/google-cloud-python#1195). */
const WWW_AUTHENTICATE_INSUFFICIENT = /error=\\*"?insufficient_scope/;

/** `error="insufficient_scope", scope="a b"` (a header, or printed inside a GaxiosError). */
function wwwAuthenticateScopes(text: string): string[] | null {
  if (!WWW_AUTHENTICATE_INSUFFICIENT.test(text)) return null;
  const match = /\bscope=\\*"([^"\\]*)\\*"/.exec(text);
  return match === null ? null : match[1]!.split(/\s+/).filter(Boolean);
}

function invalidScopesOf(text: string): string[] {
  const match = /invalid=\[([^\]]*)\]/.exec(text) ?? /cannot be shown:?\s*\[([^\]]*)\]/.exec(text);
  if (match === null) return [];
  return [...new Set(match[1]!.split(/[\s,]+/).filter(Boolean))];
}
