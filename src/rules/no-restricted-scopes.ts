import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getFileFacts } from '../google/facts.ts';
import type { AuthObjectFacts, ScopeSource } from '../google/facts.ts';
import { CLASSIFICATION_RANK, classificationOf, scopeLabel, verificationInBrief } from '../scopes/catalog.ts';
import { apiNameOf } from '../scopes/api-map.ts';
import { classifyingApi } from '../scopes/facts/index.ts';
import { highestClassification } from '../scopes/policy.ts';
import { createRule } from '../utils/create-rule.ts';
import { scopeListOption } from '../utils/scope-list-option.ts';
import { joinWords } from '../utils/join-words.ts';

export type Options = [
  {
    level?: 'restricted' | 'sensitive';
    allow?: string[];
  },
];

export type MessageIds = 'restrictedScope' | 'restrictedScopes' | 'delegatedScope' | 'delegatedScopes';

export default createRule<Options, MessageIds>({
  name: 'no-restricted-scopes',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report requested Google API scopes that Google classifies as restricted (or sensitive)',
    },
    schema: [
      {
        type: 'object',
        properties: {
          level: {
            type: 'string',
            enum: ['restricted', 'sensitive'],
            description:
              'Lowest classification to report: `restricted` (default) reports restricted scopes; `sensitive` reports sensitive and restricted scopes.',
          },
          allow: scopeListOption('Scope URLs the team accepts (e.g. after passing the security assessment); never reported.'),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ level: 'restricted', allow: [] }],
    messages: {
      restrictedScope: '`{{scope}}` is a {{classification}} {{api}} scope: {{consequence}}.',
      restrictedScopes: '{{scopes}} are {{classification}} {{api}} scopes: {{consequence}}.',
      delegatedScope: '`{{scope}}` is a {{classification}} {{api}} scope of a delegated service account: {{consequence}}.',
      delegatedScopes: '{{scopes}} are {{classification}} {{api}} scopes of a delegated service account: {{consequence}}.',
    },
  },
  create(context, [{ level, allow }]) {
    const allowed = new Set(allow);
    const threshold = CLASSIFICATION_RANK[level];
    return {
      'Program:exit'() {
        const analysis = getFileFacts(context);
        const written = new Map<TSESTree.Node, string>();
        // Strings where scopes go (`scopes:`, `scope:`, `*SCOPES`, `addScope()`)…
        for (const scopeString of analysis.scopeStrings) {
          // …unless the value is only checked (`granted.includes(REQUIRED_SCOPE)`): not a request.
          if (scopeString.inScopePosition && analysis.requestUse(scopeString.node) !== 'check')
            written.set(scopeString.node, scopeString.value);
        }
        // …and what every resolved scope list is made of (constants, concatenations, `.join(' ')`).
        const sources: (ScopeSource | undefined)[] = [
          analysis.fileScopes,
          ...analysis.authObjects.map((entry) => entry.source),
          ...analysis.calls.map((call) => call.requested),
        ];
        // A file's loose scope-like strings (`const GMAIL_URL = 'https://mail.google.com/'`) are
        // only requests when an auth object or a scope position uses them.
        const loose = new Set<TSESTree.Node>(analysis.scopeStrings.filter((entry) => !entry.inScopePosition).map((entry) => entry.node));
        const seenSources = new Set<ScopeSource>();
        const declarations: TSESTree.Node[] = [];
        for (const source of sources) {
          if (source === undefined || source.kind === 'settings' || seenSources.has(source)) continue;
          seenSources.add(source);
          for (const declaration of source.declarations) {
            if (declaration.node === undefined || declaration.file !== undefined) continue;
            if (source.kind === 'file' && loose.has(declaration.node)) continue;
            declarations.push(declaration.node);
          }
        }
        for (const [node, value] of analysis.writtenScopes(declarations)) written.set(node, value);
        // Scopes of service accounts that impersonate users (`subject`): OAuth app verification
        // does not apply to them; a Workspace administrator's grant does. A service account acting
        // as itself (`credentialOfAuth`: `app`) "belongs to your application instead of to an
        // individual end user … users aren't directly involved"
        // (https://developers.google.com/identity/protocols/oauth2/service-account), while
        // verification concerns apps that "use OAuth 2.0 to get permission from a Google Account"
        // (https://developers.google.com/identity/protocols/oauth2/production-readiness/restricted-scope-verification):
        // its scopes are not reported.
        // A constant that a user-facing auth object requests too still needs verification, and so
        // does one read anywhere but a service account's own constructor (a consent URL built on a
        // client passed in: no auth object of this file, but a user's consent screen).
        const declarationsByCredential = new Map<'delegated' | 'app' | 'other', TSESTree.Node[]>([
          ['delegated', []],
          ['app', []],
          ['other', []],
        ]);
        const isApp = (auth: AuthObjectFacts) => !auth.delegated && analysis.credentialOfAuth(auth) === 'app';
        const appConstructors = analysis.authObjects.filter(isApp).map((auth) => auth.auth.node);
        for (const auth of analysis.authObjects) {
          if (auth.source === undefined) continue;
          const kind = auth.delegated ? 'delegated' : isApp(auth) ? 'app' : 'other';
          for (const declaration of auth.source.declarations) {
            if (declaration.node === undefined || declaration.file !== undefined) continue;
            const shared = kind === 'app' && !analysis.isReadOnlyWithin(declaration.node, appConstructors);
            declarationsByCredential.get(shared ? 'other' : kind)!.push(declaration.node);
          }
        }
        const userFacing = analysis.writtenScopes(declarationsByCredential.get('other')!);
        const delegatedWritten = analysis.writtenScopes(declarationsByCredential.get('delegated')!);
        const delegated = new Set([...delegatedWritten.keys()].filter((node) => !userFacing.has(node)));
        for (const node of analysis.writtenScopes(declarationsByCredential.get('app')!).keys()) {
          if (!userFacing.has(node) && !delegatedWritten.has(node)) written.delete(node);
        }
        const reported = [...written].sort(([a], [b]) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
        // A concatenation or template is reported as a whole, not its parts. In start order, a
        // node lies inside an earlier reported one exactly when it ends before the furthest end.
        let coveredUntil = -1;
        for (const [node, value] of reported) {
          if (node.range[1] <= coveredUntil) continue;
          const offending = [...new Set(value.split(/\s+/))].filter((scope) => {
            const classification = classificationOf(scope);
            return classification !== undefined && CLASSIFICATION_RANK[classification] >= threshold && !allowed.has(scope);
          });
          if (offending.length === 0) continue;
          coveredUntil = Math.max(coveredUntil, node.range[1]);
          // Every offending scope is catalogued.
          const top = highestClassification(offending)!;
          const isDelegated = delegated.has(node);
          const consequence = isDelegated ? DELEGATION_CONSEQUENCE : verificationInBrief(top);
          const api = apiNames(offending);
          if (offending.length === 1) {
            context.report({
              node,
              messageId: isDelegated ? 'delegatedScope' : 'restrictedScope',
              data: { scope: scopeLabel(offending[0]!), classification: top, api, consequence },
            });
          } else {
            context.report({
              node,
              messageId: isDelegated ? 'delegatedScopes' : 'restrictedScopes',
              data: {
                scopes: formatScopes(
                  offending,
                  offending.some((scope) => classificationOf(scope) !== top),
                ),
                classification: offending.every((scope) => classificationOf(scope) === top) ? top : `${top} or sensitive`,
                api,
                consequence,
              },
            });
          }
        }
      },
    } satisfies TSESLint.RuleListener;
  },
});

/**
 * What applies to a service account with domain-wide delegation instead of OAuth app
 * verification: an administrator's grant (https://support.google.com/a/answer/162106, "Control
 * API access with domain-wide delegation"; verification and CASA concern consent screens shown to users).
 */
const DELEGATION_CONSEQUENCE = 'no app verification; a Workspace admin must grant it';

/** "Gmail", "Drive", "Gmail and Drive": the APIs whose fact tables classify the scopes (every offending scope is classified). */
function apiNames(scopes: readonly string[]): string {
  const names = new Set<string>();
  for (const scope of scopes) {
    const owner = classifyingApi(scope);
    if (owner === undefined) continue;
    names.add(apiNameOf(owner.api, owner.version));
  }
  return joinWords([...names]);
}

/** "`a` and `b`", or "`a` (sensitive) and `b` (restricted)" when they differ. */
function formatScopes(scopes: readonly string[], withClassification: boolean): string {
  const items = scopes.map((scope) => `\`${scopeLabel(scope)}\`${withClassification ? ` (${classificationOf(scope)!})` : ''}`);
  return joinWords(items);
}
