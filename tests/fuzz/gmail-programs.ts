/**
 * Random Gmail programs for property-based tests (fast-check) and for the benchmark's typed
 * corpus: scope declarations in every style users write (arrays on one line or many,
 * space-delimited strings, template literals, a prefix constant, comments, trailing commas),
 * GoogleAuth / JWT auth objects, `google.gmail({ version: 'v1', auth })` clients and calls of
 * real Gmail methods, with random formatting around them.
 *
 * A spec is plain data (shrinkable by fast-check); `renderProgram` turns it into source text.
 */
import fc from 'fast-check';
import { GMAIL_V1 } from '../../src/scopes/api-map.ts';
import { SCOPE_URL_PREFIX } from '../../src/scopes/catalog.ts';

/** Every scope a Gmail method accepts, plus a few broken spellings for valid-scope's fixes. */
export const GMAIL_SCOPES: readonly string[] = [...new Set([...GMAIL_V1.methods.values()].flatMap((method) => method.scopes))].sort();
const BROKEN_SCOPES = [
  'gmail.send', // short form
  'https://www.googleapis.com/auth/gmail.readOnly', // case
  'http://www.googleapis.com/auth/gmail.labels', // scheme
  'https://mail.google.com', // missing trailing slash
  'https://www.googleapis.com/auth/gmial.modify', // typo
];
export const METHOD_IDS: readonly string[] = [...GMAIL_V1.methods.keys()];

export type ScopeForm = 'literal' | 'template' | 'prefix-plus' | 'prefix-template';

export interface ScopeDeclarationSpec {
  /** `array`: `[a, b]`; `string`: `'a b'`; `joined`: `[a, b].join(' ')`. */
  readonly container: 'array' | 'string' | 'joined';
  readonly scopes: readonly { readonly url: string; readonly form: ScopeForm }[];
  readonly multiline: boolean;
  readonly trailingComma: boolean;
  readonly paddedBrackets: boolean;
  /** Where comments go inside the declaration. */
  readonly comments: 'none' | 'leading' | 'trailing' | 'inner';
  /** TypeScript only: `as const`, `: string[]`, `satisfies string[]`. */
  readonly tsAnnotation: 'none' | 'as-const' | 'typed' | 'satisfies';
}

export interface CallSpec {
  readonly method: string;
  /** `format` for methods that take one (undefined: omitted). */
  readonly format: 'full' | 'raw' | 'metadata' | 'minimal' | undefined;
  readonly withQuery: boolean;
  readonly style: 'await' | 'then' | 'return-void' | 'destructured';
}

export interface ClientSpec {
  readonly auth: 'GoogleAuth' | 'JWT-options' | 'JWT-positional';
  /** `inline`: `scopes: [...]` in the constructor; `const`: `const SCOPES = [...]` then `scopes: SCOPES`. */
  readonly placement: 'inline' | 'const';
  readonly constName: string;
  readonly declaration: ScopeDeclarationSpec;
  readonly clientOptions: 'version-first' | 'auth-first' | 'auth-explicit';
  readonly calls: readonly CallSpec[];
}

export interface ProgramSpec {
  readonly language: 'js' | 'ts';
  readonly moduleStyle: 'esm' | 'cjs';
  readonly prefixName: string;
  readonly quote: "'" | '"';
  readonly indent: '  ' | '    ' | '\t';
  readonly semicolons: boolean;
  readonly headerComment: boolean;
  readonly blankLines: boolean;
  readonly clients: readonly ClientSpec[];
}

const scopeUrl = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...GMAIL_SCOPES) },
  { weight: 1, arbitrary: fc.constantFrom(...BROKEN_SCOPES) },
);

const scopeDeclaration = fc.record<ScopeDeclarationSpec>({
  container: fc.constantFrom('array', 'array', 'array', 'string', 'joined'),
  scopes: fc.uniqueArray(
    fc.record({ url: scopeUrl, form: fc.constantFrom<ScopeForm>('literal', 'literal', 'template', 'prefix-plus', 'prefix-template') }),
    { maxLength: 4, selector: (scope) => scope.url },
  ),
  multiline: fc.boolean(),
  trailingComma: fc.boolean(),
  paddedBrackets: fc.boolean(),
  comments: fc.constantFrom('none', 'none', 'leading', 'trailing', 'inner'),
  tsAnnotation: fc.constantFrom('none', 'as-const', 'typed', 'satisfies'),
});

const call = fc.record<CallSpec>({
  method: fc.constantFrom(...METHOD_IDS),
  format: fc.constantFrom(undefined, 'full', 'raw', 'metadata', 'minimal'),
  withQuery: fc.boolean(),
  style: fc.constantFrom('await', 'await', 'then', 'return-void', 'destructured'),
});

const client = fc.record<ClientSpec>({
  auth: fc.constantFrom('GoogleAuth', 'GoogleAuth', 'JWT-options', 'JWT-positional'),
  placement: fc.constantFrom('inline', 'const'),
  constName: fc.constantFrom('SCOPES', 'GMAIL_SCOPES', 'scopes'),
  declaration: scopeDeclaration,
  clientOptions: fc.constantFrom('version-first', 'auth-first', 'auth-explicit'),
  calls: fc.array(call, { minLength: 1, maxLength: 4 }),
});

export const programSpec: fc.Arbitrary<ProgramSpec> = fc.record<ProgramSpec>({
  language: fc.constantFrom('js', 'ts'),
  moduleStyle: fc.constantFrom('esm', 'cjs'),
  prefixName: fc.constantFrom('PREFIX', 'SCOPE_PREFIX', 'AUTH_BASE'),
  quote: fc.constantFrom("'", '"'),
  indent: fc.constantFrom('  ', '    ', '\t'),
  semicolons: fc.boolean(),
  headerComment: fc.boolean(),
  blankLines: fc.boolean(),
  clients: fc.array(client, { minLength: 1, maxLength: 2 }),
});

/** The file name a spec is linted under. */
export function programFilename(spec: ProgramSpec): string {
  return spec.language === 'ts' ? 'fuzz.ts' : spec.moduleStyle === 'esm' ? 'fuzz.mjs' : 'fuzz.cjs';
}

/** Source text for a spec. Always syntactically valid JavaScript / TypeScript. */
export function renderProgram(spec: ProgramSpec): string {
  const { quote: q, indent } = spec;
  const semi = spec.semicolons ? ';' : '';
  const str = (value: string): string => `${q}${value}${q}`;
  const lines: string[] = [];
  const blank = (): void => {
    if (spec.blankLines) lines.push('');
  };
  if (spec.headerComment) lines.push('// Gmail helper (generated for a property-based test).');
  lines.push(
    spec.moduleStyle === 'esm'
      ? `import { google } from ${str('googleapis')}${semi}`
      : `const { google } = require(${str('googleapis')})${semi}`,
  );
  blank();
  const usesPrefix = spec.clients.some(
    (c) =>
      c.declaration.container !== 'string' &&
      c.declaration.scopes.some((scope) => scope.form.startsWith('prefix') && scope.url.startsWith(SCOPE_URL_PREFIX)),
  );
  if (usesPrefix) lines.push(`const ${spec.prefixName} = ${str(SCOPE_URL_PREFIX)}${semi}`);

  const usedConstNames = new Set<string>();
  spec.clients.forEach((clientSpec, index) => {
    const suffix = index === 0 ? '' : String(index + 1);
    let constName = clientSpec.constName + suffix;
    while (usedConstNames.has(constName)) constName += '_';
    usedConstNames.add(constName);
    const authName = `auth${suffix}`;
    const gmailName = `gmail${suffix}`;
    const declarationText = renderDeclaration(spec, clientSpec.declaration);
    let scopesExpression = declarationText;
    if (clientSpec.placement === 'const') {
      const annotation = spec.language === 'ts' ? clientSpec.declaration.tsAnnotation : 'none';
      const typeText = annotation === 'typed' ? (clientSpec.declaration.container === 'array' ? ': string[]' : ': string') : '';
      const after =
        annotation === 'as-const' && clientSpec.declaration.container !== 'joined'
          ? ' as const'
          : annotation === 'satisfies'
            ? clientSpec.declaration.container === 'array'
              ? ' satisfies string[]'
              : ' satisfies string'
            : '';
      lines.push(`const ${constName}${typeText} = ${declarationText}${after}${semi}`);
      scopesExpression = constName;
    }
    blank();
    lines.push(...renderAuth(spec, clientSpec, authName, scopesExpression));
    const clientOptions =
      clientSpec.clientOptions === 'version-first'
        ? `{ version: ${str('v1')}, auth: ${authName} }`
        : clientSpec.clientOptions === 'auth-first'
          ? `{ auth: ${authName}, version: ${str('v1')} }`
          : `{\n${indent}version: ${str('v1')},\n${indent}auth: ${authName},\n}`;
    lines.push(`const ${gmailName} = google.gmail(${clientOptions})${semi}`);
    blank();
    const fnHeader =
      spec.language === 'ts' ? `export async function run${index}(): Promise<void> {` : `export async function run${index}() {`;
    lines.push(spec.moduleStyle === 'esm' ? fnHeader : fnHeader.replace('export ', ''));
    clientSpec.calls.forEach((callSpec, callIndex) => {
      for (const line of renderCall(spec, gmailName, callSpec, callIndex)) lines.push(`${indent}${line}`);
    });
    lines.push('}');
    if (spec.moduleStyle === 'cjs') lines.push(`module.exports.run${index} = run${index}${semi}`);
  });
  return `${lines.join('\n')}\n`;
}

function renderAuth(spec: ProgramSpec, clientSpec: ClientSpec, authName: string, scopes: string): string[] {
  const { quote: q, indent } = spec;
  const semi = spec.semicolons ? ';' : '';
  const key = 'process.env.KEY';
  switch (clientSpec.auth) {
    case 'GoogleAuth':
      return [
        `const ${authName} = new google.auth.GoogleAuth({`,
        `${indent}keyFile: ${q}credentials.json${q},`,
        `${indent}scopes: ${indent2(scopes, indent)},`,
        `})${semi}`,
      ];
    case 'JWT-options':
      return [
        `const ${authName} = new google.auth.JWT({`,
        `${indent}email: ${q}robot@example.iam.gserviceaccount.com${q},`,
        `${indent}key: ${key},`,
        `${indent}scopes: ${indent2(scopes, indent)},`,
        `${indent}subject: ${q}user@example.com${q},`,
        `})${semi}`,
      ];
    case 'JWT-positional':
      return [
        `const ${authName} = new google.auth.JWT(${q}robot@example.iam.gserviceaccount.com${q}, undefined, ${key}, ${scopes}, ${q}user@example.com${q})${semi}`,
      ];
  }
}

/** Re-indents a multi-line expression that is placed one level deep. */
function indent2(text: string, indent: string): string {
  return text.split('\n').join(`\n${indent}`);
}

function renderDeclaration(spec: ProgramSpec, declaration: ScopeDeclarationSpec): string {
  const { quote: q, indent } = spec;
  if (declaration.container === 'string') {
    const value = declaration.scopes.map((scope) => scope.url).join(' ');
    const text = declaration.scopes[0]?.form === 'template' ? `\`${value}\`` : `${q}${value}${q}`;
    return declaration.comments === 'leading' ? `/* scopes */ ${text}` : text;
  }
  const elements = declaration.scopes.map(({ url, form }) => {
    const prefixed = url.startsWith(SCOPE_URL_PREFIX);
    const suffix = url.slice(SCOPE_URL_PREFIX.length);
    if (form === 'template') return `\`${url}\``;
    if (form === 'prefix-plus' && prefixed) return `${spec.prefixName} + ${q}${suffix}${q}`;
    if (form === 'prefix-template' && prefixed) return `\`\${${spec.prefixName}}${suffix}\``;
    return `${q}${url}${q}`;
  });
  let array: string;
  const pad = declaration.paddedBrackets ? ' ' : '';
  if (declaration.multiline) {
    const body = elements.map((element, index) => {
      const last = index === elements.length - 1;
      const comma = !last || declaration.trailingComma ? ',' : '';
      const lead = declaration.comments === 'leading' && index === 0 ? '// requested scopes\n' + indent : '';
      const trail = declaration.comments === 'trailing' ? ` // scope ${index + 1}` : '';
      const inner = declaration.comments === 'inner' ? '/* scope */ ' : '';
      return `${indent}${lead}${inner}${element}${comma}${trail}`;
    });
    if (elements.length === 0 && declaration.comments !== 'none') body.push(`${indent}// none yet`);
    array = body.length === 0 ? '[\n]' : `[\n${body.join('\n')}\n]`;
  } else {
    const inner = elements.map((element) => (declaration.comments === 'inner' ? `/* s */ ${element}` : element)).join(', ');
    const comma = declaration.trailingComma && elements.length > 0 ? ',' : '';
    const lead = declaration.comments === 'leading' ? '/* scopes */ ' : '';
    const trail = declaration.comments === 'trailing' ? ' /* end */' : '';
    array = elements.length === 0 ? `[${lead}${trail}]` : `[${pad}${lead}${inner}${comma}${trail}${pad}]`;
  }
  return declaration.container === 'joined' ? `${array}.join(${q} ${q})` : array;
}

function renderCall(spec: ProgramSpec, gmailName: string, callSpec: CallSpec, index: number): string[] {
  const { quote: q } = spec;
  const semi = spec.semicolons ? ';' : '';
  const method = GMAIL_V1.methods.get(callSpec.method);
  const parameters = method?.parameters ?? {};
  const props = [`userId: ${q}me${q}`];
  if ('id' in parameters) props.push(`id: ${q}abc${index}${q}`);
  if ('format' in parameters && callSpec.format !== undefined) props.push(`format: ${q}${callSpec.format}${q}`);
  if ('q' in parameters && callSpec.withQuery) props.push(`q: ${q}is:unread${q}`);
  const expression = `${gmailName}.${callSpec.method}({ ${props.join(', ')} })`;
  switch (callSpec.style) {
    case 'await':
      return [`const res${index} = await ${expression}${semi}`, `console.log(res${index}.data)${semi}`];
    case 'then':
      return [`await ${expression}.then((res) => console.log(res.status))${semi}`];
    case 'return-void':
      return [`void ${expression}${semi}`];
    case 'destructured':
      return [`const { data: data${index} } = await ${expression}${semi}`, `console.log(data${index})${semi}`];
  }
}

/** Deterministic sample of programs (for the benchmark's typed corpus), with some fields fixed. */
export function samplePrograms(count: number, seed: number, overrides: Partial<ProgramSpec> = {}): { filename: string; text: string }[] {
  return fc.sample(programSpec, { numRuns: count, seed }).map((sampled, index) => {
    const spec = { ...sampled, ...overrides };
    return { filename: programFilename(spec).replace('fuzz', `gmail-${index}`), text: renderProgram(spec) };
  });
}
