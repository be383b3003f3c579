import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getFileFacts, isRequest } from '../google/facts.ts';
import type { RequestUse, ScopeStringNode } from '../google/facts.ts';
import { rangeLocation, stringTokens, stringValue } from '../fix/string-tokens.ts';
import { correctScope, isInvalidGoogleScopeAttempt, isValidGoogleScope } from '../scopes/scope-suggestions.ts';
import type { ScopeStringContext } from '../scopes/scope-suggestions.ts';
import { createRule } from '../utils/create-rule.ts';
import { scopeListOption } from '../utils/scope-list-option.ts';
import { codeList } from '../utils/join-words.ts';

export type Options = [
  {
    allow?: string[];
  },
];

export type MessageIds = 'invalidScope' | 'unknownScope' | 'replaceScope' | 'commaJoinedScopes' | 'spaceScopes';

export default createRule<Options, MessageIds>({
  name: 'valid-scope',
  meta: {
    type: 'problem',
    docs: {
      description: 'Report scope strings that are not real Google OAuth scopes',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allow: scopeListOption(
            'Scope strings to accept although they are not in the bundled list of Google scopes (e.g. a scope newer than the list).',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      invalidScope: '`{{scope}}` is not a Google OAuth scope ({{problems}}): Google answers `invalid_scope`. Use `{{replacement}}`.',
      // Not a certain typo: say what we know (Google documents no such scope), not what Google will answer.
      unknownScope: '`{{scope}}` is not a scope Google documents{{problems}}.{{hint}}',
      replaceScope: 'Replace with `{{replacement}}`.',
      // Review 3 L8: named once here; missing-scope and the other rules read such a string as unknown.
      commaJoinedScopes:
        'Scopes joined with commas: an OAuth scope list is space-delimited, and google-auth-library sends a string as is. Use an array or spaces.',
      spaceScopes: 'Separate the scopes with spaces.',
    },
  },
  create(context, [{ allow }]) {
    const allowed = new Set(allow);
    // A list repeating one typo thousands of times asks for its corrections once.
    const corrections = new Map<string, ReturnType<typeof correctScope>>();
    return {
      'Program:exit'() {
        const analysis = getFileFacts(context);
        if (analysis.scopeStrings.length === 0) return;
        const sourceCode = context.sourceCode;
        const concatenations = new Set<TSESTree.Node>();
        for (const scopeString of analysis.scopeStrings) {
          if (isModuleSpecifier(scopeString.node)) continue;
          const concatenation = outermostConcatenation(scopeString.node);
          if (concatenation !== undefined) {
            // `PREFIX + 'gmail.sned'`: check the whole value once, report without a fix.
            if (concatenations.has(concatenation)) continue;
            concatenations.add(concatenation);
            const value = analysis.stringValueOf(concatenation);
            if (value === undefined) continue;
            const use = analysis.requestUse(concatenation);
            for (const word of value.split(/\s+/).filter(Boolean)) {
              const scopeContext = requestContext(scopeString, use, besideGoogleScopes(scopeString, [word]));
              if (allowed.has(word)) continue;
              if (reportCommaJoined(word, scopeContext, { node: concatenation }, undefined)) continue;
              if (!isInvalidGoogleScopeAttempt(word, scopeContext)) continue;
              reportWord(word, { node: concatenation }, undefined);
            }
            continue;
          }
          // `const SCOPES = ['gmail.send'].map(toUrl)`-style short names, turned into URLs by the code.
          if (!scopeString.value.includes('://') && analysis.isMappedBeforeUse(scopeString.node)) {
            continue;
          }
          const tokens = stringTokens(sourceCode, scopeString.node);
          const words = tokens?.map((token) => token.value) ?? scopeString.value.split(/\s+/).filter(Boolean);
          const scopeContext = requestContext(scopeString, analysis.requestUse(scopeString.node), besideGoogleScopes(scopeString, words));
          words.forEach((word, index) => {
            if (allowed.has(word)) return;
            const token = tokens?.[index];
            const where = token === undefined ? { node: scopeString.node } : { loc: rangeLocation(sourceCode, token.range) };
            if (reportCommaJoined(word, scopeContext, where, token?.range)) return;
            if (!isInvalidGoogleScopeAttempt(word, scopeContext)) return;
            reportWord(word, where, token?.range);
          });
        }
      },
    } satisfies TSESLint.RuleListener;

    /**
     * `'…/drive.readonly,…/drive'`: real scopes joined with commas. Reported once, with a
     * suggestion (never a fix: on Compute Engine the metadata server reads commas) that puts
     * spaces in their place; the edit replaces only the word, so comments and quotes stay.
     */
    function reportCommaJoined(
      word: string,
      scopeContext: ScopeStringContext,
      where: { node: TSESTree.Node } | { loc: TSESTree.SourceLocation },
      range: readonly [number, number] | undefined,
    ): boolean {
      const pieces = commaJoinedScopes(word, scopeContext);
      if (pieces === undefined) return false;
      const spaced = pieces.join(' ');
      context.report({
        ...where,
        messageId: 'commaJoinedScopes',
        suggest:
          range === undefined ? [] : [{ messageId: 'spaceScopes', fix: (fixer) => fixer.replaceTextRange([range[0], range[1]], spaced) }],
      });
      return true;
    }

    function reportWord(
      word: string,
      where: { node: TSESTree.Node } | { loc: TSESTree.SourceLocation },
      range: readonly [number, number] | undefined,
    ): void {
      let correction = corrections.get(word);
      if (correction === undefined) {
        correction = correctScope(word);
        corrections.set(word, correction);
      }
      const problems = correction.problems.filter((problem) => problem !== 'not a known scope');
      // The edit replaces only the word: a list of 20,000 strings must not be copied per report,
      // and every correction of one list lands in the same --fix pass (missing-scope leaves a
      // list with a misspelt scope alone until the next pass).
      const replaceWith = (replacement: string): TSESLint.ReportFixFunction | undefined => {
        if (range === undefined) return undefined;
        return (fixer) => fixer.replaceTextRange([range[0], range[1]], replacement);
      };
      const only = correction.candidates[0];
      if (correction.certain && only !== undefined) {
        const fix = replaceWith(only);
        context.report({
          ...where,
          messageId: 'invalidScope',
          data: { scope: word, problems: problems.join(', '), replacement: only },
          ...(fix === undefined ? {} : { fix }),
        });
        return;
      }
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      for (const candidate of correction.candidates) {
        const fix = replaceWith(candidate);
        if (fix !== undefined) suggest.push({ messageId: 'replaceScope', data: { replacement: candidate }, fix });
      }
      context.report({
        ...where,
        messageId: 'unknownScope',
        data: {
          scope: word,
          problems: problems.length === 0 ? '' : `: ${problems.join(', ')}`,
          hint: correction.candidates.length === 0 ? '' : ` Did you mean ${codeList(correction.candidates, ' or ')}?`,
        },
        suggest,
      });
    }
  },
});

/**
 * Where the string sits, in the terms of scope requests: a `scopes:` value or `*SCOPES` constant
 * counts as a scope position only when its value is not merely checked; a short name needs
 * a Google token request (or real Google scopes beside it).
 */
function requestContext(scopeString: ScopeStringNode, use: RequestUse, beside: boolean): ScopeStringContext {
  return {
    inScopePosition: (scopeString.inScopePosition && use !== 'check') || isRequest(use),
    besideGoogleScopes: beside,
    toGoogle: use === 'google',
  };
}

/** `import x from 'gmail.send'` and friends are module names, not scopes. */
function isModuleSpecifier(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (
    parent?.type === AST_NODE_TYPES.ImportDeclaration ||
    parent?.type === AST_NODE_TYPES.ExportAllDeclaration ||
    parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    parent?.type === AST_NODE_TYPES.ImportExpression ||
    parent?.type === AST_NODE_TYPES.TSExternalModuleReference
  );
}

/** The outermost `a + b + …` the literal is part of, if any. */
function outermostConcatenation(node: TSESTree.Node): TSESTree.BinaryExpression | undefined {
  let outer: TSESTree.BinaryExpression | undefined;
  let current: TSESTree.Node = node;
  while (current.parent?.type === AST_NODE_TYPES.BinaryExpression && current.parent.operator === '+') {
    outer = current.parent;
    current = current.parent;
  }
  return outer;
}

/** Whether a real Google scope URL sits in the same string or the same array. */
function besideGoogleScopes(scopeString: ScopeStringNode, words: readonly string[]): boolean {
  if (words.some(isGoogleUrl)) return true;
  let container: TSESTree.Node | undefined = scopeString.node.parent;
  while (container?.type === AST_NODE_TYPES.BinaryExpression) container = container.parent;
  if (container?.type !== AST_NODE_TYPES.ArrayExpression) return false;
  // Once per array, not once per element: a list of 20,000 strings stays linear.
  let holds = arraysHoldingGoogleScopes.get(container);
  if (holds === undefined) {
    holds = container.elements.some((element) => {
      const value = element === null ? undefined : stringValue(element);
      return value !== undefined && value.split(/\s+/).some(isGoogleUrl);
    });
    arraysHoldingGoogleScopes.set(container, holds);
  }
  return holds;
}

/**
 * The scopes a comma-joined word holds (`'…/drive.readonly,…/drive'`, `'openid,email'` where scopes
 * are requested), when each piece is a real Google scope; otherwise undefined (an unknown word is
 * reported as such).
 */
function commaJoinedScopes(word: string, scopeContext: ScopeStringContext): string[] | undefined {
  if (!word.includes(',')) return undefined;
  const pieces = word.split(',').filter(Boolean);
  if (pieces.length === 0 || !pieces.every(isValidGoogleScope)) return undefined;
  if (!pieces.some(isGoogleUrl) && !scopeContext.inScopePosition && scopeContext.toGoogle !== true) return undefined;
  return pieces;
}

const arraysHoldingGoogleScopes = new WeakMap<TSESTree.ArrayExpression, boolean>();

function isGoogleUrl(word: string): boolean {
  return word.includes('://') && isValidGoogleScope(word);
}
