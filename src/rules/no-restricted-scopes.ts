import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getFileFacts } from '../google/facts.ts';
import type { FileEnvironment } from '../core/file-environment.ts';
import type { ScopeSource } from '../google/scope-sources.ts';
import { evaluate, findProperty, memberKeyName, unwrapExpression } from '../core/static-value.ts';
import { stringValue } from '../fix/string-tokens.ts';
import { CLASSIFICATION_RANK, classificationOf, scopeLabel, verificationInBrief } from '../scopes/catalog.ts';
import type { Classification } from '../scopes/catalog.ts';
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
      description: 'Report requested Gmail scopes that Google classifies as restricted (or sensitive)',
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
          allow: scopeListOption(
            'Scope URLs the team accepts (e.g. after passing the security assessment); never reported.',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ level: 'restricted', allow: [] }],
    messages: {
      restrictedScope: '`{{scope}}` is a {{classification}} Gmail scope: {{consequence}}.',
      restrictedScopes: '{{scopes}} are {{classification}} Gmail scopes: {{consequence}}.',
      delegatedScope: '`{{scope}}` is a {{classification}} Gmail scope of a delegated service account: {{consequence}}.',
      delegatedScopes: '{{scopes}} are {{classification}} Gmail scopes of a delegated service account: {{consequence}}.',
    },
  },
  create(context, [{ level = 'restricted', allow = [] }]) {
    const allowed = new Set(allow);
    const threshold = CLASSIFICATION_RANK[level];
    return {
      'Program:exit'() {
        const analysis = getFileFacts(context);
        const env = analysis.env;
        if (env === undefined) return;
        const written = new Map<TSESTree.Node, string>();
        // Strings where scopes go (`scopes:`, `scope:`, `*SCOPES`, `addScope()`)…
        for (const scopeString of analysis.scopeStrings) {
          // …unless the value is only checked (`granted.includes(REQUIRED_SCOPE)`): not a request.
          if (scopeString.inScopePosition && analysis.requestUse(scopeString.node) !== 'check') written.set(scopeString.node, scopeString.value);
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
        // A constant spread or named many times is read once (`[...A, ...A]`, a list repeated 10,000 times).
        const visited = new Set<TSESTree.Node>();
        for (const source of sources) {
          if (source === undefined || source.kind === 'settings' || seenSources.has(source)) continue;
          seenSources.add(source);
          for (const declaration of source.declarations) {
            if (declaration.node === undefined || declaration.file !== undefined) continue;
            if (source.kind === 'file' && loose.has(declaration.node)) continue;
            collectWritten(declaration.node, env, written, visited, 0);
          }
        }
        // Scopes of service accounts that impersonate users (`subject`): OAuth app verification
        // does not apply to them; a Workspace administrator's grant does.
        // A constant that a user-facing auth object requests too still needs verification.
        const byDelegation = new Map<boolean, Map<TSESTree.Node, string>>([[true, new Map()], [false, new Map()]]);
        const visitedByDelegation = new Map<boolean, Set<TSESTree.Node>>([[true, new Set()], [false, new Set()]]);
        for (const { auth, source } of analysis.authObjects) {
          if (source === undefined) continue;
          const delegation = hasDelegationSubject(auth.node);
          for (const declaration of source.declarations) {
            if (declaration.node === undefined || declaration.file !== undefined) continue;
            collectWritten(declaration.node, env, byDelegation.get(delegation)!, visitedByDelegation.get(delegation)!, 0);
          }
        }
        const delegated = new Set([...byDelegation.get(true)!.keys()].filter((node) => !byDelegation.get(false)!.has(node)));
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
          const top = highest(offending);
          const isDelegated = delegated.has(node);
          const consequence = isDelegated ? DELEGATION_CONSEQUENCE : verificationInBrief(top);
          if (offending.length === 1) {
            context.report({
              node,
              messageId: isDelegated ? 'delegatedScope' : 'restrictedScope',
              data: { scope: scopeLabel(offending[0]!), classification: top, consequence },
            });
          } else {
            context.report({
              node,
              messageId: isDelegated ? 'delegatedScopes' : 'restrictedScopes',
              data: {
                scopes: formatScopes(offending, offending.some((scope) => classificationOf(scope) !== top)),
                classification: offending.every((scope) => classificationOf(scope) === top) ? top : `${top} or sensitive`,
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
 * verification (https://support.google.com/a/answer/162106, "Control API access with
 * domain-wide delegation"; verification and CASA concern consent screens shown to users).
 */
/** Domain-wide delegation: an administrator's grant instead of app verification (details in the docs). */
const DELEGATION_CONSEQUENCE = 'no app verification; a Workspace admin must grant it';

/**
 * `new JWT({ subject })`, `new JWT(email, keyFile, key, scopes, subject)`,
 * `new GoogleAuth({ clientOptions: { subject } })`: an auth object that impersonates a user.
 */
function hasDelegationSubject(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return false;
  const first = node.arguments[0] === undefined ? undefined : unwrapExpression(node.arguments[0]);
  if (first?.type !== AST_NODE_TYPES.ObjectExpression) return node.arguments[4] !== undefined && !isNullish(node.arguments[4]);
  const subject = findProperty(first, 'subject') ?? findProperty(unwrapOptional(findProperty(first, 'clientOptions')?.value), 'subject');
  return subject !== undefined && !isNullish(subject.value);
}

function unwrapOptional(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  return node === undefined ? undefined : unwrapExpression(node);
}

function isNullish(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return (value.type === AST_NODE_TYPES.Literal && value.value === null) || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
}

/** "`a` and `b`", or "`a` (sensitive) and `b` (restricted)" when they differ. */
function formatScopes(scopes: readonly string[], withClassification: boolean): string {
  const items = scopes.map((scope) => `\`${scopeLabel(scope)}\`${withClassification ? ` (${classificationOf(scope)!})` : ''}`);
  return joinWords(items);
}

function highest(scopes: readonly string[]): Classification {
  let best: Classification = 'non-sensitive';
  for (const scope of scopes) {
    const classification = classificationOf(scope);
    if (classification !== undefined && CLASSIFICATION_RANK[classification] > CLASSIFICATION_RANK[best]) best = classification;
  }
  return best;
}

/**
 * The expressions that write the scopes of a declaration, each with its value: the string
 * literals, followed through local constants; concatenations and templates as a whole.
 */
function collectWritten(
  rawNode: TSESTree.Node,
  env: FileEnvironment,
  out: Map<TSESTree.Node, string>,
  visited: Set<TSESTree.Node>,
  depth: number,
): void {
  if (depth > 16) return;
  const node = unwrapExpression(rawNode);
  if (visited.has(node)) return;
  visited.add(node);
  const plain = stringValue(node);
  if (plain !== undefined) {
    out.set(node, plain);
    return;
  }
  switch (node.type) {
    case AST_NODE_TYPES.ArrayExpression:
      for (const element of node.elements) {
        if (element === null) continue;
        collectWritten(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, env, out, visited, depth + 1);
      }
      return;
    case AST_NODE_TYPES.Identifier: {
      const variable = env.findVariable(node);
      const source = variable === undefined ? undefined : env.variableSource(variable);
      if (source?.kind === 'init') collectWritten(source.node, env, out, visited, depth + 1);
      return;
    }
    case AST_NODE_TYPES.CallExpression: {
      // `SCOPES.join(' ')`, `A.concat(B)`, `Object.freeze([...])`
      const callee = node.callee;
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = memberKeyName(callee);
      if (method === 'join' || method === 'concat' || method === 'flat' || method === 'slice') {
        collectWritten(callee.object, env, out, visited, depth + 1);
        if (method === 'concat') for (const argument of node.arguments) collectWritten(argument, env, out, visited, depth + 1);
      } else if (method === 'freeze' && node.arguments[0] !== undefined) {
        collectWritten(node.arguments[0], env, out, visited, depth + 1);
      }
      return;
    }
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.MemberExpression: {
      const value = evaluate(node, env);
      if (value.kind === 'string') out.set(node, value.value);
      return;
    }
    default:
      return;
  }
}
