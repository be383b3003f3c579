import type { TSESLint } from '@typescript-eslint/utils';
import { describeDeclaration, describeSource, getFileFacts } from '../google/facts.ts';
import type { ApiCall, ScopeSource } from '../google/facts.ts';
import { isEditable } from '../fix/scope-edits.ts';
import { scopeLabel } from '../scopes/catalog.ts';
import { isValidGoogleScope } from '../scopes/scope-suggestions.ts';
import { apiNameOf } from '../scopes/api-map.ts';
import { apiTrapVerdict, callNeed, missingScopes, neededScopes, scopeFix } from '../scopes/policy.ts';
import { credentialFailure, credentialMatters } from '../scopes/facts/index.ts';
import type { CallNeed } from '../scopes/policy.ts';
import type { CallRequirement } from '../scopes/call-requirement.ts';
import { isSatisfied } from '../scopes/solver.ts';
import { createRule } from '../utils/create-rule.ts';
import { codeList, joinWords, MAX_LISTED } from '../utils/join-words.ts';

export type Options = [
  {
    autofix?: boolean;
    reportUnresolved?: boolean;
  },
];

export type MessageIds = 'missingScope' | 'missingProjectScope' | 'unresolvedScopes' | 'addScopes';

export default createRule<Options, MessageIds>({
  name: 'missing-scope',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the OAuth scopes that each Google API call needs',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          autofix: {
            type: 'boolean',
            description: 'Fix the scope declaration with `eslint --fix`. When false, the same edit is offered as a suggestion.',
          },
          reportUnresolved: {
            type: 'boolean',
            description: 'Also report Google API calls whose requested scopes cannot be determined statically.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ autofix: true, reportUnresolved: false }],
    messages: {
      missingScope: '{{api}} `{{method}}` needs {{accepted}} but gets {{requested}} from {{source}}. Add {{add}}{{where}}.',
      missingProjectScope: '{{api}} `{{method}}` needs {{accepted}}, never requested (project: {{sites}}). Add {{add}}.',
      unresolvedScopes:
        "Cannot tell which scopes reach {{api}} `{{method}}`: trace its auth to literal scopes or set settings['googleapis-scopes'].scopes.",
      addScopes: 'Add {{add}} to the requested scopes.',
    },
  },
  create(context, [{ autofix, reportUnresolved }]) {
    return {
      'Program:exit'() {
        const analysis = getFileFacts(context);
        if (analysis.calls.length === 0) return;
        const failing = new Map<ScopeSource, ApiCall[]>();
        const needs = new Map<ApiCall, CallNeed>();
        for (const call of analysis.calls) {
          const requested = call.requested;
          if (requested === undefined || !requested.complete) {
            // Untraced, and the file declares nothing: judged against the whole project's requests.
            const project = requested === undefined ? analysis.projectVerdict(call) : undefined;
            if (project !== undefined) {
              const need = callNeed(call.method, call.shape);
              const add = missingScopes([need], project.requested);
              const data = {
                api: apiName(call),
                method: call.method.id,
                accepted: narrowestOrBroader(need),
                sites: project.sites,
                add: add.length === 0 ? 'a scope it accepts' : codeList(add),
              };
              // No fix, no suggestion: the request is in another file, and ESLint edits only the linted one.
              context.report({ node: call.node, messageId: 'missingProjectScope', data });
            } else if (reportUnresolved) {
              context.report({ node: call.node, messageId: 'unresolvedScopes', data: { api: apiName(call), method: call.method.id } });
            }
            continue;
          }
          // The credential the code shows narrows a fix's choice (Chat: chat.bot for the app itself, never for a user).
          const credential = credentialMatters(call.method) ? analysis.credentialOf(call) : undefined;
          // A call its credential certainly fails (a service account that impersonates nobody on Admin
          // Directory, Classroom, Meet, Chat's user-only methods) is metadata-scope's report: no scope cures it.
          if (credentialFailure(call.method, credential) !== undefined) continue;
          const need = callNeed(call.method, credential === undefined ? call.shape : { ...call.shape, credential });
          if (isSatisfied(need.satisfying ?? need.accepted, requested.scopes)) continue;
          // A cited trap that certainly bites (Drive `alt: 'media'` under only drive.metadata.readonly) is metadata-scope's report.
          if (apiTrapVerdict(call.method, call.shape, requested.scopes).status === 'breaks') continue;
          needs.set(call, need);
          const calls = failing.get(requested);
          if (calls === undefined) failing.set(requested, [call]);
          else calls.push(call);
        }
        if (failing.size === 0) return;
        for (const [source, calls] of failing) {
          // One fix per declaration: the least-privileged set that covers every failing call
          // sharing it (never gmail.metadata nor add-on scopes: see src/scopes/solver.ts), over
          // the calls whose choice is certain; an API without facts may leave it open (`scopeFix`).
          const { add, open: openChoices } = scopeFix(
            calls.map((call) => needs.get(call)!),
            source.scopes,
          );
          // A misspelt scope in the list is valid-scope's to fix first: adding more would compound it.
          const listIsValid = source.scopes.every(isValidGoogleScope);
          const editable =
            listIsValid && source.declarations.length === 1 && isEditable(source.declarations[0]) ? source.declarations[0] : undefined;
          // A call whose unresolved arguments decide which fields need their own scope (People
          // people/me `personFields`) may return only public values under the fix: a suggestion.
          const adviceOnly = calls.some((call) => fieldsUnknown(needs.get(call)!));
          let feedsOtherRequests: boolean | undefined;
          const feedsOthers = (): boolean =>
            (feedsOtherRequests ??= editable !== undefined && analysis.feedsOtherRequests(editable.node, calls));
          // The same for every call of this source: formatted once (a source can hold a million settings scopes).
          const shared = {
            source: describeSource(source, context.filename),
            requested: source.scopes.length === 0 ? 'no scopes' : formatList(source.scopes, ' and '),
            // The user may have to type it: the full URL (a short name would trip valid-scope).
            add: add.length === 0 ? 'a scope it accepts' : codeList(add),
            where: whereToAdd(source, context.filename),
          };
          for (const call of calls) {
            const need = needs.get(call)!;
            // An API without facts whose data leaves the choice open, and the others' fix does not cover it.
            const open = openChoices.find((choice) => choice.need === need);
            const data = {
              api: apiName(call),
              method: call.method.id,
              accepted: narrowestOrBroader(need),
              ...shared,
              add: open !== undefined ? 'a scope it accepts' : shared.add,
            };
            if (open !== undefined) {
              // The data alone can't choose among its scopes: one suggestion per scope, narrowest first.
              const candidates = editable === undefined ? [] : open.choices;
              context.report({
                node: call.node,
                messageId: 'missingScope',
                data,
                suggest: candidates.map((scope) => ({
                  messageId: 'addScopes' as const,
                  data: { add: codeList([scope]) },
                  fix: analysis.edits.add(editable!.node, [scope]),
                })),
              });
              continue;
            }
            const fix = editable !== undefined && add.length > 0 ? analysis.edits.add(editable.node, add) : undefined;
            // An autofix only edits the declaration the call's auth was traced to; the file's
            // other requests (the untraced-client fallback) get a suggestion at most, and so does
            // a declaration that feeds other token requests too (a service account's scopes shared
            // with the users' consent URL: every user would be asked for the new scope).
            const automatic = autofix && source.kind === 'auth' && !adviceOnly && !feedsOthers();
            context.report({
              node: call.node,
              messageId: 'missingScope',
              data,
              ...(fix !== undefined && automatic ? { fix } : {}),
              ...(fix !== undefined && !automatic ? { suggest: [{ messageId: 'addScopes' as const, data: { add: data.add }, fix }] } : {}),
            });
          }
        }
      },
    } satisfies TSESLint.RuleListener;
  },
});

const fieldsUnknown = (need: CallNeed): boolean =>
  need.requirement !== undefined &&
  !Array.isArray(need.requirement) &&
  (need.requirement as Partial<CallRequirement>).fieldsUnknown === true;

/** `Drive`, `Gmail`: the API named in the message ("Drive `files.delete` needs …"). */
const apiName = (call: ApiCall): string => apiNameOf(call.method.api, call.method.version);

/** The narrowest scopes a fix may choose from, then "or broader" when broader ones are accepted too (`neededScopes`): "gmail.send or broader". */
function narrowestOrBroader(need: CallNeed): string {
  const { scopes, orBroader } = neededScopes(need);
  return joinWords([...scopes.map(scopeLabel), ...(orBroader ? ['broader'] : [])], ' or ');
}

function formatList(scopes: readonly string[], lastSeparator = ', '): string {
  // Only the scopes the message names are labelled.
  return joinWords(scopes.slice(0, MAX_LISTED).map(scopeLabel), lastSeparator, scopes.length);
}

/** " to `SCOPES` in ./scopes.ts", " to settings[…]", or "" when the fix edits this file. */
function whereToAdd(source: ScopeSource, filename: string): string {
  if (source.kind === 'settings') return " to settings['googleapis-scopes'].scopes";
  const named = source.declarations.map((declaration) => describeDeclaration(declaration, filename)).filter(Boolean);
  return named.length === 0 ? '' : ` to ${named.join(' or ')}`;
}
