import type { TSESLint } from '@typescript-eslint/utils';
import { analysedApiMaps } from '../scopes/api-map.ts';
import type { ApiMap } from '../scopes/api-map.ts';
import { typeServices } from './typed-calls.ts';

/**
 * The cheap gate before any AST walk: almost every file of a real repository has nothing to do
 * with Google APIs, and even files that mention Google in comments or URLs (the `googleapis`
 * package's own generated code does, in every file) must cost next to nothing.
 *
 * A file is analysed when its code (not its comments) has one of:
 * - a string naming a Google client or auth library (`'googleapis'`, `'@googleapis/<api>'`,
 *   `'google-auth-library'`, `'@google-cloud/local-auth'`, `'npm:googleapis@…'`);
 * - Gmail's SMTP/IMAP server (`smtp.gmail.com`, `imap.gmail.com`, nodemailer's `service: 'gmail'`);
 * - a string that is or holds a scope, `https://mail.google.com/` (SMTP/IMAP), or a REST URL of
 *   an API we have a map for (its host `gmail.googleapis.com`, its path prefix `/gmail/v1/`), or a
 *   short form (`'gmail.send'`);
 * - a chain from an API's root resource (`x.users.messages…`: a client passed into a helper file);
 * - with type information, any mention of an analysed API.
 * Any other `*.googleapis.com` host is not enough: every generated `googleapis` file holds its
 * own root URL in code, and no API without a map can be checked anyway.
 *
 * The text is searched for a few literal anchors with `indexOf` (no regular expression runs
 * over the whole text); a hit is confirmed where it stands, and hits inside a comment skip to
 * the comment's end. Measured in docs/performance.md.
 */

/** A candidate found through one of its literal anchors: `test` confirms it around the anchor at `index`. */
interface Candidate {
  readonly anchor: string;
  readonly test: (text: string, index: number) => boolean;
}

const QUOTES = '\'"`';
/** A module specifier of a Google client or auth library, from its opening quote. */
const LIBRARY_SPECIFIER =
  /['"`](?:npm:)?(?:googleapis|@googleapis\/[\w.-]+|google-auth-library|@google-cloud\/local-auth)(?:@[^'"`/\s]*)?['"`]/y;
/** Where the opening quote can be, before an anchor `google`: `'g`, `'@g`, `'npm:g`, `'npm:@g`. */
const SPECIFIER_QUOTE_OFFSETS = [1, 2, 5, 6];
const SPECIFIER_PRECEDERS = `${QUOTES}@:`;

const isWordChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** The anchors of every candidate, and the mentions (any case) without which no candidate is looked for. */
function buildCandidates(maps: readonly ApiMap[]): { candidates: readonly Candidate[]; apiNames: readonly string[] } {
  const candidates: Candidate[] = [
    {
      anchor: 'google',
      test: (text, index) => {
        // Most hits are URLs (`https://x.googleapis.com/`): only a quote, `@` or `npm:` can precede a specifier.
        const before = text[index - 1];
        if (before === undefined || !SPECIFIER_PRECEDERS.includes(before)) return false;
        for (const offset of SPECIFIER_QUOTE_OFFSETS) {
          LIBRARY_SPECIFIER.lastIndex = index - offset;
          if (index >= offset && LIBRARY_SPECIFIER.test(text)) return true;
        }
        return false;
      },
    },
    literal('googleapis.com/auth', 'google'),
    literal('mail.google.com', 'google'),
    // Gmail's SMTP/IMAP servers and nodemailer's `service: 'gmail'` (see ./project/mail-protocols.ts).
    literal('smtp.gmail.com', 'gmail'),
    literal('imap.gmail.com', 'gmail'),
    quotedWord('gmail'),
    quotedWord('Gmail'),
  ];
  const apiNames = new Set<string>();
  const rootChains = new Map<string, Set<string>>();
  for (const map of maps) {
    apiNames.add(map.api);
    // Drive, Tasks, YouTube… live on www.googleapis.com, which does not name the API.
    const host = new URL(map.rootUrl).host;
    candidates.push(literal(host, host.includes(map.api) ? map.api : 'google'));
    for (const method of map.methods.values()) {
      const [id, path] = [method.id.split('.'), method.path.split('/')];
      // `/gmail/v1` followed by a non-word character.
      if (path.length > 2) candidates.push(literal(`/${path[0]}/${path[1]}`, path[0]!, true));
      if (id.length > 1) {
        const children = rootChains.get(id[0]!) ?? new Set<string>();
        rootChains.set(id[0]!, children.add(id[1]!));
      }
    }
    // `'gmail.send'`: a short form of one of the API's scopes.
    const length = map.api.length;
    candidates.push({
      anchor: map.api,
      test: (text, index) =>
        index > 0 &&
        QUOTES.includes(text[index - 1]!) &&
        text.charCodeAt(index + length) === 46 /* . */ &&
        text.charCodeAt(index + length + 1) >= 97 &&
        text.charCodeAt(index + length + 1) <= 122,
    });
  }
  // `users.messages`, `users ?. getProfile`: a chain from a root resource.
  for (const [root, children] of rootChains) {
    const chain = new RegExp(`${root}\\s*\\??\\.\\s*(?:${[...children].join('|')})\\b`, 'y');
    candidates.push({
      anchor: root,
      test: (text, index) => {
        if (index > 0 && isWordChar(text.charCodeAt(index - 1))) return false;
        chain.lastIndex = index;
        return chain.test(text);
      },
    });
  }
  return { candidates: dedupe(candidates), apiNames: [...apiNames] };
}

/** A literal candidate (`mail.google.com`), found through the anchor it contains; `wordEnd`: not followed by a word character. */
function literal(value: string, anchor: string, wordEnd = false): Candidate & { readonly value: string } {
  const offset = value.indexOf(anchor);
  if (offset === -1) throw new Error(`file-gate: anchor ${anchor} not in ${value}`);
  return {
    anchor,
    value,
    test: (text, index) =>
      index >= offset && text.startsWith(value, index - offset) && !(wordEnd && isWordChar(text.charCodeAt(index - offset + value.length))),
  };
}

/** The whole string `'gmail'` (any quote). */
function quotedWord(word: string): Candidate {
  return {
    anchor: word,
    test: (text, index) => index > 0 && QUOTES.includes(text[index - 1]!) && QUOTES.includes(text[index + word.length] ?? ''),
  };
}

/** The same literal from several methods (`/gmail/v1`) once. */
function dedupe(candidates: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    const value = (candidate as { value?: string }).value;
    if (value === undefined) return true;
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}

const escape = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Gate {
  readonly maps: readonly ApiMap[];
  /** Every anchor, one alternative each: one pass over the text finds where any of them starts. */
  readonly anyAnchor: RegExp;
  /** The anchors and their candidates, by the anchor's first character. */
  readonly anchorsByFirst: ReadonlyMap<string, readonly { readonly anchor: string; readonly candidates: readonly Candidate[] }[]>;
  /** Every candidate mentions Google or an API by name, or sits in a file that does. */
  readonly anyMention: RegExp;
  /** With type information: any mention of an analysed API. */
  readonly apiMention: RegExp;
}
let gate: Gate | undefined;

/** Built from the analysed API maps, again only when they change (the same array until then). */
function currentGate(): Gate {
  const maps = analysedApiMaps();
  if (gate?.maps === maps) return gate;
  const { candidates, apiNames } = buildCandidates(maps);
  const anchors = [...new Set(candidates.map((candidate) => candidate.anchor))].map((anchor) => ({
    anchor,
    candidates: candidates.filter((candidate) => candidate.anchor === anchor),
  }));
  const anchorsByFirst = new Map<string, (typeof anchors)[number][]>();
  for (const entry of anchors) anchorsByFirst.set(entry.anchor[0]!, [...(anchorsByFirst.get(entry.anchor[0]!) ?? []), entry]);
  gate = {
    maps,
    anyAnchor: new RegExp(anchors.map(({ anchor }) => escape(anchor)).join('|'), 'g'),
    anchorsByFirst,
    anyMention: new RegExp(['google', ...apiNames].map(escape).join('|'), 'i'),
    apiMention: new RegExp(apiNames.map(escape).join('|') || '(?!)', 'i'),
  };
  return gate;
}

export function mentionsGoogleApis(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const text = sourceCode.text;
  const { anyAnchor, anchorsByFirst, anyMention, apiMention } = currentGate();
  if (!anyMention.test(text)) return false;
  // With type information a Gmail resource can arrive from anywhere (`messages.send()` on a
  // `gmail_v1.Resource$Users$Messages`); the type checker's cost dwarfs ours in such runs.
  if (typeServices(sourceCode) !== undefined && apiMention.test(text)) return true;
  const comments = sourceCode.ast.comments ?? [];
  // Seventy-odd anchors since the registry widened: one pass for all of them, not one `indexOf`
  // pass each (1.3 s on the corpus). Every position where some anchor starts is visited, also
  // inside a longer match (`drive` in `drives`), since the search goes on from the next character.
  anyAnchor.lastIndex = 0;
  for (let match = anyAnchor.exec(text); match !== null; match = anyAnchor.exec(text)) {
    const index = match.index;
    const comment = commentAt(comments, index);
    if (comment !== undefined) {
      anyAnchor.lastIndex = comment.range[1];
      continue;
    }
    for (const { anchor, candidates } of anchorsByFirst.get(text[index]!)!) {
      if (!text.startsWith(anchor, index)) continue;
      for (const candidate of candidates) if (candidate.test(text, index)) return true;
    }
    anyAnchor.lastIndex = index + 1;
  }
  return false;
}

/** The comment that holds `index`: binary search over the (sorted) comments. */
function commentAt<Comment extends { readonly range: readonly [number, number] }>(
  comments: readonly Comment[],
  index: number,
): Comment | undefined {
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
