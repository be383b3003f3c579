/** The terminal format: sections per declaration, aligned columns, colour only when asked. */
import { scopeLabel } from '../scopes/catalog.ts';
import type { Classification } from '../scopes/catalog.ts';
import {
  NO_TRACED_USE,
  alsoCoveredText,
  certainlyFails,
  classificationCells,
  declarationTitle,
  declaredAtText,
  location,
  choiceText,
  operationName,
  operationNote,
  plural,
  scopeList,
  statusWord,
  verdict,
} from './format-shared.ts';
import type { Report, ReportDeclaration, ReportOperation } from './report.ts';
import { appendAll } from '../utils/append-all.ts';
import { scopeUses } from './scope-uses.ts';

interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

const ANSI: Paint = {
  bold: (text) => `\u001B[1m${text}\u001B[22m`,
  dim: (text) => `\u001B[2m${text}\u001B[22m`,
  red: (text) => `\u001B[31m${text}\u001B[39m`,
  green: (text) => `\u001B[32m${text}\u001B[39m`,
  yellow: (text) => `\u001B[33m${text}\u001B[39m`,
};
const PLAIN: Paint = { bold: same, dim: same, red: same, green: same, yellow: same };

function same(text: string): string {
  return text;
}

export function formatTable(report: Report, options: { readonly color: boolean; readonly explain?: boolean }): string {
  const paint = options.color ? ANSI : PLAIN;
  const lines: string[] = [];
  const { summary } = report;
  lines.push(
    paint.bold('Google API scopes') +
      paint.dim(
        ` · ${plural(report.files, 'file')} · ${plural(summary.operations, 'operation')} · ${plural(
          report.declarations.filter((declaration) => declaration.kind !== 'unresolved').length,
          'scope declaration',
        )}`,
      ),
  );

  for (const declaration of report.declarations) {
    lines.push('', ...declarationSection(report, declaration, paint));
  }

  if (options.explain === true) appendAll(lines, ['', ...whySection(report, paint)]);

  lines.push('', paint.bold('Project'));
  appendAll(lines, fields(projectFields(report, paint)));

  const scopes = Object.entries(report.classification);
  if (scopes.length > 0) {
    lines.push('', paint.bold('Scopes'));
    const rows = scopes.map(([scope, info]) => {
      const cells = classificationCells(info);
      return [
        { text: scopeLabel(scope) },
        { text: cells.classification, paint: classificationPaint(info.classification, paint) },
        { text: cells.verification },
      ];
    });
    appendAll(
      lines,
      table([
        [{ text: 'scope' }, { text: 'classification' }, { text: 'Google verification' }].map((cell) => ({ ...cell, paint: paint.dim })),
        ...rows,
      ]),
    );
  }

  lines.push('', verdictLine(report, paint));
  return `${lines.join('\n')}\n`;
}

function declarationSection(report: Report, declaration: ReportDeclaration, paint: Paint): string[] {
  const lines = [paint.bold(declarationTitle(declaration))];
  const declared = declaredAtText(declaration, same);
  const operations = report.operations.filter((operation) =>
    declaration.kind === 'unresolved' ? operation.declaration === null : operation.declaration === declaration.id,
  );
  const entries: [string, string][] = [];
  if (declaration.kind !== 'unresolved') {
    if (declared !== undefined) entries.push(['written at', declared]);
    entries.push(['requested', requestedText(declaration, paint)]);
  }
  appendAll(lines, fields(entries));
  if (operations.length === 0) {
    lines.push(`  ${paint.dim('no operation traced to these scopes')}`);
  } else {
    lines.push(`  ${paint.dim('operations')}`);
    appendAll(
      lines,
      table(
        operations.map((operation) => operationRow(operation, report, paint)),
        '    ',
      ),
    );
  }
  const results: [string, string][] = [
    ['minimal', choiceText(declaration.minimal, declaration.minimalChoices, (scopes) => scopeList(scopes, same))],
  ];
  if (declaration.kind !== 'unresolved') {
    const failing = operations.filter((operation) => operation.status === 'missing').length;
    results.push([
      'missing',
      choiceText(
        declaration.missing,
        declaration.missingChoices,
        (scopes) => (scopes.length === 0 ? 'none' : paint.red(scopeList(scopes, same))),
        failing,
      ),
    ]);
    results.push(['unused', declaration.unused.length === 0 ? 'none' : paint.yellow(scopeList(declaration.unused, same))]);
  }
  appendAll(lines, fields(results));
  return lines;
}

/** `--explain`: per declaration, each requested scope and the calls it covers. */
function whySection(report: Report, paint: Paint): string[] {
  const lines = [paint.bold('Why each scope is requested')];
  const uses = scopeUses(report);
  for (const declaration of report.declarations) {
    const own = uses.filter((use) => use.declaration === declaration.id);
    if (own.length === 0) continue;
    lines.push(`  ${declarationTitle(declaration)}`);
    const rows = own.flatMap((use): Cell[][] => {
      const label = { text: scopeLabel(use.scope) };
      if (use.calls.length === 0) return [[label, { text: NO_TRACED_USE, paint: paint.yellow }]];
      return use.calls.map((call, index) => [
        index === 0 ? label : { text: '' },
        { text: call.method },
        { text: `${call.file}:${call.line}:${call.column}${alsoCoveredText(call, same)}` },
      ]);
    });
    appendAll(lines, table(rows, '    '));
  }
  return lines;
}

function requestedText(declaration: ReportDeclaration, paint: Paint): string {
  const list = scopeList(declaration.requested, same);
  if (declaration.complete) return list;
  return `${declaration.requested.length === 0 ? 'unknown' : list} ${paint.dim('(partly computed at run time)')}`;
}

function projectFields(report: Report, paint: Paint): [string, string][] {
  const classified = (text: string, level: Classification | null): string =>
    `${text}${level === null ? '' : paint.dim(`  (${level}: ${verificationOf(report, level)})`)}`;
  return [
    ['requested', classified(scopeList(report.requested, same), report.verification.requested)],
    [
      'minimal',
      classified(
        choiceText(report.minimal, report.minimalChoices, (scopes) => scopeList(scopes, same)),
        report.verification.minimal,
      ),
    ],
    [
      'missing',
      choiceText(
        report.missing,
        report.missingChoices,
        (scopes) => (scopes.length === 0 ? 'none' : paint.red(scopeList(scopes, same))),
        report.summary.missing,
      ),
    ],
    ['unused', report.unused.length === 0 ? 'none' : paint.yellow(`${scopeList(report.unused, same)} (not needed by any visible call)`)],
  ];
}

function verificationOf(report: Report, level: Classification): string {
  return Object.values(report.classification).find((info) => info.classification === level)?.verification ?? level;
}

function operationRow(operation: ReportOperation, report: Report, paint: Paint): Cell[] {
  const status = statusWord(operation);
  const statusPaint = operation.status === 'ok' ? paint.green : operation.status === 'missing' ? paint.red : paint.yellow;
  return [
    { text: status, paint: statusPaint },
    { text: operationName(operation, report) },
    { text: location(operation) },
    { text: operationNote(operation, same) },
  ];
}

function verdictLine(report: Report, paint: Paint): string {
  const text = verdict(report);
  return certainlyFails(report) ? paint.red(paint.bold(text)) : paint.green(text);
}

function classificationPaint(classification: Classification | null, paint: Paint): (text: string) => string {
  if (classification === 'restricted') return paint.red;
  if (classification === 'sensitive') return paint.yellow;
  return same;
}

/** Two-space-indented `name  value` lines with the names aligned. */
function fields(entries: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...entries.map(([name]) => name.length));
  return entries.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`);
}

interface Cell {
  readonly text: string;
  readonly paint?: (text: string) => string;
}

/** Aligned columns; colour is applied after padding so escapes never skew the widths. */
function table(rows: readonly (readonly Cell[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.text.length)));
  return rows.map((row) => {
    const cells = row.map((cell, index) => {
      const padded = index === row.length - 1 ? cell.text : cell.text.padEnd(widths[index] ?? 0);
      return cell.paint === undefined ? padded : cell.paint(padded);
    });
    return `${indent}${cells.join('  ')}`.trimEnd();
  });
}
