/** The machine format: the report object itself (schema in docs/report.md). */
import type { Report } from './report.ts';

export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
