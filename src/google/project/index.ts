/**
 * The project's scope inventory (issue 14): where an untraced call's scopes may come from when
 * its file requests none. Rules ask `projectVerdict`; everything else here is internal.
 */
import { fileBoundary } from '../../core/file-boundary.ts';
import type { ApiCall } from '../facts.ts';
import type { PluginSettings } from '../settings.ts';
import { describeSites, judgeAgainstProject } from './judge.ts';
import { projectInventory } from './project-inventory.ts';
import { tokenFromOutside } from './token-origin.ts';
import type { TokenContext } from './token-origin.ts';

export { clearProjectInventories, projectInventory } from './project-inventory.ts';
export type { ProjectInventory, ProjectRequest } from './project-inventory.ts';
export type { TokenContext } from './token-origin.ts';

/**
 * For a call whose scopes can't be traced in its file: the project's requests when they certainly
 * don't allow it (see ./judge.ts), with the places that request the call's API ("src/auth.ts:12
 * and 1 more", relative to the project root). Undefined when settings name the scopes,
 * `project: false`, the call's token comes from outside the project (./token-origin.ts), or the
 * truth is unknown.
 */
export function projectVerdict(
  filename: string,
  cwd: string,
  settings: PluginSettings,
  call: ApiCall,
  tokens: TokenContext | undefined,
): ProjectVerdictFacts | undefined {
  if (!settings.project || settings.scopes !== undefined) return undefined;
  if (tokens === undefined || tokenFromOutside(call, tokens)) return undefined;
  const inventory = projectInventory(filename, fileBoundary(cwd));
  const verdict = judgeAgainstProject(call.method, inventory);
  // Paths relative to the project root: short, and the same whatever folder ESLint runs in.
  return verdict === undefined || inventory === undefined
    ? undefined
    : {
        requested: verdict.requested,
        sites: describeSites(verdict.sites, inventory.root),
        root: inventory.root,
        requestSites: verdict.sites.map(({ file, line }) => ({ file, line })),
      };
}

/** What a rule reads about an untraced call the project's requests certainly don't allow. */
export interface ProjectVerdictFacts {
  /** Every scope the project requests. */
  readonly requested: readonly string[];
  /** Where it requests the call's API: "src/auth.ts:12", "src/auth.ts:12 and 1 more". */
  readonly sites: string;
  /** The project's root folder (absolute). */
  readonly root: string;
  /** Every request of the call's API, in file order (absolute paths; the report lists them all). */
  readonly requestSites: readonly { readonly file: string; readonly line: number | undefined }[];
}
