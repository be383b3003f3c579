/** The pull-request format: GitHub-flavoured Markdown, one table per declaration. */
import { scopeLabel } from '../scopes/catalog.ts';
import type { Classification } from '../scopes/catalog.ts';
import {
  NO_TRACED_USE,
  alsoCoveredText,
  certainlyFails,
  classificationCells,
  declaredAtText,
  location,
  choiceText,
  operationName,
  operationNote,
  plural,
  verdict,
} from './format-shared.ts';
import type { Report, ReportDeclaration, ReportOperation } from './report.ts';
import { appendAll } from '../utils/append-all.ts';
import { scopeUses } from './scope-uses.ts';

const STATUS: Readonly<Record<ReportOperation['status'], string>> = {
  ok: '✅ ok',
  missing: '❌ missing',
  'metadata-conflict': '⚠️ metadata',
  unresolved: '❔ unknown',
};

export function formatMarkdown(report: Report, options: { readonly explain?: boolean } = {}): string {
  const out: string[] = [];
  const { summary } = report;
  out.push('## Google API scopes', '');
  out.push(`${certainlyFails(report) ? '❌' : '✅'} **${escape(verdict(report))}**`, '');
  out.push(
    `${plural(report.files, 'file')} · ${plural(summary.operations, 'operation')} · ${plural(
      report.declarations.filter((declaration) => declaration.kind !== 'unresolved').length,
      'scope declaration',
    )}`,
    '',
  );

  out.push('| Project | Scopes |', '|---|---|');
  out.push(`| Requested | ${classified(report, list(report.requested), report.verification.requested)} |`);
  out.push(
    `| Minimal (least privilege) | ${classified(report, choiceText(report.minimal, report.minimalChoices, list), report.verification.minimal)} |`,
  );
  out.push(`| Missing | ${choiceText(report.missing, report.missingChoices, list, summary.missing)} |`);
  out.push(`| Unused (not needed by any visible call) | ${list(report.unused)} |`, '');

  for (const declaration of report.declarations) appendAll(out, declarationSection(report, declaration)).push('');
  if (options.explain === true) appendAll(out, whySection(report)).push('');

  const scopes = Object.entries(report.classification);
  if (scopes.length > 0) {
    out.push('### Scope classification', '', '| Scope | Classification | Google verification |', '|---|---|---|');
    for (const [scope, info] of scopes) {
      const { classification, verification } = classificationCells(info);
      out.push(`| ${code(scopeLabel(scope))} | ${classification} | ${escape(verification)} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function declarationSection(report: Report, declaration: ReportDeclaration): string[] {
  const title =
    declaration.file === null
      ? escape(declaration.label)
      : `${escape(declaration.label)} — ${code(`${declaration.file}:${declaration.line ?? ''}`)}`;
  const out = [`### ${title}`, ''];
  const operations = report.operations.filter((operation) =>
    declaration.kind === 'unresolved' ? operation.declaration === null : operation.declaration === declaration.id,
  );
  if (declaration.kind !== 'unresolved') {
    const declared = declaredAtText(declaration, code);
    const requested = `${list(declaration.requested)}${declaration.complete ? '' : ' (partly computed at run time)'}`;
    out.push(`Requested: ${requested}${declared === undefined ? '' : ` — written at ${declared}`}`, '');
  }
  if (operations.length === 0) {
    out.push('_No operation traced to these scopes._', '');
  } else {
    out.push('| Operation | Location | Status |', '|---|---|---|');
    for (const operation of operations) {
      const note = operationNote(operation, code);
      out.push(
        `| ${code(operationName(operation, report))} | ${code(location(operation))} | ${STATUS[operation.status]}${note === '' ? '' : ` — ${note}`} |`,
      );
    }
    out.push('');
  }
  const results = [`**Minimal:** ${choiceText(declaration.minimal, declaration.minimalChoices, list)}`];
  if (declaration.kind !== 'unresolved') {
    const failing = report.operations.filter((operation) => operation.declaration === declaration.id && operation.status === 'missing');
    results.push(
      `**Missing:** ${choiceText(declaration.missing, declaration.missingChoices, list, failing.length)}`,
      `**Unused:** ${list(declaration.unused)}`,
    );
  }
  out.push(results.join(' · '));
  return out;
}

/** `--explain`: one row per requested scope, with the calls it covers. */
function whySection(report: Report): string[] {
  const out = ['### Why each scope is requested', '', '| Declaration | Scope | Needed by |', '|---|---|---|'];
  for (const use of scopeUses(report)) {
    const declaration = report.declarations.find((item) => item.id === use.declaration)!;
    const title =
      declaration.file === null
        ? escape(declaration.label)
        : `${escape(declaration.label)} ${code(`${declaration.file}:${declaration.line ?? ''}`)}`;
    // Project strings only inside code spans (`code` makes them inert); the rest is our own text.
    const calls =
      use.calls.length === 0
        ? `_${NO_TRACED_USE}_`
        : use.calls
            .map((call) => `${code(call.method)} ${code(`${call.file}:${call.line}:${call.column}`)}${alsoCoveredText(call, code)}`)
            .join('<br>');
    out.push(`| ${title} | ${code(scopeLabel(use.scope))} | ${calls} |`);
  }
  return out;
}

function classified(report: Report, text: string, level: Classification | null): string {
  if (level === null) return text;
  const verification = Object.values(report.classification).find((info) => info.classification === level)?.verification;
  return `${text} — **${level}**${verification === undefined || verification === null ? '' : `: ${escape(verification)}`}`;
}

function list(scopes: readonly string[]): string {
  return scopes.length === 0 ? '—' : scopes.map((scope) => code(scopeLabel(scope))).join(', ');
}

/**
 * Every string from the analysed project (scope strings, file names, labels) goes through
 * `code` or `escape`: a pull request must not be able to put HTML, links or table cells into
 * the bot comment that reports on it.
 */
function code(text: string): string {
  // A code span shows its content literally; its fence is one backtick longer than any run
  // inside it. A pipe would still end a table cell, and a newline the row.
  const content = oneLine(text).replace(/\|/g, '\\|');
  const longestRun = (content.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0);
  const fence = '`'.repeat(longestRun + 1);
  const padding = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${content}${padding}${fence}`;
}

/** Plain text: Markdown and HTML punctuation backslash-escaped, so it renders as written. */
function escape(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~&!#]/g, '\\$&');
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
