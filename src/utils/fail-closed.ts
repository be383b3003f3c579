import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { SettingsError } from '../google/settings.ts';
import { isClosedFile } from '../google/facts.ts';

/**
 * A rule that fails never passes silently: an exception while analysing a file (a bug of ours,
 * or a file stranger than we planned for) becomes one lint message on that file, with the
 * severity of the rule that met it, and the rest of the run goes on. Malformed plugin settings
 * are reported the same way, with what to write instead.
 */
export const FAILURE_MESSAGES = {
  analysisFailed: 'Could not analyse this file ({{reason}}): its Google API calls are unchecked. Report it (docs/security.md).',
  invalidSettings: "{{reason}} Files are not checked until settings['googleapis-scopes'] is fixed.",
} as const;

type FailureMessageId = keyof typeof FAILURE_MESSAGES;
type AnyRule = TSESLint.RuleModule<string, readonly unknown[]>;
type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Files that already carry a failure message: one per file, whichever rule meets it first. */
const reported = new WeakSet<TSESTree.Program>();

export function failClosed<Rule extends AnyRule>(rule: Rule): Rule {
  const wrapped: AnyRule = {
    ...rule,
    meta: { ...rule.meta, messages: { ...rule.meta.messages, ...FAILURE_MESSAGES } },
    create(context) {
      let listeners: TSESLint.RuleListener;
      try {
        // A file the gate closes has no facts to report on: no listener, no work (docs/performance.md).
        if (isClosedFile(context)) return {};
        listeners = rule.create(context);
      } catch (error) {
        reportFailure(context, error);
        return {};
      }
      const guarded: Record<string, (...args: never[]) => void> = {};
      for (const [selector, listener] of Object.entries(listeners)) {
        if (typeof listener !== 'function') continue;
        guarded[selector] = (...args: never[]) => {
          try {
            (listener as (...inner: never[]) => void)(...args);
          } catch (error) {
            reportFailure(context, error);
          }
        };
      }
      return guarded as TSESLint.RuleListener;
    },
  };
  return wrapped as Rule;
}

function reportFailure(context: AnyContext, error: unknown): void {
  const program = context.sourceCode.ast;
  if (reported.has(program)) return;
  reported.add(program);
  const settings = error instanceof SettingsError;
  const messageId: FailureMessageId = settings ? 'invalidSettings' : 'analysisFailed';
  context.report({ loc: { line: 1, column: 0 }, messageId, data: { reason: describeError(error) } });
}

/** One line: the message, and where it came from when it is ours. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const where = /\((?:[^()]*[\\/])?(src|dist)[\\/]([^()]+?\.[jt]s):(\d+)/.exec(error.stack ?? '');
  const message = error.message.split('\n')[0]!;
  return where === null || error instanceof SettingsError ? message : `${message} (at ${where[2]}:${where[3]})`;
}
