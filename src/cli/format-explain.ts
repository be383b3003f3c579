/** The text format of `googleapis-scopes explain` (JSON prints the explanation object as is). */
import type { Explanation } from './explain.ts';
import { plural, scopeList } from './format-shared.ts';

export function formatExplanation(explanation: Explanation): string {
  const lines = [explanation.summary];

  if (explanation.accepted.length > 0) {
    lines.push('', `Accepted scopes (any one works), narrowest first${explanation.method === null ? ', as the error lists them' : ''}:`);
    const width = Math.max(...explanation.accepted.map((item) => item.scope.length));
    for (const item of explanation.accepted) {
      const classification = item.classification ?? 'not catalogued';
      lines.push(`  ${item.scope.padEnd(width)}  ${classification}${item.addOnOnly ? ', Gmail add-ons only' : ''}`);
    }
  }

  if (explanation.invalidScopes.length > 0) {
    lines.push('', 'Scopes Google rejects:');
    for (const item of explanation.invalidScopes) {
      lines.push(`  ${item.scope}${item.correction === null ? '' : `  (meant: ${item.correction})`}`);
    }
  }

  if (
    explanation.linted &&
    explanation.error.kind !== 'invalid-scope' &&
    explanation.candidates.length + (explanation.method === null ? 0 : 1) > 0
  ) {
    lines.push('', `Call sites (${explanation.callSites.length}):`);
    if (explanation.callSites.length === 0)
      lines.push(
        explanation.error.kind === 'insufficient-scope'
          ? '  none found in the linted files'
          : '  none found that can fail this way in the linted files',
      );
    const width = Math.max(0, ...explanation.callSites.map((site) => `${site.file}:${site.line}:${site.column}`.length));
    const methodWidth = Math.max(0, ...explanation.callSites.map((site) => site.method.length));
    for (const site of explanation.callSites) {
      const where = `${site.file}:${site.line}:${site.column}`.padEnd(width);
      const method = explanation.candidates.length > 0 ? `  ${site.method.padEnd(methodWidth)}` : '';
      lines.push(
        `  ${where}${method}  ${site.status === 'metadata-conflict' ? 'metadata' : site.status === 'unresolved' ? 'scopes unknown' : site.status}`,
      );
    }
  }

  if (explanation.requests.length > 0) {
    const some = explanation.requests.some((request) => request.relevant);
    lines.push(
      '',
      some
        ? explanation.error.kind === 'invalid-scope'
          ? 'Requested at:'
          : 'Scopes requested for those calls:'
        : `Scope requests in the project (${plural(explanation.requests.length, 'place')}):`,
    );
    for (const request of explanation.requests) {
      const where = request.file === null ? request.label : `${request.label} ${request.file}:${request.line ?? ''}`;
      const written = request.writtenAt === null ? '' : `, written at ${request.writtenAt}`;
      const requested = request.requested.length === 0 ? 'unknown' : scopeList(request.requested, (text) => text);
      lines.push(`  ${where}${written}: ${requested}${request.complete ? '' : ' (partly computed at run time)'}`);
    }
  }

  lines.push('', 'Fix:');
  for (const fix of explanation.fix) lines.push(`  ${fix}`);
  for (const note of explanation.notes) lines.push('', `Note: ${note}`);
  return `${lines.join('\n')}\n`;
}
