/** The machine format: the report object itself (schema in docs/report.md), plus `scopeUses` with `--explain`. */
import type { Report } from './report.ts';
import { scopeUses } from './scope-uses.ts';

export function formatJson(report: Report, options: { readonly explain?: boolean } = {}): string {
  return `${JSON.stringify(options.explain === true ? { ...report, scopeUses: scopeUses(report) } : report, null, 2)}\n`;
}
