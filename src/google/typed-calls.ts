import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { analysedApiMaps, getApiMap, methodLeafNames, versionProfileOf } from '../scopes/api-map.ts';
import type { ApiMap, MethodInfo } from '../scopes/api-map.ts';
import { memberKeyName } from '../core/static-value.ts';

/**
 * With type information, the receiver's type names the API resource exactly:
 * `gmail_v1.Resource$Users$Messages` → Gmail v1 `users.messages`, wherever the object came from.
 * The checker is asked only after a cheap name match (the property is a method name of an
 * analysed API); the declaration must lie in that API's typings (by the paths the profiles give).
 */

const resourceIndex = new WeakMap<ApiMap, ReadonlyMap<string, string>>();

/** `users.settings.sendas` (lower-cased, as the generated class names are) → `users.settings.sendAs`. */
function resourcesByLowerPath(map: ApiMap): ReadonlyMap<string, string> {
  let index = resourceIndex.get(map);
  if (index === undefined) {
    const built = new Map<string, string>();
    for (const id of map.methods.keys()) {
      const parts = id.split('.');
      for (let end = 1; end < parts.length; end++) {
        const resource = parts.slice(0, end).join('.');
        built.set(resource.toLowerCase(), resource);
      }
    }
    index = built;
    resourceIndex.set(map, index);
  }
  return index;
}

/**
 * Where an API version's typings live: `@googleapis/<api>/build/<version>.d.ts` (or its `.ts`
 * source) and `googleapis/build/src/apis/<api>/<version>.d.ts`.
 */
const TYPINGS_FILE =
  /[\\/](?:@googleapis[\\/]([^\\/]+)|googleapis[\\/]build[\\/]src[\\/]apis[\\/]([^\\/]+))[\\/](?:build[\\/])?([^\\/]+?)(?:\.d)?\.[cm]?ts$/;

/** The API version (any in the data) whose typings declare a symbol, from the declaration's file name. */
function typingsApi(fileName: string): ApiMap | undefined {
  const match = TYPINGS_FILE.exec(fileName);
  if (match === null) return undefined;
  return getApiMap((match[1] ?? match[2])!, match[3]!);
}

let leafNamesOf: { readonly maps: readonly ApiMap[]; readonly names: ReadonlySet<string> } | undefined;

/** The names a method of any analysed API ends in. */
export function analysedLeafNames(): ReadonlySet<string> {
  const maps = analysedApiMaps();
  if (leafNamesOf?.maps !== maps) leafNamesOf = { maps, names: new Set(maps.flatMap((map) => [...methodLeafNames(map)])) };
  return leafNamesOf.names;
}

export function typeServices(sourceCode: Readonly<TSESLint.SourceCode>): ParserServicesWithTypeInformation | undefined {
  const services = sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  return services?.program !== undefined && services.program !== null && services.esTreeNodeToTSNodeMap !== undefined
    ? (services as ParserServicesWithTypeInformation)
    : undefined;
}

/**
 * `dataNames`: method names of the API versions outside the registry the file names (phase 3,
 * src/google/analyzer.ts), also worth asking the checker about.
 */
export function detectTypedMethod(
  sourceCode: Readonly<TSESLint.SourceCode>,
  callee: TSESTree.Node,
  dataNames?: ReadonlySet<string>,
): MethodInfo | undefined {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberKeyName(callee);
  if (name === undefined || !(analysedLeafNames().has(name) || dataNames?.has(name) === true)) return undefined;
  const services = typeServices(sourceCode);
  if (services === undefined) return undefined;
  const checker = services.program.getTypeChecker();
  const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(callee.object));
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol === undefined) return undefined;
  for (const declaration of symbol.getDeclarations() ?? []) {
    const map = typingsApi(declaration.getSourceFile().fileName);
    const resource = map === undefined ? undefined : resourceOfClassName(map, symbol.getName());
    const method = resource === undefined ? undefined : map?.methods.get(`${resource}.${name}`);
    if (method !== undefined) return method;
  }
  return undefined;
}

/** `Resource$Users$Settings$Sendas` → `users.settings.sendAs` in `map` (the profile lists the classes that break the rule). */
export function resourceOfClassName(map: ApiMap, className: string): string | undefined {
  if (!className.startsWith('Resource$')) return undefined;
  const irregular = versionProfileOf(map)?.version.irregularResourceClasses;
  for (const [path, name] of Object.entries(irregular ?? {})) if (name === className) return path;
  const lowerPath = className.slice('Resource$'.length).split('$').join('.').toLowerCase();
  return resourcesByLowerPath(map).get(lowerPath);
}
