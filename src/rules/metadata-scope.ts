import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describeSource, getFileFacts } from '../google/facts.ts';
import type { ApiCall, FileFacts, ScopeSource } from '../google/facts.ts';
import { isEditable } from '../fix/scope-edits.ts';
import type { EditableDeclaration } from '../fix/scope-edits.ts';
import { paramProperty, paramsObject, setStringParamFix } from '../fix/param-edits.ts';
import { apiNameOf } from '../scopes/api-map.ts';
import { isValidGoogleScope } from '../scopes/scope-suggestions.ts';
import { scopeLabel } from '../scopes/catalog.ts';
import { apiTrapVerdict } from '../scopes/policy.ts';
import { credentialFailure, credentialFailureReason, credentialMatters } from '../scopes/facts/index.ts';
import { METADATA_SCOPE, metadataVerdict } from '../scopes/metadata.ts';
import type { MetadataConflict } from '../scopes/metadata.ts';
import { isSatisfied, solve } from '../scopes/solver.ts';
import { createRule } from '../utils/create-rule.ts';
import { joinWords } from '../utils/join-words.ts';

export type Options = [];

export type MessageIds =
  | 'formatNotAllowed'
  | 'queryNotAllowed'
  | 'useMetadataFormat'
  | 'removeMetadataScope'
  | 'scopeTrap'
  | 'addScopes'
  | 'serviceAccountWithoutSubject'
  | 'userCredentialRejected';

export default createRule<Options, MessageIds>({
  name: 'metadata-scope',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Report Google API calls that a documented trap makes fail under the requested scopes (gmail.metadata, Drive downloads, appDataFolder, Calendar primary)',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      formatNotAllowed:
        "{{api}} `{{method}}` with {{format}} fails under gmail.metadata from {{source}}{{also}}. Pass `format: 'metadata'` or drop that scope.",
      queryNotAllowed:
        '{{api}} `{{method}}` with `q` fails under gmail.metadata from {{source}}{{also}}. Drop gmail.metadata, or filter with `labelIds`.',
      useMetadataFormat: "Pass `format: 'metadata'` (headers and labels only, no body).",
      removeMetadataScope: 'Remove gmail.metadata from the requested scopes (every call that uses them works with {{others}}).',
      scopeTrap: '{{api}} `{{method}}` fails under {{granted}} from {{source}}: {{reason}}.',
      addScopes: 'Add {{add}} to the requested scopes.',
      serviceAccountWithoutSubject: '{{api}} `{{method}}` fails with the service account of the {{kind}} on line {{line}}: {{reason}}.',
      userCredentialRejected: '{{api}} `{{method}}` fails with the user credentials of the {{kind}} on line {{line}}: {{reason}}.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getFileFacts(context);
        if (analysis.calls.length === 0) return;
        const removals = new Map<ScopeSource, ReturnType<typeof metadataRemoval>>();
        for (const call of analysis.calls) {
          reportApiTrap(context, analysis, call);
          reportCredentialTrap(context, analysis, call);
          const source = call.requested;
          if (source === undefined || !source.scopes.includes(METADATA_SCOPE)) continue;
          const verdict = metadataVerdict(call.method, call.shape);
          if (verdict.status !== 'breaks') continue;
          const conflict = verdict.conflicts.find((candidate) => candidate.certain);
          if (conflict === undefined) continue;
          if (!removals.has(source)) removals.set(source, metadataRemoval(analysis, source));
          const removal = removals.get(source);
          const params = inlineParams(call);
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          if (conflict.kind === 'format' && params !== undefined) {
            suggest.push({ messageId: 'useMetadataFormat', fix: setStringParamFix(context.sourceCode, params, 'format', 'metadata') });
          }
          if (removal !== undefined) {
            suggest.push({ messageId: 'removeMetadataScope', data: { others: removal.others }, fix: removal.fix });
          }
          context.report({
            node: reportNode(call, params, conflict),
            messageId: conflict.kind === 'format' ? 'formatNotAllowed' : 'queryNotAllowed',
            data: {
              api: apiName(call),
              method: call.method.id,
              format: describeFormat(conflict),
              source: describeSource(source, context.filename),
              also: alsoRequested(call, source),
            },
            suggest,
          });
        }
      },
    } satisfies TSESLint.RuleListener;
  },
});

/** `Gmail`, `Drive`: the API's short name. */
const apiName = (call: ApiCall): string => apiNameOf(call.method.api, call.method.version);

/** Short reasons for messages, by trap id (src/scopes/facts/: each trap's cited reason in full). */
const TRAP_REASONS: Readonly<Record<string, string>> = {
  'drive.alt-media': "`alt: 'media'` downloads content, not metadata",
  'drive.media-upload': '`media` uploads content, not metadata',
  'drive.app-data-folder': '`appDataFolder` is reached only with drive.appdata',
  'calendar.primary-app-created': 'that scope never reaches the primary calendar',
};

/**
 * Every API but Gmail: a cited trap that certainly makes the call fail with the requested scopes
 * (`trapVerdict` of src/scopes/call-requirement.ts). Suggests adding what `solve()` proposes.
 */
function reportApiTrap(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, analysis: FileFacts, call: ApiCall): void {
  const source = call.requested;
  if (source === undefined || !source.complete) return;
  const verdict = apiTrapVerdict(call.method, call.shape, source.scopes);
  if (verdict.status !== 'breaks' || verdict.requirement === undefined || verdict.findings.length === 0) return;
  const finding = verdict.findings[0]!;
  const granted = source.scopes.filter((scope) => finding.failsUnder.includes(scope));
  const { add } = solve([verdict.requirement], source.scopes);
  const declaration =
    source.scopes.every(isValidGoogleScope) && source.declarations.length === 1 && isEditable(source.declarations[0])
      ? source.declarations[0]
      : undefined;
  const fix = declaration !== undefined && add.length > 0 ? analysis.edits.add(declaration.node, add) : undefined;
  const addText = add.map((scope) => `\`${scope}\``).join(' and ');
  context.report({
    node: call.node,
    messageId: 'scopeTrap',
    data: {
      api: apiName(call),
      method: call.method.id,
      granted: `only ${joinWords(granted.map(scopeLabel), ' and ')}`,
      source: describeSource(source, context.filename),
      reason: TRAP_REASONS[finding.id] ?? finding.reason,
    },
    ...(fix === undefined ? {} : { suggest: [{ messageId: 'addScopes' as const, data: { add: addText }, fix }] }),
  });
}

/**
 * A credential fact (src/scopes/facts/: Admin SDK Directory, Classroom and Meet need a user,
 * Chat's user-only methods; Chat's app-only method): reported only when the call certainly goes
 * through one auth object made in this file whose kind is certain (`credentialOf` of
 * src/google/facts.ts): a service account that names no `subject` while the file never mentions
 * `subject` (set later, `jwt.subject = …`), or a user's token. No fix: which user to impersonate,
 * or which credential to use, is the team's choice.
 */
function reportCredentialTrap(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, analysis: FileFacts, call: ApiCall): void {
  if (!credentialMatters(call.method)) return;
  const fact = credentialFailure(call.method, analysis.credentialOf(call));
  const found = fact === undefined ? undefined : analysis.authOfCall(call);
  if (fact === undefined || found === undefined) return;
  context.report({
    node: call.node,
    messageId: fact.failsWith === 'user-credentials' ? 'userCredentialRejected' : 'serviceAccountWithoutSubject',
    data: {
      api: apiName(call),
      method: call.method.id,
      kind: found.auth.kind,
      line: String(found.auth.node.loc.start.line),
      reason: credentialFailureReason(fact),
    },
  });
}

/** " (even next to gmail.readonly)": it restricts the whole token, whatever else is requested. */
function alsoRequested(call: ApiCall, source: ScopeSource): string {
  const others = source.scopes.filter((scope) => scope !== METADATA_SCOPE && call.method.scopes.includes(scope));
  return others.length === 0 ? '' : ` (even next to ${joinWords(others.map(scopeLabel))})`;
}

function describeFormat(conflict: MetadataConflict): string {
  if (conflict.kind !== 'format') return '';
  return conflict.defaulted ? `no \`format\` (so '${conflict.format}')` : `\`format: '${conflict.format}'\``;
}

/** The params object literal written in the call, if it is one. */
function inlineParams(call: ApiCall): TSESTree.ObjectExpression | undefined {
  return call.via === 'client' ? paramsObject(call.paramsNode) : undefined;
}

/** The `format`/`q` property when it is written in the call, else the call. */
function reportNode(call: ApiCall, params: TSESTree.ObjectExpression | undefined, conflict: MetadataConflict): TSESTree.Node {
  const property = paramProperty(params, conflict.kind === 'format' ? 'format' : conflict.param);
  return property ?? call.node;
}

/**
 * Removing gmail.metadata is offered when the other requested scopes satisfy every call that
 * reads this declaration (not only the broken ones), and the declaration is a literal here.
 */
function metadataRemoval(analysis: FileFacts, source: ScopeSource): { fix: TSESLint.ReportFixFunction; others: string } | undefined {
  const calls = analysis.calls;
  const declaration = source.declarations.find(
    (candidate): candidate is EditableDeclaration =>
      isEditable(candidate) && analysis.edits.locate(candidate.node, METADATA_SCOPE) !== undefined,
  );
  if (declaration === undefined) return undefined;
  const others = source.scopes.filter((scope) => scope !== METADATA_SCOPE);
  if (others.length === 0) return undefined;
  // Every call whose scopes come (at least partly) from this declaration must still work.
  for (const call of calls) {
    const requested = call.requested;
    if (requested === undefined) continue;
    const reads = requested === source || requested.declarations.some((candidate) => candidate.node === declaration.node);
    if (!reads) continue;
    const remaining = requested.scopes.filter((scope) => scope !== METADATA_SCOPE);
    if (
      !isSatisfied(
        call.method.scopes.filter((scope) => scope !== METADATA_SCOPE),
        remaining,
      )
    )
      return undefined;
  }
  const fix = analysis.edits.remove(declaration.node, METADATA_SCOPE);
  if (fix === undefined) return undefined;
  // Name the scopes that matter: those some call of these scopes accepts.
  const relevant = others.filter((scope) => calls.some((call) => call.requested === source && call.method.scopes.includes(scope)));
  const labels = (relevant.length > 0 ? relevant : others).map(scopeLabel);
  return { fix, others: joinWords(labels) };
}
