import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { MethodInfo } from '../scopes/api-map.ts';
import type { CallShape } from '../scopes/metadata.ts';
import type { FileEnvironment } from '../core/file-environment.ts';
import { fileBoundary } from '../core/file-boundary.ts';
import { useParserOf } from '../core/parse-module.ts';
import type { GmailClient, GoogleValueResolver, AuthObject } from './google-values.ts';
import type { ScopeSource } from './scope-sources.ts';
import type { ScopeStringNode } from './collect.ts';
import type { RequestUse } from './scope-requests.ts';
import { readPluginSettings } from './settings.ts';
import type { PluginSettings } from './settings.ts';
import { mentionsGoogleApis } from './file-gate.ts';
import { Analyzer } from './analyzer.ts';

/** A Google API call found in the file. */
export interface ApiCall {
  readonly node: TSESTree.CallExpression;
  readonly method: MethodInfo;
  /** The client it goes through, when traced (undefined: matched by type or by chain shape). */
  readonly client: GmailClient | undefined;
  /** The request parameters object (`{ userId, format, q }`), when written inline or as a const. */
  readonly paramsNode: TSESTree.Node | undefined;
  /** What the call passes that gmail.metadata cares about (`format`, `q`). */
  readonly shape: CallShape;
  /** `client`: through a Google client library; `rest`: a raw HTTP request to the REST API. */
  readonly via: 'client' | 'rest';
  /** The scopes that reach the call; undefined when they cannot be known. */
  readonly requested: ScopeSource | undefined;
}

export type { ScopeStringNode } from './collect.ts';

export interface FileFacts {
  readonly calls: readonly ApiCall[];
  /** Constant evaluation and scope lookups for this file (shared, so rules never rebuild it). */
  readonly env: FileEnvironment | undefined;
  /** The tracer of Google objects that produced these facts (memoised), for rules that follow values further. */
  readonly resolver: GoogleValueResolver | undefined;
  /** Auth objects made in this file, with the scopes they request. */
  readonly authObjects: readonly { readonly auth: AuthObject; readonly source: ScopeSource | undefined }[];
  /** Every scope the file declares (union), or undefined when it declares none. */
  readonly fileScopes: ScopeSource | undefined;
  readonly scopeStrings: readonly ScopeStringNode[];
  /** The file hands a Google token to SMTP/IMAP (needs `https://mail.google.com/`, which no API call shows). */
  readonly feedsMailProtocol: boolean;
  /** How the value written at a node is used: whether it is a scope request (see ./scope-requests.ts). */
  readonly requestUse: (node: TSESTree.Node) => RequestUse;
  readonly settings: PluginSettings;
}

const EMPTY_ANALYSIS_BASE = {
  calls: [],
  env: undefined,
  resolver: undefined,
  authObjects: [],
  fileScopes: undefined,
  scopeStrings: [],
  feedsMailProtocol: false,
  requestUse: (): RequestUse => 'unknown',
} as const;


const cache = new WeakMap<TSESTree.Program, FileFacts | { readonly failure: unknown }>();

/**
 * The per-file facts every rule reads: computed once per file (keyed by its AST), lazily. A
 * failure is remembered and thrown to every rule that asks (utils/fail-closed.ts reports it).
 */
export function getFileFacts(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileFacts {
  const sourceCode = context.sourceCode;
  let analysis = cache.get(sourceCode.ast);
  if (analysis === undefined) {
    try {
      const settings = readPluginSettings(context.settings);
      useParserOf(context.languageOptions as Parameters<typeof useParserOf>[0]);
      analysis = mentionsGoogleApis(sourceCode)
        ? new Analyzer(sourceCode, context.filename, fileBoundary(context.cwd), settings).run()
        : { ...EMPTY_ANALYSIS_BASE, settings };
    } catch (error) {
      analysis = { failure: error };
    }
    cache.set(sourceCode.ast, analysis);
  }
  if ('failure' in analysis) throw analysis.failure;
  return analysis;
}


