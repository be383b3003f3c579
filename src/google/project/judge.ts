import path from 'node:path';
import { getApiMap } from '../../scopes/api-map.ts';
import type { MethodInfo } from '../../scopes/api-map.ts';
import { isSatisfied } from '../../scopes/solver.ts';
import { joinWords } from '../../utils/join-words.ts';
import type { ProjectInventory, ProjectRequest } from './project-inventory.ts';

/** An untraced call that no scope requested anywhere in the project allows. */
export interface ProjectVerdict {
  /** Every scope the project requests (the union the call was judged against). */
  readonly requested: readonly string[];
  /** The consent requests that ask for scopes of the call's API (where a fix would go), in file order. */
  readonly sites: readonly ProjectRequest[];
}

/**
 * Judges a call whose auth can't be traced (and whose file declares no scope) against the union
 * of everything the project requests. It certainly fails only when (issue 14):
 * - no scope the call accepts is requested anywhere in the project;
 * - the project requests at least one scope of the call's API (otherwise its tokens come from
 *   somewhere the inventory can't see, and the truth is unknown), in a request it certainly makes
 *   (a list it only exports counts in the union, never as that evidence) that a user may consent
 *   to: a service account's or Application Default Credentials' scopes count in the union, but
 *   say nothing about a user's token, which the call may carry;
 * - every request in the project is resolved (no environment variable, no value computed at run
 *   time, no file the analysis could not read, no walk cut short).
 */
export function judgeAgainstProject(method: MethodInfo, inventory: ProjectInventory | undefined): ProjectVerdict | undefined {
  if (inventory === undefined || inventory.incomplete) return undefined;
  if (inventory.requests.some((request) => !request.complete)) return undefined;
  const apiScopes = new Set([...(getApiMap(method.api, method.version)?.scopes ?? []), ...method.scopes]);
  const requested = [...new Set(inventory.requests.flatMap((request) => request.scopes))];
  const sites = inventory.requests.filter((request) => request.consent && request.scopes.some((scope) => apiScopes.has(scope)));
  // A list only exported for code outside the project is no evidence of where the tokens come from.
  if (!sites.some((site) => site.certain) || isSatisfied(method.scopes, requested)) return undefined;
  return { requested, sites };
}

/** "src/auth.ts:12", "src/auth.ts:12 and 2 more" (first line per file, relative to `root`): a message stays short. */
export function describeSites(sites: readonly ProjectRequest[], root: string, max = 1): string {
  const firstLine = new Map<string, number | undefined>();
  for (const site of sites) {
    const known = firstLine.get(site.file);
    if (!firstLine.has(site.file) || (site.line !== undefined && (known === undefined || site.line < known)))
      firstLine.set(site.file, site.line);
  }
  const names = [...firstLine].map(([file, line]) => `${relativeName(file, root)}${line === undefined ? '' : `:${line}`}`);
  if (names.length <= max) return joinWords(names);
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function relativeName(file: string, root: string): string {
  const relative = path.relative(root, file);
  return (relative.startsWith('..') ? file : relative).split(path.sep).join('/');
}
