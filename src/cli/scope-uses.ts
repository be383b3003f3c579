/**
 * `report --explain`: for every scope a declaration requests, the traced calls it covers — the
 * answer to "why do we ask for gmail.modify?" in a security review. Computed from the report
 * alone (plain data in, plain data out).
 */
import { METADATA_SCOPE } from '../scopes/metadata.ts';
import type { Report, ReportOperation } from './report.ts';

export interface ScopeUseCall {
  readonly method: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The declaration's other scopes that cover the call too; empty: the call fails without this one. */
  readonly alsoCoveredBy: readonly string[];
}

export interface ScopeUse {
  /** The report's declaration id. */
  readonly declaration: string;
  readonly scope: string;
  /** The traced calls this scope covers; empty when no traced call needs it. */
  readonly calls: readonly ScopeUseCall[];
}

export function scopeUses(report: Report): ScopeUse[] {
  const uses: ScopeUse[] = [];
  for (const declaration of report.declarations) {
    if (declaration.kind === 'unresolved') continue;
    const own = report.operations.filter((operation) => operation.declaration === declaration.id);
    for (const scope of declaration.requested) {
      const calls = own
        .filter((operation) => covers(operation, scope))
        .map((operation) => ({
          method: operation.method,
          file: operation.file,
          line: operation.line,
          column: operation.column,
          alsoCoveredBy: declaration.requested.filter((other) => other !== scope && covers(operation, other)),
        }));
      uses.push({ declaration: declaration.id, scope, calls });
    }
  }
  return uses;
}

/** gmail.metadata does not cover a call that breaks (or may break) under it. */
function covers(operation: ReportOperation, scope: string): boolean {
  if (scope === METADATA_SCOPE && (operation.metadata === 'breaks' || operation.metadata === 'maybe')) return false;
  return operation.accepted.includes(scope);
}
