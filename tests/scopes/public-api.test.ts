import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };

const drive = (s: string): string => `https://www.googleapis.com/auth/drive${s}`;

describe("the public data API ('eslint-plugin-googleapis-scopes/scopes')", () => {
  it('loads nothing on import and then only the API version asked for', async () => {
    vi.resetModules();
    const data = await import('../../src/scopes/apis-data.ts');
    const api = await import('../../src/scopes/public.ts');
    expect(data.loadedApiVersions()).toEqual([]);
    api.acceptedScopes('drive', 'v3', 'files.list');
    api.listMethods('drive', 'v3');
    api.acceptedScopes('drive', 'v9', 'files.list');
    api.acceptedScopes('nope', 'v1', 'x.y');
    expect(data.loadedApiVersions()).toEqual(['drive:v3']);
    api.scopeGrants('drive', 'v3', 'https://www.googleapis.com/auth/drive');
    api.listApis();
    api.getApiProfile('sheets');
    expect(data.loadedApiVersions()).toEqual(['drive:v3']);
  });

  it("returns the accepted scopes of Drive, Calendar and Sheets methods, in Google's order", async () => {
    const { acceptedScopes } = await import('../../src/scopes/public.ts');
    expect(acceptedScopes('drive', 'v3', 'files.list')).toEqual([
      drive(''),
      drive('.appdata'),
      drive('.file'),
      drive('.meet.readonly'),
      drive('.metadata'),
      drive('.metadata.readonly'),
      drive('.photos.readonly'),
      drive('.readonly'),
    ]);
    expect(acceptedScopes('calendar', 'v3', 'events.insert')).toEqual([
      'https://www.googleapis.com/auth/calendar',
      'https://www.googleapis.com/auth/calendar.app.created',
      'https://www.googleapis.com/auth/calendar.events',
      'https://www.googleapis.com/auth/calendar.events.owned',
    ]);
    expect(acceptedScopes('sheets', 'v4', 'spreadsheets.values.get')).toEqual([
      drive(''),
      drive('.file'),
      drive('.readonly'),
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/spreadsheets.readonly',
    ]);
    expect(acceptedScopes('gmail', 'v1', 'users.messages.delete')).toEqual(['https://mail.google.com/']);
    expect(acceptedScopes('admin', 'directory_v1', 'users.list')).toContain(
      'https://www.googleapis.com/auth/admin.directory.user.readonly',
    );
  });

  it('returns undefined for unknown methods: not in the data, no sample, or `scopes: []` (never "no scope needed")', async () => {
    const { acceptedScopes, getMethod, listMethods } = await import('../../src/scopes/public.ts');
    expect(acceptedScopes('drive', 'v3', 'files.nope')).toBeUndefined();
    expect(acceptedScopes('drive', 'v1', 'files.list')).toBeUndefined();
    expect(acceptedScopes('nope', 'v3', 'files.list')).toBeUndefined();
    // healthcare v1: no sample in the typings.
    expect(listMethods('healthcare', 'v1')).toContain('projects.locations.get');
    expect(acceptedScopes('healthcare', 'v1', 'projects.locations.get')).toBeUndefined();
    expect(getMethod('healthcare', 'v1', 'projects.locations.get')?.scopes).toBeUndefined();
    // adexperiencereport v1: the sample lists `scopes: []`.
    expect(getMethod('adexperiencereport', 'v1', 'violatingSites.list')).toMatchObject({
      httpMethod: 'GET',
      path: 'v1/violatingSites',
      scopes: undefined,
    });
    expect(acceptedScopes('adexperiencereport', 'v1', 'violatingSites.list')).toBeUndefined();
  });

  it('never turns an argument into a file path or an inherited property', async () => {
    const { acceptedScopes, getApiProfile, listMethods } = await import('../../src/scopes/public.ts');
    for (const name of ['__proto__', 'constructor', 'toString', '../index', 'drive/../gmail', '']) {
      expect(listMethods(name, 'v1')).toBeUndefined();
      expect(listMethods('drive', name)).toBeUndefined();
      expect(acceptedScopes('drive', 'v3', name)).toBeUndefined();
      expect(getApiProfile(name)).toBeUndefined();
    }
    expect(acceptedScopes(undefined as unknown as string, 'v3', 'files.list')).toBeUndefined();
  });

  it('lists APIs, versions and methods', async () => {
    const { listApis, listMethods } = await import('../../src/scopes/public.ts');
    const apis = listApis();
    expect(apis).toHaveLength(333);
    expect(apis.reduce((n, a) => n + a.versions.length, 0)).toBe(602);
    expect(apis.reduce((n, a) => n + a.versions.reduce((m, v) => m + v.methods, 0), 0)).toBe(24768);
    expect(apis.find((a) => a.api === 'drive')).toEqual({
      api: 'drive',
      versions: [
        { version: 'v2', methods: 75, unknownMethods: 0, orderFacts: true },
        { version: 'v3', methods: 64, unknownMethods: 0, orderFacts: true },
      ],
    });
    expect(apis.find((a) => a.api === 'admin')?.versions.map((v) => v.version)).toEqual(['datatransfer_v1', 'directory_v1', 'reports_v1']);
    const methods = listMethods('drive', 'v3');
    expect(methods).toHaveLength(64);
    expect(methods?.slice(0, 3)).toEqual(['about.get', 'accessproposals.get', 'accessproposals.list']);
    expect(methods).toContain('files.list');
  });

  it('describes a method: HTTP method, paths, parameters, body and upload', async () => {
    const { getMethod } = await import('../../src/scopes/public.ts');
    expect(getMethod('drive', 'v3', 'files.get')).toEqual({
      api: 'drive',
      version: 'v3',
      id: 'files.get',
      httpMethod: 'GET',
      path: 'drive/v3/files/{fileId}',
      scopes: [
        drive(''),
        drive('.appdata'),
        drive('.file'),
        drive('.meet.readonly'),
        drive('.metadata'),
        drive('.metadata.readonly'),
        drive('.photos.readonly'),
        drive('.readonly'),
      ],
      parameters: {
        fileId: { location: 'path', required: true },
        acknowledgeAbuse: { location: 'query', required: false },
        includeLabels: { location: 'query', required: false },
        includePermissionsForView: { location: 'query', required: false },
        supportsAllDrives: { location: 'query', required: false },
        supportsTeamDrives: { location: 'query', required: false },
      },
      requestBody: false,
      media: false,
    });
    expect(getMethod('drive', 'v3', 'files.create')).toMatchObject({
      httpMethod: 'POST',
      mediaPath: 'upload/drive/v3/files',
      requestBody: true,
      media: true,
      scopes: [drive(''), drive('.appdata'), drive('.file')],
    });
  });

  it("gives each API's profile: packages, factory, typings names, host, prefixes, root resources", async () => {
    const { getApiProfile } = await import('../../src/scopes/public.ts');
    const profile = getApiProfile('sheets');
    expect(profile).toEqual({
      packages: ['googleapis', '@googleapis/sheets'],
      factory: 'google.sheets',
      versions: {
        v4: {
          title: 'Google Sheets API',
          namespace: 'sheets_v4',
          className: 'Sheets',
          rootUrl: 'https://sheets.googleapis.com/',
          host: 'sheets.googleapis.com',
          pathPrefixes: ['v4/'],
          rootResources: ['spreadsheets'],
        },
      },
    });
    expect(getApiProfile('drive')?.versions.v3).toMatchObject({
      namespace: 'drive_v3',
      className: 'Drive',
      host: 'www.googleapis.com',
      pathPrefixes: ['drive/v3/'],
      uploadPathPrefixes: ['upload/drive/v3/'],
    });
    expect(getApiProfile('youtubeAnalytics')).toMatchObject({
      packages: ['googleapis', '@googleapis/youtubeanalytics'],
      factory: 'google.youtubeAnalytics',
    });
    expect(getApiProfile('admin')?.versions.directory_v1).toMatchObject({
      namespace: 'admin_directory_v1',
      className: 'Admin',
      pathPrefixes: ['admin/directory/v1/', 'admin/directory_v1/'],
    });
  });

  it('is typed', async () => {
    const { acceptedScopes, listMethods, listApis } = await import('../../src/scopes/public.ts');
    expectTypeOf(acceptedScopes).parameters.toEqualTypeOf<[string, string, string]>();
    expectTypeOf(acceptedScopes).returns.toEqualTypeOf<string[] | undefined>();
    expectTypeOf(listMethods).returns.toEqualTypeOf<string[] | undefined>();
    expectTypeOf(listApis()[0]!.versions[0]!.unknownMethods).toEqualTypeOf<number>();
  });

  it('is exported as ./scopes with its types', () => {
    expect(packageJson.exports['./scopes']).toEqual({ types: './dist/scopes/public.d.ts', default: './dist/scopes/public.js' });
    expect(packageJson.scripts.build).toContain('scripts/copy-data.mjs');
  });
});
