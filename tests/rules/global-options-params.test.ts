import fs from 'node:fs';
import path from 'node:path';
import metadataScope from '../../src/rules/metadata-scope.ts';
import missingScope from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// `google.options({ params })`: the lowest options layer of every request of a client made by
// googleapis' `google` object (googleapis-common 9.3.1 build/src/apirequest.js:61-67), so its
// parameters are part of each call's shape, and an `auth` among them wins over the client's
// (apirequest.js:93 `params.auth || options.auth`). Real fixture files under
// tests/fixtures/reach/global-params*: the auth objects come from another module.
const ruleTester = untypedRuleTester();
const REACH = path.join(FIXTURES, 'reach');

function fixture(...parts: string[]): { code: string; filename: string } {
  const filename = path.join(REACH, ...parts);
  return { code: fs.readFileSync(filename, 'utf8'), filename };
}

const JS = fixture('global-params', 'index.js');
const TS = fixture('global-params-ts', 'index.ts');

ruleTester.run("metadata-scope: google.options({ params: { alt: 'media' } })", metadataScope, {
  valid: [
    {
      name: 'google.options() called twice with params: either may be in force, alt unknown',
      code: JS.code.replace(
        "google.options({ auth, params: { alt: 'media' } });",
        "google.options({ auth, params: { alt: 'media' } });\ngoogle.options({ auth, params: { alt: 'json' } });",
      ),
      filename: JS.filename,
    },
    {
      name: 'a client made with new drive_v3.Drive(), not by the google object: google.options() does not reach it',
      code: JS.code.replace("const drive = google.drive('v3');", 'const drive = new google.drive_v3.Drive({ auth });'),
      filename: JS.filename,
    },
  ],
  invalid: [
    {
      name: "JS: alt 'media' set globally, auth from another module: a media download under drive.metadata.readonly",
      ...JS,
      errors: [
        {
          line: 8,
          messageId: 'scopeTrap',
          data: {
            api: 'Drive',
            method: 'files.get',
            granted: 'only drive.metadata.readonly',
            source: 'the GoogleAuth on line 3 in ./auth.js',
            reason: "`alt: 'media'` downloads content, not metadata",
          },
        },
      ],
    },
  ],
});

ruleTester.run('missing-scope: google.options({ params: { auth } })', missingScope, {
  valid: [
    { name: 'TS: the global params auth (drive) wins over the client’s drive.metadata.readonly', ...TS },
    {
      name: 'TS: google.options() with options that can not be read: they may hold a params auth, unknown',
      code: TS.code.replace('google.options({ params: { auth: fullAuth } });', 'google.options(globalOptions());'),
      filename: TS.filename,
    },
    {
      name: 'TS: params that can not be read may hold an auth: unknown',
      code: TS.code.replace('google.options({ params: { auth: fullAuth } });', 'google.options({ params: globalParams() });'),
      filename: TS.filename,
    },
  ],
  invalid: [
    {
      name: 'TS: the global params auth (drive.metadata.readonly) wins over the client’s drive',
      code: TS.code
        .replace('{ params: { auth: fullAuth } }', '{ params: { auth: metadataAuth } }')
        .replace("version: 'v3', auth: metadataAuth", "version: 'v3', auth: fullAuth"),
      filename: TS.filename,
      output: null,
      errors: [
        {
          line: 8,
          messageId: 'missingScope',
          data: {
            api: 'Drive',
            method: 'files.delete',
            accepted: 'drive',
            requested: 'drive.metadata.readonly',
            source: 'the GoogleAuth on line 3 in ./auth.ts',
            add: '`https://www.googleapis.com/auth/drive`',
            where: ' to ./auth.ts',
          },
        },
      ],
    },
  ],
});
