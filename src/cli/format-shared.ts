/** Wording shared by the table and Markdown formats. */
import { scopeLabel } from '../scopes/catalog.ts';
import { joinWords } from '../utils/join-words.ts';
import { apiNameOf } from '../scopes/api-map.ts';
import { hasTokenPoisoningTrap } from '../scopes/policy.ts';
import type { Report, ReportDeclaration, ReportOperation, ReportScopeClassification } from './report.ts';
import type { ScopeUseCall } from './scope-uses.ts';

export function declarationTitle(declaration: ReportDeclaration): string {
  if (declaration.file === null) return declaration.label;
  return `${declaration.label}  ${declaration.file}:${declaration.line ?? ''}`;
}

/** "`SCOPES` (src/scopes.ts:3)", "`SCOPES` in src/scopes.ts", "src/app.ts:4": where the list is written. */
export function declaredAtText(declaration: ReportDeclaration, code: (text: string) => string): string | undefined {
  const parts = declaration.declaredAt.map((at) => {
    const name = at.name === null ? '' : code(at.name);
    if (at.line === null) return name === '' ? code(at.file) : `${name} in ${code(at.file)}`;
    return name === '' ? code(`${at.file}:${at.line}`) : `${name} (${code(`${at.file}:${at.line}`)})`;
  });
  return parts.length === 0 ? undefined : parts.join(', ');
}

/**
 * `files.delete`, or `Drive files.delete` when the report covers several APIs (`files.list` is a
 * method of Drive and of others: the API says which).
 */
export function operationName(operation: Pick<ReportOperation, 'api' | 'version' | 'method'>, report: Report): string {
  const several = report.operations.some((other) => other.api !== operation.api);
  return several ? `${apiNameOf(operation.api, operation.version)} ${operation.method}` : operation.method;
}

export function location(operation: ReportOperation): string {
  return `${operation.file}:${operation.line}:${operation.column}`;
}

export function statusWord(operation: ReportOperation): string {
  switch (operation.status) {
    case 'ok':
      return 'ok';
    case 'missing':
      return 'missing';
    case 'metadata-conflict':
      return 'metadata';
    case 'unresolved':
      return 'unknown';
  }
}

/** What a failing or unresolved operation needs, in words: for a missing scope, what missing-scope's message says. */
export function operationNote(operation: ReportOperation, code: (text: string) => string): string {
  switch (operation.status) {
    case 'ok':
      return '';
    case 'missing': {
      const { scopes, orBroader } = operation.needs;
      if (scopes.length === 0) return 'needs a Gmail add-on scope';
      return `needs ${joinWords([...scopes.map((scope) => code(scopeLabel(scope))), ...(orBroader ? ['broader'] : [])], ' or ')}`;
    }
    case 'metadata-conflict':
      if (operation.credentialFailure !== null)
        return `fails with ${operation.credentialFailure} (see metadata-scope; a scope alone can't cure it)`;
      return hasTokenPoisoningTrap(operation)
        ? `fails while ${code('gmail.metadata')} is requested (format full/raw or q)`
        : 'fails under the requested scope that accepts the method (a trap: see metadata-scope)';
    case 'unresolved':
      return operation.declaration === null ? 'no scopes traced to this call' : 'requested scopes are partly computed at run time';
  }
}

export function scopeList(scopes: readonly string[], code: (text: string) => string): string {
  return scopes.length === 0 ? 'none' : scopes.map((scope) => code(scopeLabel(scope))).join(', ');
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

/** Whether an operation certainly fails (the report's exit code 1, like eslint's errors). */
export function certainlyFails(report: Report): boolean {
  return report.summary.missing > 0 || report.summary.metadataConflicts > 0;
}

/**
 * What to add (or the minimal set): the scopes whose choice is certain, and "one of …" for each
 * open choice (a fact table's tie, Chat without a known credential: `scopeFix` in
 * src/scopes/policy.ts), never a pick; `list([])` when there is nothing. `failing`: how many
 * operations fail (when none of their scopes may be proposed, each needs a scope of its own).
 */
export function choiceText(
  scopes: readonly string[],
  choices: readonly (readonly string[])[],
  list: (scopes: readonly string[]) => string,
  failing = 0,
): string {
  if (scopes.length === 0 && choices.length === 0)
    return failing === 0 ? list(scopes) : 'a scope each failing call accepts (see its operation)';
  const parts = choices.map((choice) => (choice.length === 1 ? list(choice) : `one of ${list(choice)}`));
  // "drive plus one of a, b": `list` joins with commas, so the parts never do.
  return (scopes.length === 0 ? parts : [list(scopes), ...parts]).join(' plus ');
}

/** The one-line verdict: what fails, and what Google will require. */
export function verdict(report: Report): string {
  const { summary } = report;
  const parts: string[] = [];
  if (summary.missing > 0) {
    parts.push(
      `${plural(summary.missing, 'operation')} will fail: add ${choiceText(report.missing, report.missingChoices, (scopes) => scopeList(scopes, (text) => text), summary.missing)}`,
    );
  } else {
    parts.push(summary.metadataConflicts > 0 ? 'no scope is missing' : 'every traced operation is covered');
  }
  if (summary.metadataConflicts > 0) {
    const conflicts = report.operations.filter((operation) => operation.status === 'metadata-conflict');
    const credential = conflicts.filter((operation) => operation.credentialFailure !== null).length;
    const scoped = conflicts.length - credential;
    if (scoped > 0)
      parts.push(
        `${plural(scoped, 'operation')} ${scoped === 1 ? 'breaks' : 'break'} under ${
          conflicts.every((operation) => operation.credentialFailure !== null || hasTokenPoisoningTrap(operation))
            ? 'gmail.metadata'
            : 'a requested scope (traps)'
        }`,
      );
    if (credential > 0) parts.push(`${plural(credential, 'operation')} ${credential === 1 ? 'fails' : 'fail'} with its credential`);
  }
  if (summary.unresolved > 0) parts.push(`${plural(summary.unresolved, 'operation')} with unknown scopes`);
  if (report.unused.length > 0) parts.push(`${plural(report.unused.length, 'scope')} not needed by any visible call`);
  return parts.join('; ');
}

/**
 * A scope's classification and verification cells. A string the catalog lacks is "not a scope
 * Google documents", never "invalid": the bundled list can be older than Google's.
 */
export function classificationCells(info: ReportScopeClassification): { classification: string; verification: string } {
  // The same verdict as valid-scope: a certain typo is named as one, with the scope it meant.
  if (info.misspelling !== null)
    return { classification: 'misspelled', verification: `Google answers invalid_scope: meant ${scopeLabel(info.misspelling)}` };
  return {
    classification: info.classification ?? (info.knownGoogleScope ? 'not catalogued' : 'undocumented'),
    verification: info.verification ?? (info.knownGoogleScope ? 'unknown: not classified' : 'not a scope Google documents (typo?)'),
  };
}
/** `report --explain`: " (also covered by gmail.readonly)", or nothing when the call needs this scope alone. */
export function alsoCoveredText(call: ScopeUseCall, code: (text: string) => string): string {
  return call.alsoCoveredBy.length === 0
    ? ''
    : ` (also covered by ${call.alsoCoveredBy.map((scope) => code(scopeLabel(scope))).join(', ')})`;
}

export const NO_TRACED_USE = 'no traced call needs it';

/** C0 and C1 control characters (escape sequences, line breaks, BEL) and DEL. */
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/gu;

/**
 * The report with every string's control characters written as `\u001B`: file names and scope
 * strings come from the analysed code, and a raw escape sequence in a terminal can clear the
 * screen, move the cursor over a "missing" line or plant a hyperlink.
 */
export function printable<T>(value: T): T {
  if (typeof value === 'string') {
    return value.replace(
      CONTROL_CHARACTERS,
      (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    ) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => printable(item)) as T;
  if (typeof value === 'object' && value !== null) {
    // Keys too: `classification` is keyed by scope string, and looked up by the printable ones.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [printable(key), printable(item)])) as T;
  }
  return value;
}
