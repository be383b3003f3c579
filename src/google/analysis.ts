import type { FileEnvironment } from '../core/file-environment.ts';
import type { AuthObject, GoogleValueResolver } from './google-values.ts';
import type { ScopeSource } from './scope-sources.ts';
import type { ScopeStringNode } from './collect.ts';
import type { RequestUse } from './scope-requests.ts';
import type { PluginSettings } from './settings.ts';
import type { ApiCall } from './facts.ts';
import type { TSESTree } from '@typescript-eslint/utils';

/**
 * What the analyzer computes for one file, toolbox included (the environment and the tracer of
 * Google objects). Only src/google reads it: rules read the FileFacts that ./facts.ts builds
 * from it, which keep the toolbox out of their reach.
 */
export interface Analysis {
  readonly calls: readonly ApiCall[];
  /** Constant evaluation and scope lookups for this file (undefined: the file never mentions Google APIs). */
  readonly env: FileEnvironment | undefined;
  /** The tracer of Google objects that produced these facts (memoised). */
  readonly resolver: GoogleValueResolver | undefined;
  readonly authObjects: readonly { readonly auth: AuthObject; readonly source: ScopeSource | undefined }[];
  /** Every scope the file declares (union), or undefined when it declares none. */
  readonly fileScopes: ScopeSource | undefined;
  readonly scopeStrings: readonly ScopeStringNode[];
  /** The file hands a Google token to SMTP/IMAP (needs `https://mail.google.com/`, which no API call shows). */
  readonly feedsMailProtocol: boolean;
  /** How the value written at a node is used: whether it is a scope request (see ./scope-requests.ts). */
  readonly requestUse: (node: TSESTree.Node) => RequestUse;
  /**
   * The expressions the file hands to Google token requests (`scopes` of an auth constructor,
   * `generateAuthUrl({ scope })`, `auth.scopes = …`), each with the auth object it asks a token for
   * (the root of a `getClient()` chain; undefined when the receiver is not traced).
   */
  readonly tokenRequests: () => ReadonlyMap<TSESTree.Node, AuthObject | undefined>;
  readonly settings: PluginSettings;
}
