/**
 * Reads a Google API discovery document (`https://<api>.googleapis.com/$discovery/rest?version=<v>`)
 * into the same scope-map shape as the typings parser.
 *
 * Method ids are built from the resource/method keys (`users.messages.send`), which is
 * what the Node.js client exposes, rather than from `method.id` (`gmail.users.messages.send`),
 * whose prefix is not always the API name. Paths are `servicePath + path` (not `flatPath`),
 * which is what the generated clients request.
 */
import { firstSentence, type MethodInfo, type ParameterInfo, type ScopeMap } from './scope-map.ts';

export interface DiscoveryParameter {
  type?: string;
  location?: string;
  required?: boolean;
  repeated?: boolean;
  enum?: string[];
  description?: string;
  [key: string]: unknown;
}

export interface DiscoveryMethod {
  id?: string;
  httpMethod: string;
  path: string;
  flatPath?: string;
  description?: string;
  parameters?: Record<string, DiscoveryParameter>;
  parameterOrder?: string[];
  scopes?: string[];
  request?: unknown;
  response?: unknown;
  supportsMediaUpload?: boolean;
  mediaUpload?: { protocols?: { simple?: { path?: string } } };
  [key: string]: unknown;
}

export interface DiscoveryResource {
  methods?: Record<string, DiscoveryMethod>;
  resources?: Record<string, DiscoveryResource>;
}

export interface DiscoveryDocument extends DiscoveryResource {
  name: string;
  version: string;
  title?: string;
  revision?: string;
  rootUrl: string;
  servicePath?: string;
  [key: string]: unknown;
}

function fail(message: string): never {
  throw new Error(`discovery document: ${message}`);
}

function joinPath(servicePath: string, path: string): string {
  return `${servicePath}${path}`.replace(/^\/+/, '').replace(/([^:]\/)\/+/g, '$1');
}

/** Parses a discovery document (already JSON-parsed) into a scope map. */
export function parseDiscovery(doc: DiscoveryDocument, source?: Record<string, string>): ScopeMap {
  if (!doc || typeof doc !== 'object') fail('not an object');
  if (typeof doc.name !== 'string' || typeof doc.version !== 'string') fail('missing name/version');
  if (typeof doc.rootUrl !== 'string') fail('missing rootUrl');
  const servicePath = doc.servicePath ?? '';
  const methods: Record<string, MethodInfo> = {};

  const walk = (resource: DiscoveryResource, prefix: string[]): void => {
    for (const [name, m] of Object.entries(resource.methods ?? {})) {
      const id = [...prefix, name].join('.');
      if (typeof m.httpMethod !== 'string' || typeof m.path !== 'string') fail(`${id}: missing httpMethod/path`);
      const parameters: Record<string, ParameterInfo> = {};
      for (const [pname, p] of Object.entries(m.parameters ?? {})) {
        if (p.location !== 'path' && p.location !== 'query') fail(`${id}.${pname}: unsupported location ${String(p.location)}`);
        const info: ParameterInfo = { location: p.location, required: p.required === true };
        if (Array.isArray(p.enum) && p.enum.length > 0) info.enum = [...p.enum];
        parameters[pname] = info;
      }
      const info: MethodInfo = {
        httpMethod: m.httpMethod.toUpperCase(),
        path: joinPath(servicePath, m.path),
        description: firstSentence(m.description ?? ''),
        scopes: [...(m.scopes ?? [])],
        parameters,
      };
      const mediaPath = m.mediaUpload?.protocols?.simple?.path;
      if (mediaPath) info.mediaPath = joinPath('', mediaPath);
      if (m.request !== undefined) info.requestBody = true;
      if (m.supportsMediaUpload || m.mediaUpload) info.media = true;
      if (methods[id]) fail(`${id}: duplicate method id`);
      methods[id] = info;
    }
    for (const [name, child] of Object.entries(resource.resources ?? {})) walk(child, [...prefix, name]);
  };
  walk(doc, []);

  return {
    api: doc.name,
    version: doc.version,
    title: doc.title ?? doc.name,
    rootUrl: doc.rootUrl,
    source: source ?? { discovery: `${doc.name}:${doc.version}`, ...(doc.revision ? { revision: doc.revision } : {}) },
    methods,
  };
}
