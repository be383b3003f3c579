/**
 * Reads a googleapis client source (`@googleapis/<api>/<version>.ts`, the generated
 * TypeScript that ships in every per-API package) with the TypeScript compiler API
 * and extracts one entry per API method.
 *
 * What comes from where in the generated source:
 * - the resource tree: `class Resource$Users { messages: Resource$Users$Messages; ... }`
 *   starting from the API's root class (`class Gmail { users: Resource$Users }`);
 * - per method, from its implementation body: `const rootUrl = options.rootUrl || '<root>'`
 *   and `const parameters = { options: Object.assign({ url: (rootUrl + '/<path>')..., method:
 *   'POST' }, options), mediaUrl: (rootUrl + '/upload/<path>')..., requiredParams: [...],
 *   pathParams: [...] }`;
 * - per method, from its JSDoc: the description (text before the first tag) and the
 *   accepted scopes (the `scopes: [...]` array of the `@example` code, which is itself
 *   parsed as JavaScript);
 * - the parameters: the members of the `Params$Resource$...` interface taken by the
 *   method (StandardParameters are inherited, not declared there); `requestBody` and
 *   `media` members become the booleans `requestBody: true` / `media: true`.
 *
 * The typings carry no enum values for parameters (the generator drops them; e.g.
 * gmail's `format` is documented only as "The format to return the message in."), so
 * `enum` is never emitted from this input.
 */
import ts from 'typescript';
import { firstSentence, type MethodInfo, type ParameterInfo, type ScopeMap } from './scope-map.ts';

export interface ParseTypingsOptions {
  /** API name, e.g. `gmail`. Inferred from the `<api>_<version>` namespace when omitted. */
  api?: string;
  /** API version, e.g. `v1`. Inferred from the namespace when omitted. */
  version?: string;
  /** Recorded as-is in the output's `source` field. */
  source?: Record<string, string>;
  /** File name used in error messages. */
  fileName?: string;
}

interface MethodImpl {
  httpMethod: string;
  path: string;
  mediaPath?: string;
  requiredParams: string[];
  pathParams: string[];
  rootUrl?: string;
}

interface MethodDecl {
  name: string;
  doc?: string;
  paramsType?: string;
  impl?: MethodImpl;
}

interface ClassInfo {
  name: string;
  doc?: string;
  /** property name -> class name of the sub-resource */
  resources: Map<string, string>;
  methods: Map<string, MethodDecl>;
}

interface ParamMember {
  name: string;
  doc?: string;
}

class TypingsError extends Error {
  constructor(fileName: string, message: string) {
    super(`${fileName}: ${message}`);
    this.name = 'TypingsError';
  }
}

/** The text of the last `/** ... *\/` comment directly before `node`, without the comment markup. */
export function jsDocText(node: ts.Node, sourceText: string): string | undefined {
  const ranges = ts.getLeadingCommentRanges(sourceText, node.getFullStart()) ?? [];
  for (let i = ranges.length - 1; i >= 0; i--) {
    const r = ranges[i]!;
    const raw = sourceText.slice(r.pos, r.end);
    if (r.kind === ts.SyntaxKind.MultiLineCommentTrivia && raw.startsWith('/**')) {
      return stripCommentMarkup(raw);
    }
  }
  return undefined;
}

/** `/**\n * a\n *   b\n *\/` -> `a\n  b` (keeps indentation after the `* ` margin). */
export function stripCommentMarkup(raw: string): string {
  const body = raw.replace(/^\/\*\*/, '').replace(/\*\/$/, '');
  return body
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*\* ?/, '').replace(/^\s+$/, ''))
    .join('\n')
    .trim();
}

/** Description part of a JSDoc text: everything before the first block tag line. */
export function jsDocDescription(doc: string): string {
  const lines = doc.split('\n');
  const tagIndex = lines.findIndex((l) => /^\s*@\w/.test(l));
  return (tagIndex === -1 ? lines : lines.slice(0, tagIndex)).join('\n').trim();
}

/** The code of the first fenced block of the `@example` tag, or undefined. */
export function exampleCode(doc: string): string | undefined {
  const lines = doc.split('\n');
  const exampleAt = lines.findIndex((l) => /^\s*@example\b/.test(l));
  if (exampleAt === -1) return undefined;
  const open = lines.findIndex((l, i) => i > exampleAt && l.trim() !== '');
  if (open === -1) return undefined;
  if (!/^\s*```/.test(lines[open]!)) {
    // Older generator output (e.g. plus/v1, appsactivity/v1): an unfenced sample that
    // runs until the next block tag.
    const next = lines.findIndex((l, i) => i > exampleAt && /^\s*@\w/.test(l));
    return lines.slice(exampleAt + 1, next === -1 ? undefined : next).join('\n');
  }
  // The sample contains nested fences inside `//` comments (```sh ... ```), so the
  // block ends at the first fence line at column 0 after the opening one.
  const close = lines.findIndex((l, i) => i > open && /^```\s*$/.test(l));
  if (close === -1) return undefined;
  return lines.slice(open + 1, close).join('\n');
}

/**
 * Scopes of a JSDoc `@example` sample: the string elements of the `scopes: [...]`
 * property (in `new google.auth.GoogleAuth({ scopes: [...] })`). Returns undefined when
 * the sample has no such property; throws when it has several or a non-literal element.
 */
export function exampleScopes(doc: string): string[] | undefined {
  const code = exampleCode(doc);
  if (code === undefined || !code.includes('scopes')) return undefined;
  const sf = ts.createSourceFile('example.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && propertyName(node.name) === 'scopes' && ts.isArrayLiteralExpression(node.initializer)) {
      found.push(
        node.initializer.elements.map((e) => {
          if (ts.isStringLiteralLike(e)) return e.text;
          throw new Error(`non-literal scope in example: ${e.getText(sf)}`);
        }),
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (found.length > 1) throw new Error(`example has ${found.length} scopes arrays`);
  return found[0];
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

function typeRefName(type: ts.TypeNode | undefined): string | undefined {
  if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) return type.typeName.text;
  return undefined;
}

/** Statements of the API namespace (`export namespace gmail_v1 { ... }`) and its name. */
function apiNamespace(sf: ts.SourceFile): { name?: string; statements: readonly ts.Statement[] } {
  for (const st of sf.statements) {
    if (ts.isModuleDeclaration(st) && st.body && ts.isModuleBlock(st.body) && ts.isIdentifier(st.name)) {
      return { name: st.name.text, statements: st.body.statements };
    }
  }
  return { statements: sf.statements };
}

function stringArray(expr: ts.Expression, what: string, fail: (m: string) => never): string[] {
  if (!ts.isArrayLiteralExpression(expr)) fail(`${what} is not an array literal`);
  return expr.elements.map((e) => {
    if (!ts.isStringLiteralLike(e)) fail(`${what} has a non-literal element`);
    return e.text;
  });
}

function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

/** `(rootUrl + '/gmail/v1/x').replace(/([^:]\/)\/+/g, '$1')` -> `gmail/v1/x` */
function urlPath(expr: ts.Expression, fail: (m: string) => never): string {
  let e = unwrap(expr);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'replace') {
    e = unwrap(e.expression.expression);
  }
  if (
    ts.isBinaryExpression(e) &&
    e.operatorToken.kind === ts.SyntaxKind.PlusToken &&
    ts.isIdentifier(unwrap(e.left)) &&
    ts.isStringLiteralLike(unwrap(e.right))
  ) {
    return (unwrap(e.right) as ts.StringLiteralLike).text.replace(/^\/+/, '');
  }
  return fail(`unrecognised URL expression: ${expr.getText()}`);
}

function findVariable(body: ts.Node, name: string): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) {
      found = node.initializer;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

function objectProps(obj: ts.ObjectLiteralExpression): Map<string, ts.Expression> {
  const props = new Map<string, ts.Expression>();
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p)) {
      const n = propertyName(p.name);
      if (n !== undefined) props.set(n, p.initializer);
    }
  }
  return props;
}

function parseImplementation(body: ts.Block, fail: (m: string) => never): MethodImpl {
  const paramsInit = findVariable(body, 'parameters');
  if (!paramsInit || !ts.isObjectLiteralExpression(unwrap(paramsInit))) fail('no `const parameters = {...}`');
  const props = objectProps(unwrap(paramsInit) as ts.ObjectLiteralExpression);

  const options = props.get('options');
  const assign = options && unwrap(options);
  if (!assign || !ts.isCallExpression(assign) || !assign.arguments[0] || !ts.isObjectLiteralExpression(assign.arguments[0])) {
    fail('`parameters.options` is not Object.assign({...}, options)');
  }
  const requestOptions = objectProps(assign.arguments[0] as ts.ObjectLiteralExpression);
  const url = requestOptions.get('url');
  const method = requestOptions.get('method');
  if (!url) fail('no request url');
  if (!method || !ts.isStringLiteralLike(method)) fail('no literal HTTP method');

  const impl: MethodImpl = {
    httpMethod: (method as ts.StringLiteralLike).text.toUpperCase(),
    path: urlPath(url as ts.Expression, fail),
    requiredParams: stringArray(props.get('requiredParams') ?? fail('no requiredParams'), 'requiredParams', fail),
    pathParams: stringArray(props.get('pathParams') ?? fail('no pathParams'), 'pathParams', fail),
  };
  const mediaUrl = props.get('mediaUrl');
  if (mediaUrl) impl.mediaPath = urlPath(mediaUrl, fail);

  const rootInit = findVariable(body, 'rootUrl');
  const root = rootInit && unwrap(rootInit);
  if (root && ts.isBinaryExpression(root) && ts.isStringLiteralLike(unwrap(root.right))) {
    impl.rootUrl = (unwrap(root.right) as ts.StringLiteralLike).text;
  }
  return impl;
}

/** Parses the generated TypeScript source of one googleapis API into a scope map. */
export function parseTypings(sourceText: string, options: ParseTypingsOptions = {}): ScopeMap {
  const fileName = options.fileName ?? 'typings.ts';
  const sf = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const err = (m: string): never => {
    throw new TypingsError(fileName, m);
  };
  const ns = apiNamespace(sf);

  const classes = new Map<string, ClassInfo>();
  const paramsInterfaces = new Map<string, ParamMember[]>();

  for (const st of ns.statements) {
    if (ts.isClassDeclaration(st) && st.name) {
      const info: ClassInfo = {
        name: st.name.text,
        doc: jsDocText(st, sourceText),
        resources: new Map(),
        methods: new Map(),
      };
      for (const member of st.members) {
        if (ts.isPropertyDeclaration(member)) {
          const name = propertyName(member.name);
          const type = typeRefName(member.type);
          if (name !== undefined && type?.startsWith('Resource$')) info.resources.set(name, type);
        } else if (ts.isMethodDeclaration(member)) {
          const name = propertyName(member.name);
          if (name === undefined) continue;
          const decl = info.methods.get(name) ?? { name };
          info.methods.set(name, decl);
          decl.doc ??= jsDocText(member, sourceText);
          const firstParamType = typeRefName(member.parameters[0]?.type);
          if (firstParamType?.startsWith('Params$')) decl.paramsType ??= firstParamType;
          if (member.body) {
            decl.impl = parseImplementation(member.body, (m) => err(`${info.name}.${name}: ${m}`));
          }
        }
      }
      classes.set(info.name, info);
    } else if (ts.isInterfaceDeclaration(st) && st.name.text.startsWith('Params$')) {
      const members: ParamMember[] = [];
      for (const m of st.members) {
        if (!ts.isPropertySignature(m)) continue;
        const name = propertyName(m.name);
        if (name !== undefined) members.push({ name, doc: jsDocText(m, sourceText) });
      }
      paramsInterfaces.set(st.name.text, members);
    }
  }

  const roots = [...classes.values()].filter((c) => !c.name.startsWith('Resource$'));
  if (roots.length !== 1) {
    err(`expected exactly one API root class, found ${roots.length} (${roots.map((c) => c.name).join(', ')})`);
  }
  const root = roots[0]!;

  let api = options.api;
  let version = options.version;
  if ((api === undefined || version === undefined) && ns.name) {
    const m = /^(.+)_(v\d.*)$/.exec(ns.name);
    if (m) {
      api ??= m[1];
      version ??= m[2];
    }
  }
  if (api === undefined || version === undefined) err('cannot infer API name/version; pass them explicitly');

  const methods: Record<string, MethodInfo> = {};
  const rootUrls = new Set<string>();
  const visited = new Set<string>();

  const walk = (cls: ClassInfo, prefix: string[]): void => {
    if (visited.has(cls.name)) err(`resource cycle at ${cls.name}`);
    visited.add(cls.name);
    for (const decl of cls.methods.values()) {
      if (decl.name === 'constructor') continue;
      const id = [...prefix, decl.name].join('.');
      const fail = (m: string): never => err(`${id}: ${m}`);
      if (!decl.impl) fail('method has no implementation body');
      if (!decl.doc) fail('method has no JSDoc');
      const impl = decl.impl!;
      const doc = decl.doc!;
      if (impl.rootUrl) rootUrls.add(impl.rootUrl);

      let scopes: string[] | undefined;
      try {
        scopes = exampleScopes(doc);
      } catch (e) {
        fail((e as Error).message);
      }
      if (scopes === undefined) fail('no `scopes: [...]` in the JSDoc example');

      const paramsType = decl.paramsType ?? fail('no Params$ type on the method signature');
      const members = paramsInterfaces.get(paramsType) ?? fail(`interface ${paramsType} not found`);
      const parameters: Record<string, ParameterInfo> = {};
      const info: MethodInfo = {
        httpMethod: impl.httpMethod,
        path: impl.path,
        description: firstSentence(jsDocDescription(doc)),
        scopes: scopes!,
        parameters,
      };
      if (impl.mediaPath !== undefined) info.mediaPath = impl.mediaPath;
      for (const member of members) {
        if (member.name === 'requestBody') {
          info.requestBody = true;
        } else if (member.name === 'media') {
          info.media = true;
        } else {
          parameters[member.name] = {
            location: impl.pathParams.includes(member.name) ? 'path' : 'query',
            required: impl.requiredParams.includes(member.name),
          };
        }
      }
      for (const p of [...impl.pathParams, ...impl.requiredParams]) {
        if (!(p in parameters)) fail(`parameter ${p} is in pathParams/requiredParams but not in ${paramsType}`);
      }
      if (methods[id]) fail('duplicate method id');
      methods[id] = info;
    }
    for (const [prop, className] of cls.resources) {
      const child = classes.get(className) ?? err(`resource class ${className} not found`);
      walk(child, [...prefix, prop]);
    }
  };
  walk(root, []);

  if (Object.keys(methods).length === 0) err('no methods found');
  if (rootUrls.size !== 1) err(`expected one root URL, found: ${[...rootUrls].join(', ') || 'none'}`);
  const title = root.doc ? (root.doc.split('\n')[0] ?? '').trim() : '';
  if (!title) err(`root class ${root.name} has no title in its JSDoc`);

  return {
    api: api!,
    version: version!,
    title,
    rootUrl: [...rootUrls][0]!,
    source: { ...(options.source ?? {}) },
    methods,
  };
}

/**
 * Every scope string listed in any JSDoc `@example` `scopes: [...]` array of a googleapis
 * source or declaration file (`build/src/apis/<api>/<version>.d.ts`). Only class members are
 * inspected (that is where the method samples live), which keeps this fast on ~180 MB of
 * declarations.
 */
export function collectScopesFromTypings(sourceText: string, fileName = 'typings.d.ts'): string[] {
  const sf = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out = new Set<string>();
  const fromStatements = (statements: readonly ts.Statement[]): void => {
    for (const st of statements) {
      if (ts.isModuleDeclaration(st) && st.body && ts.isModuleBlock(st.body)) {
        fromStatements(st.body.statements);
      } else if (ts.isClassDeclaration(st)) {
        for (const member of st.members) {
          if (!ts.isMethodDeclaration(member)) continue;
          const doc = jsDocText(member, sourceText);
          if (!doc || !doc.includes('scopes')) continue;
          let scopes: string[] | undefined;
          try {
            scopes = exampleScopes(doc);
          } catch (e) {
            throw new Error(`${fileName}: ${(e as Error).message}`);
          }
          for (const s of scopes ?? []) out.add(s);
        }
      }
    }
  };
  fromStatements(sf.statements);
  return [...out];
}
