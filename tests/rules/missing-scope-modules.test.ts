import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// Imports through the project's own aliases (real fixture files under tests/fixtures/aliases):
// tsconfig/jsconfig `paths` and `baseUrl` (with `extends`), and package.json `imports`; and
// clients handed on by a barrel (tests/fixtures/cross-file/barrel.ts); workspace packages of a
// monorepo (tests/fixtures/workspaces: npm `workspaces` in JavaScript, pnpm-workspace.yaml in TypeScript).
const ruleTester = untypedRuleTester();
const ALIASES = path.join(FIXTURES, 'aliases');
const WORKSPACES = path.join(FIXTURES, 'workspaces');
const SEND = {
  method: 'users.messages.send',
  accepted: 'gmail.send or broader',
  requested: 'gmail.readonly',
  add: '`https://www.googleapis.com/auth/gmail.send`',
};

ruleTester.run('missing-scope (aliases and barrels)', rule, {
  valid: [
    {
      name: 'an alias to a constant that requests the scope',
      code: `
import { google } from 'googleapis';
import { SCOPES } from '@/lib/google/auth';
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
await google.gmail({ version: 'v1', auth }).users.messages.list({ userId: 'me' });
`,
      filename: path.join(ALIASES, 'tsconfig-paths', 'src', 'app.ts'),
    },
    {
      name: 'a package name no config maps stays a package (never read)',
      code: `
import { google } from 'googleapis';
import { SCOPES } from 'some-package/auth';
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
await google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
`,
      filename: path.join(ALIASES, 'tsconfig-paths', 'src', 'app.ts'),
    },
    {
      name: 'a workspace package that requests the scope (npm workspaces, JavaScript)',
      code: `
import { google } from 'googleapis';
import { SCOPES } from '@acme/google-auth';
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
await google.gmail({ version: 'v1', auth }).users.messages.list({ userId: 'me' });
`,
      filename: path.join(WORKSPACES, 'npm-js', 'apps', 'web', 'src', 'app.js'),
    },
    {
      name: 'a subpath of a workspace package is not followed (unknown, no report)',
      code: `
import { google } from 'googleapis';
import { SCOPES } from '@acme/google-auth/scopes';
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
await google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
`,
      filename: path.join(WORKSPACES, 'npm-js', 'apps', 'web', 'src', 'app.js'),
    },
  ],
  invalid: [
    {
      name: 'tsconfig paths (defined in the config it extends): `@/lib/google/auth`',
      code: `
import { google } from 'googleapis';
import { SCOPES } from '@/lib/google/auth';
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
await google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
`,
      output: null,
      filename: path.join(ALIASES, 'tsconfig-paths', 'src', 'app.ts'),
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: { api: 'Gmail', ...SEND, source: 'the GoogleAuth on line 4', where: ' to `SCOPES` in ./lib/google/auth.ts' },
        },
      ],
    },
    {
      name: 'tsconfig paths to a client whose module imports its auth through the alias too',
      code: `
import { gmail } from '@/lib/google/client';
await gmail.users.messages.send({ userId: 'me' });
`,
      output: null,
      filename: path.join(ALIASES, 'tsconfig-paths', 'src', 'app.ts'),
      errors: [
        {
          messageId: 'missingScope',
          line: 3,
          column: 7,
          data: {
            api: 'Gmail',
            ...SEND,
            source: 'the GoogleAuth on line 5 in ./lib/google/auth.ts',
            where: ' to `SCOPES` in ./lib/google/auth.ts',
          },
        },
      ],
    },
    {
      name: 'jsconfig baseUrl and paths (JavaScript): `~/lib/scopes` and `lib/scopes`',
      code: `
import { google } from 'googleapis';
import { SCOPES } from '~/lib/scopes';
import { SCOPES as SAME } from 'lib/scopes';
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
await google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
const other = new google.auth.GoogleAuth({ scopes: SAME });
await google.gmail({ version: 'v1', auth: other }).users.messages.send({ userId: 'me' });
`,
      output: null,
      filename: path.join(ALIASES, 'jsconfig-baseurl', 'src', 'app.js'),
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 7,
          data: { api: 'Gmail', ...SEND, source: 'the GoogleAuth on line 5', where: ' to `SCOPES` in ./lib/scopes.js' },
        },
        {
          messageId: 'missingScope',
          line: 8,
          column: 7,
          data: { api: 'Gmail', ...SEND, source: 'the GoogleAuth on line 7', where: ' to `SCOPES` in ./lib/scopes.js' },
        },
      ],
    },
    {
      name: 'package.json imports (JavaScript): `#lib/auth` and a conditional `#google`',
      code: `
import { google } from 'googleapis';
import { SCOPES } from '#lib/auth';
import { gmail } from '#google';
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
await google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
await gmail.users.drafts.send({ userId: 'me' });
`,
      output: null,
      filename: path.join(ALIASES, 'package-imports', 'src', 'app.js'),
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 7,
          data: { api: 'Gmail', ...SEND, source: 'the GoogleAuth on line 5', where: ' to `SCOPES` in ./lib/auth.js' },
        },
        {
          messageId: 'missingScope',
          line: 7,
          column: 7,
          data: {
            api: 'Gmail',
            method: 'users.drafts.send',
            accepted: 'gmail.compose or broader',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.compose`',
            source: 'the GoogleAuth on line 4 in ./lib/google.js',
            where: ' to `SCOPES` in ./lib/auth.js',
          },
        },
      ],
    },
    {
      name: 'package.json imports (TypeScript): `#lib/auth` maps to ./src/lib/auth.js, written as auth.ts',
      code: `
import { google } from 'googleapis';
import { SCOPES } from '#lib/auth';
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
await google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
`,
      output: null,
      filename: path.join(ALIASES, 'package-imports-ts', 'src', 'app.ts'),
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: { api: 'Gmail', ...SEND, source: 'the GoogleAuth on line 4', where: ' to `SCOPES` in ./lib/auth.ts' },
        },
      ],
    },
    {
      name: 'Google clients re-exported by a barrel (`export { x as y } from`, `export *`): traced to the module that makes them',
      code: `
import { sharedGmail, mailer } from './barrel';
await sharedGmail.users.messages.send({ userId: 'me' });
await mailer.users.messages.send({ userId: 'me' });
`,
      output: null,
      filename: path.join(FIXTURES, 'cross-file', 'app.ts'),
      errors: [
        {
          messageId: 'missingScope',
          line: 3,
          column: 7,
          data: { api: 'Gmail', ...SEND, source: 'the GoogleAuth on line 4 in ./gmail-client.ts', where: ' to `SCOPES` in ./scopes.ts' },
        },
        {
          messageId: 'missingScope',
          line: 4,
          column: 7,
          data: { api: 'Gmail', ...SEND, source: 'the GoogleAuth on line 3 in ./lib/oauth.js', where: ' to ./lib/oauth.js' },
        },
      ],
    },
    {
      name: 'npm workspaces (JavaScript): `@acme/google-auth` is packages/google-auth, its unbuilt dist entry read as src/index.js',
      code: `
import { google } from 'googleapis';
import { SCOPES } from '@acme/google-auth';
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
await google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
`,
      output: null,
      filename: path.join(WORKSPACES, 'npm-js', 'apps', 'web', 'src', 'app.js'),
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: {
            api: 'Gmail',
            ...SEND,
            source: 'the GoogleAuth on line 4',
            where: ' to `SCOPES` in ../../../packages/google-auth/src/scopes.js',
          },
        },
      ],
    },
    {
      name: 'pnpm workspace (TypeScript): `exports` to dist mapped to src/index.ts; a client from another workspace package',
      code: `
import { google } from 'googleapis';
import { SCOPES } from '@acme/google-auth';
import { gmail } from '@acme/mailer';
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
await google.gmail({ version: 'v1', auth }).users.messages.send({ userId: 'me' });
await gmail.users.drafts.send({ userId: 'me' });
`,
      output: null,
      filename: path.join(WORKSPACES, 'pnpm-ts', 'apps', 'web', 'src', 'app.ts'),
      errors: [
        {
          messageId: 'missingScope',
          line: 6,
          column: 7,
          data: {
            api: 'Gmail',
            ...SEND,
            source: 'the GoogleAuth on line 5',
            where: ' to `SCOPES` in ../../../packages/google-auth/src/index.ts',
          },
        },
        {
          messageId: 'missingScope',
          line: 7,
          column: 7,
          data: {
            api: 'Gmail',
            method: 'users.drafts.send',
            accepted: 'gmail.compose or broader',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.compose`',
            source: 'the GoogleAuth on line 4 in ../../../packages/mailer/src/client.ts',
            where: ' to `SCOPES` in ../../../packages/google-auth/src/index.ts',
          },
        },
      ],
    },
  ],
});
