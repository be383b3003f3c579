import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describeSource, getFileFacts } from '../google/facts.ts';
import type { FileFacts, ApiCall, ScopeRequest } from '../google/facts.ts';
import { isEditable } from '../fix/scope-edits.ts';
import { rangeLocation } from '../fix/string-tokens.ts';
import { apiNameOf, analysedScopes } from '../scopes/api-map.ts';
import { CLASSIFICATION_RANK, classificationOf, classificationRank, isAddOnOnly, scopeLabel } from '../scopes/catalog.ts';
import { classificationBound, type Classification } from '../scopes/facts/index.ts';
import { effectiveAcceptedScopes } from '../scopes/metadata.ts';
import { isBroader, methodsAccepting } from '../scopes/order.ts';
import { isSatisfied, requestedForm, satisfyingScopes, scopeOrderFor, solve, sortFor, type Requirement } from '../scopes/solver.ts';
import { callNeed, hasTokenPoisoningTrap, highestClassification, SIGN_IN_SCOPES, usedScopes } from '../scopes/policy.ts';
import { createRule } from '../utils/create-rule.ts';
import { scopeListOption } from '../utils/scope-list-option.ts';
import { codeList, joinWords } from '../utils/join-words.ts';

export type Options = [
  {
    allow?: string[];
  },
];

export type MessageIds = 'unusedScope' | 'redundantScope' | 'broaderScope' | 'removeScope' | 'replaceScope';

export default createRule<Options, MessageIds>({
  name: 'least-privilege',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report requested Google API scopes that no call needs, or that are broader than the calls need',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allow: scopeListOption('Scope URLs never reported, e.g. a scope requested on purpose for calls this plugin cannot see.'),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      unusedScope: '`{{scope}}`, requested by {{source}}, is needed by none of its {{api}} calls.{{effect}}',
      redundantScope: '`{{scope}}`, requested by {{source}}, is not needed: {{others}} already {{cover}} its {{api}} calls.{{effect}}',
      broaderScope: '`{{scope}}`, requested by {{source}}, is more than its {{api}} calls need: {{narrower}} {{cover}} them.{{effect}}',
      removeScope: 'Remove `{{scope}}` from the requested scopes.',
      replaceScope: 'Replace `{{scope}}` with {{narrower}}.',
    },
  },
  create(context, [{ allow }]) {
    const allowed = new Set(allow);
    return {
      'Program:exit'() {
        const analysis = getFileFacts(context);
        // A token that also goes to SMTP/IMAP needs https://mail.google.com/: judged only when the
        // analysis recognised that connection (a `mail` call), else no API call shows the need.
        if (analysis.feedsMailProtocol && !analysis.calls.some((call) => call.via === 'mail')) return;
        const groups = analysis.requests;
        const sharingDeclarations = groupsSharingDeclarations(groups);
        const reported = new Set<string>();
        const indexOf = new Map(groups.map((group, index) => [group, index]));
        // Groups that read the same declarations with the same scopes get the same changes: work
        // them out once (2,000 auth objects sharing one SCOPES constant were quadratic).
        const changesByCluster = new Map<string, Change[]>();
        for (const group of groups) {
          const sharing = sharingDeclarations(group);
          const cluster = [group, ...sharing].map((member) => indexOf.get(member)!).sort((a, b) => a - b);
          const key = `${cluster.join(',')}|${group.source.scopes.join(' ')}`;
          let changes = changesByCluster.get(key);
          if (changes === undefined) {
            changes = changesFor(group, sharing, allowed);
            changesByCluster.set(key, changes);
          }
          for (const change of changes) {
            const where = reportLocation(context.sourceCode, analysis, group, change.scope);
            const key = `${change.scope}@${where.key}`;
            if (reported.has(key)) continue;
            reported.add(key);
            const fix = editFor(analysis, group.source, change);
            const data = {
              source: describeSource(group.source, context.filename),
              scope: scopeLabel(change.scope),
              others: codeList(change.coveredBy.map(scopeLabel)),
              // What to request instead is typed by the user: full URLs.
              narrower: codeList(change.replacements),
              cover: (change.kind === 'broader' ? change.replacements : change.coveredBy).length === 1 ? 'covers' : 'cover',
              api: change.api,
              effect: effectOf(change),
            };
            const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
              fix === undefined
                ? []
                : [
                    change.kind === 'broader'
                      ? { messageId: 'replaceScope', data: { scope: data.scope, narrower: data.narrower }, fix }
                      : { messageId: 'removeScope', data: { scope: data.scope }, fix },
                  ];
            context.report({
              ...where.at,
              messageId: change.kind === 'unused' ? 'unusedScope' : change.kind === 'redundant' ? 'redundantScope' : 'broaderScope',
              data,
              suggest,
            });
          }
        }
      },
    } satisfies TSESLint.RuleListener;
  },
});

/** One proposed change to a source's scopes. */
interface Change {
  readonly kind: 'unused' | 'redundant' | 'broader';
  readonly scope: string;
  /** For `redundant`: the other requested scopes that cover its calls. */
  readonly coveredBy: readonly string[];
  /** For `broader`: the narrower scopes to request instead. */
  readonly replacements: readonly string[];
  /** The analysed scopes requested before and after this change alone. */
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** "Gmail", "Drive", "Drive and Sheets": the APIs of the calls the message speaks of. */
  readonly api: string;
}

/**
 * The other groups whose sources are written in one of the same literals (by the literal's start
 * offset): looked up per group, not by comparing every pair (a file with thousands of auth
 * objects stays linear).
 */
function groupsSharingDeclarations(groups: readonly ScopeRequest[]): (group: ScopeRequest) => ScopeRequest[] {
  const byStart = new Map<number, ScopeRequest[]>();
  for (const group of groups) {
    for (const declaration of group.source.declarations) {
      if (declaration.node === undefined) continue;
      const start = declaration.node.range[0];
      const sharing = byStart.get(start);
      if (sharing === undefined) byStart.set(start, [group]);
      else if (sharing.at(-1) !== group) sharing.push(group);
    }
  }
  const order = new Map(groups.map((group, index) => [group, index]));
  return (group) => {
    const others = new Set<ScopeRequest>();
    for (const declaration of group.source.declarations) {
      if (declaration.node === undefined) continue;
      for (const other of byStart.get(declaration.node.range[0]) ?? []) if (other !== group) others.add(other);
    }
    return [...others].sort((a, b) => order.get(a)! - order.get(b)!);
  };
}

/**
 * The changes that make a source least-privileged, broadest scope first. Each change keeps every
 * call that reads the same declaration working — alone, and together with the changes before it
 * (a replacement is always granted by the scope it replaces, so any subset is safe too).
 */
function changesFor(group: ScopeRequest, sharing: readonly ScopeRequest[], allowed: ReadonlySet<string>): Change[] {
  const source = group.source;
  if (!group.visible) return [];
  // Other sources written in the same literal: they must be visible too, and keep working.
  const affected: { calls: readonly ApiCall[]; scopes: Set<string>; original: readonly string[] }[] = [
    { calls: group.calls, scopes: new Set(source.scopes), original: source.scopes },
  ];
  for (const other of sharing) {
    if (!other.visible) return [];
    affected.push({ calls: other.calls, scopes: new Set(other.source.scopes), original: other.source.scopes });
  }
  // Gmail: the accepted scopes minus a gmail.metadata the call breaks under; every other API: its
  // CallRequirement (traps excluded; a fix never proposes a silent subset the call does not fit).
  const apiByRequirement = new Map<Requirement, string>();
  const requirementsOf = (calls: readonly ApiCall[]): Requirement[] =>
    calls.map((call) => {
      const requirement: Requirement = hasTokenPoisoningTrap(call.method)
        ? [...effectiveAcceptedScopes(call.method, call.shape)]
        : (callNeed(call.method, call.shape).requirement ?? [...call.method.scopes]);
      apiByRequirement.set(requirement, apiName(call));
      return requirement;
    });
  // What the calls use of the requested scopes: the same definition as the report's "unused".
  const used = usedScopes(
    affected.flatMap((part) => part.calls).map((call) => callNeed(call.method, call.shape)),
    source.scopes,
  );
  const allRequirements = affected.map((part) => requirementsOf(part.calls));
  // Fixing missing scopes comes first (missing-scope); least privilege only on a working list.
  if (affected.some((part, index) => !allRequirements[index]!.every((requirement) => isSatisfied(requirement, part.scopes)))) return [];

  // The scopes the analysed APIs' methods accept (sign-in scopes serve the ID token, not calls).
  const analysed = analysedScopes();
  const checkable = (scopes: Iterable<string>): string[] =>
    [...scopes].filter((scope) => analysed.has(scope) && !SIGN_IN_SCOPES.has(scope));
  const everyRequirement = allRequirements.flat();
  const candidates = sortFor(
    everyRequirement,
    checkable(source.scopes).filter((scope) => !isAddOnOnly(scope) && !allowed.has(scope)),
  ).reverse();
  // "Gmail", "Drive and Sheets": the APIs of the calls a change speaks of.
  const apiOf = (requirements: readonly Requirement[]): string =>
    joinWords([...new Set(requirements.map((requirement) => apiByRequirement.get(requirement)!))].sort()) || 'Google API';
  const working = new Set(source.scopes);
  const changes: Change[] = [];
  for (const scope of candidates) {
    if (!working.has(scope)) continue;
    const usedBy = everyRequirement.filter((requirement) => satisfyingScopes(requirement).includes(scope));
    // Valid on the list as changed so far (all suggestions applied) and on the original list (this one alone).
    const worksWithout = (replacements: readonly string[]): boolean =>
      affected.every((part, index) =>
        [part.scopes, new Set(part.original)].every((base) => {
          const scopes = new Set([...base].filter((candidate) => candidate !== scope));
          for (const replacement of replacements) scopes.add(replacement);
          return allRequirements[index]!.every((requirement) => isSatisfied(requirement, scopes));
        }),
      );
    // Verification effect of this change alone, on the list as written.
    const before = checkable(source.scopes);
    let change: Change | undefined;
    if (usedBy.length === 0) {
      change = {
        kind: 'unused',
        scope,
        coveredBy: [],
        replacements: [],
        before,
        after: before.filter((s) => s !== scope),
        api: apiOf(everyRequirement),
      };
    } else if (!used.has(scope) && worksWithout([])) {
      // Name a smallest set of the other requested scopes that covers these calls.
      const rest = new Set(source.scopes.filter((candidate) => candidate !== scope));
      const coveredBy = solve(
        usedBy.map((requirement) => satisfyingScopes(requirement).flatMap((candidate) => requestedForm(candidate, rest) ?? [])),
        [],
      ).add;
      change = {
        kind: 'redundant',
        scope,
        coveredBy,
        replacements: [],
        before,
        after: before.filter((s) => s !== scope),
        api: apiOf(usedBy),
      };
    } else {
      const replacements = narrowerReplacement(scope, usedBy, working);
      if (replacements !== undefined && worksWithout(replacements)) {
        change = {
          kind: 'broader',
          scope,
          coveredBy: [],
          replacements,
          before,
          after: [...before.filter((s) => s !== scope), ...replacements],
          api: apiOf(usedBy),
        };
      }
    }
    if (change === undefined) continue;
    changes.push(change);
    working.delete(scope);
    for (const replacement of change.replacements) working.add(replacement);
    for (const part of affected) {
      part.scopes.delete(scope);
      for (const replacement of change.replacements) part.scopes.add(replacement);
    }
  }
  return changes;
}

/**
 * Scopes that cover what `scope` covers with less privilege: each one narrower than it or of a
 * lower classification, together opening fewer methods, none of a higher classification.
 * gmail.metadata is never proposed: in a token it breaks full-format reads and `q` searches of
 * every call, not only these.
 */
function narrowerReplacement(scope: string, usedBy: readonly Requirement[], working: ReadonlySet<string>): string[] | undefined {
  const rest = [...working].filter((candidate) => candidate !== scope);
  const { add, unsatisfiable } = solve(usedBy, rest);
  if (add.length === 0 || unsatisfiable.length > 0) return undefined;
  const order = scopeOrderFor(usedBy);
  if (!order.scoped) {
    // Gmail: its derived order and method counts.
    if (!add.every((replacement) => isBroader(scope, replacement) || classificationRank(replacement) < classificationRank(scope)))
      return undefined;
    if (add.some((candidate) => classificationRank(candidate) > classificationRank(scope))) return undefined;
    const opened = new Set(add.flatMap((replacement) => methodsAccepting(replacement)));
    if (opened.size >= methodsAccepting(scope).length) return undefined;
    return add;
  }
  // Other APIs: their shipped scope order (cited facts; never a silent subset the calls don't fit).
  if (!add.every((replacement) => order.broader(scope, replacement) || order.rank(replacement) < order.rank(scope))) return undefined;
  if (add.some((candidate) => order.rank(candidate) > order.rank(scope))) return undefined;
  if (add.reduce((sum, replacement) => sum + order.narrow(replacement), 0) >= order.narrow(scope)) return undefined;
  return add;
}

/** `Gmail`, `Drive`: the API's short name. */
const apiName = (call: ApiCall): string => apiNameOf(call.method.api, call.method.version);

/**
 * " That lowers the app from restricted to sensitive scopes.", when the change lowers its Google
 * verification; else nothing. A remaining scope of unknown classification may be as high as any:
 * then nothing is claimed; one only known not to be restricted allows "needs no restricted scope".
 */
function effectOf(change: Change): string {
  const before = highestClassification(change.before);
  if (before === undefined) return '';
  let after: Classification | undefined;
  for (const scope of change.after) {
    const bound = classificationBound(scope);
    if (bound === undefined) return '';
    if (after === undefined || CLASSIFICATION_RANK[bound] > CLASSIFICATION_RANK[after]) after = bound;
  }
  if (after === undefined) return ` The app then needs no ${before} scope.`;
  if (CLASSIFICATION_RANK[after] >= CLASSIFICATION_RANK[before]) return '';
  return change.after.every((scope) => classificationOf(scope) !== undefined)
    ? ` That lowers the app from ${before} to ${after} scopes.`
    : ` The app then needs no ${before} scope.`;
}

/** The scope's own literal in the declaration, else the declaration, else the auth object or first call. */
function reportLocation(
  sourceCode: Readonly<TSESLint.SourceCode>,
  analysis: FileFacts,
  group: ScopeRequest,
  scope: string,
): { at: { node: TSESTree.Node } | { loc: TSESTree.SourceLocation }; key: string } {
  for (const declaration of group.source.declarations) {
    if (!isEditable(declaration)) continue;
    const location = analysis.edits.locate(declaration.node, scope);
    if (location?.kind === 'element') return { at: { node: location.element }, key: String(location.element.range[0]) };
    if (location?.kind === 'word') {
      const token = location.tokens[location.index]!;
      return { at: { loc: rangeLocation(sourceCode, token.range) }, key: String(token.range[0]) };
    }
  }
  const node =
    group.source.declarations.find((declaration) => declaration.node !== undefined)?.node ?? group.auths?.[0]?.node ?? group.calls[0]?.node;
  return { at: { node: node ?? sourceCode.ast }, key: String(node?.range[0] ?? 0) };
}

/** The edit for a change, when every declaration that may hold the scope is a literal here. */
function editFor(analysis: FileFacts, source: ScopeRequest['source'], change: Change): TSESLint.ReportFixFunction | undefined {
  if (!source.complete || source.declarations.some((declaration) => !isEditable(declaration))) return undefined;
  const fixes: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[])[] = [];
  for (const declaration of source.declarations) {
    if (!isEditable(declaration) || analysis.edits.locate(declaration.node, change.scope) === undefined) continue;
    const fix =
      change.kind === 'broader'
        ? analysis.edits.replace(declaration.node, change.scope, change.replacements)
        : analysis.edits.remove(declaration.node, change.scope);
    if (fix === undefined) return undefined;
    fixes.push(fix);
  }
  if (fixes.length === 0) return undefined;
  return (fixer) =>
    fixes.flatMap((fix) => {
      const result = fix(fixer);
      return Array.isArray(result) ? result : [result];
    });
}
