import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { GMAIL_V1, methodLeafNames } from '../scopes/api-map.ts';
import type { MethodInfo } from '../scopes/api-map.ts';
import { memberKeyName } from '../core/static-value.ts';

/**
 * With type information, the receiver's type names the Gmail resource exactly:
 * `gmail_v1.Resource$Users$Messages` → `users.messages`, wherever the object came from.
 * The checker is asked only after a cheap name match (the property is a Gmail method name).
 */

/** `users.settings.sendas` (lower-cased, as the generated class names are) → `users.settings.sendAs`. */
const RESOURCE_BY_LOWER_PATH = new Map<string, string>();
for (const id of GMAIL_V1.methods.keys()) {
  const parts = id.split('.');
  for (let end = 1; end < parts.length; end++) {
    const resource = parts.slice(0, end).join('.');
    RESOURCE_BY_LOWER_PATH.set(resource.toLowerCase(), resource);
  }
}

/** Where the Gmail typings live: `@googleapis/gmail/build/v1.d.ts` or `googleapis/build/src/apis/gmail/v1.d.ts`. */
const GMAIL_TYPINGS = /[\\/](?:@googleapis[\\/]gmail[\\/]|googleapis[\\/]build[\\/]src[\\/]apis[\\/]gmail[\\/])/;

export function typeServices(sourceCode: Readonly<TSESLint.SourceCode>): ParserServicesWithTypeInformation | undefined {
  const services = sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  return services?.program !== undefined && services.program !== null && services.esTreeNodeToTSNodeMap !== undefined
    ? (services as ParserServicesWithTypeInformation)
    : undefined;
}

export function detectTypedGmailMethod(
  sourceCode: Readonly<TSESLint.SourceCode>,
  callee: TSESTree.Node,
): MethodInfo | undefined {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberKeyName(callee);
  if (name === undefined || !methodLeafNames(GMAIL_V1).has(name)) return undefined;
  const services = typeServices(sourceCode);
  if (services === undefined) return undefined;
  const checker = services.program.getTypeChecker();
  const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(callee.object));
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol === undefined) return undefined;
  const resource = resourceOfClassName(symbol.getName());
  if (resource === undefined) return undefined;
  const declaredInGmailTypings = (symbol.getDeclarations() ?? []).some((declaration) =>
    GMAIL_TYPINGS.test(declaration.getSourceFile().fileName),
  );
  if (!declaredInGmailTypings) return undefined;
  return GMAIL_V1.methods.get(`${resource}.${name}`);
}

/** `Resource$Users$Settings$Sendas` → `users.settings.sendAs`. */
export function resourceOfClassName(className: string): string | undefined {
  if (!className.startsWith('Resource$')) return undefined;
  const lowerPath = className.slice('Resource$'.length).split('$').join('.').toLowerCase();
  return RESOURCE_BY_LOWER_PATH.get(lowerPath);
}
