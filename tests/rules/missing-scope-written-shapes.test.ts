import rule from '../../src/rules/missing-scope.ts';
import { untypedRuleTester } from './rule-tester.ts';

// Review 3 L4: shapes of a client or a method name the analysis did not read, each a certain 403:
// a version written as a template or a constant (`google.drive(\`v3\`)`), options checked with
// `satisfies` and a version `as const`, and a method named through a constant (`files[op]`).
const ruleTester = untypedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const RO = `new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly'] })`;
const FIXED = `new google.auth.GoogleAuth({ scopes: ['${AUTH}/drive.readonly', '${AUTH}/drive'] })`;
const DELETE = {
  api: 'Drive',
  method: 'files.delete',
  accepted: 'drive',
  requested: 'drive.readonly',
  source: 'the GoogleAuth on line 3',
  where: '',
  add: `\`${AUTH}/drive\``,
};
const error = (line: number, column: number) => ({ messageId: 'missingScope' as const, line, column, data: DELETE });

const templateVersion = `
import { google } from 'googleapis';
const auth = ${RO};
export const remove = () => google.drive(\`v3\`).files.delete({ fileId: 'x' }, { auth });
`;
const constantVersion = `
import { google } from 'googleapis';
const auth = ${RO};
const VERSION = 'v3';
export const remove = () => google.drive({ version: VERSION, auth }).files.delete({ fileId: 'x' });
`;
const satisfiesOptions = `
import { google } from 'googleapis';
const auth = ${RO};
const drive = google.drive({ version: 'v3' as const, auth } satisfies Parameters<typeof google.drive>[0]);
export const remove = () => drive.files.delete({ fileId: 'x' });
`;
const constantMethod = `
import { google } from 'googleapis';
const auth = ${RO};
const drive = google.drive({ version: 'v3', auth });
const op = 'delete' as const;
export const remove = () => drive.files[op]({ fileId: 'x' });
`;

ruleTester.run('missing-scope (written shapes, review 3 L4)', rule, {
  valid: [
    {
      name: 'a version the code computes: unknown (Drive has v2 and v3)',
      code: `
import { google } from 'googleapis';
const auth = ${RO};
export const remove = (version) => google.drive({ version, auth }).files.delete({ fileId: 'x' });
`,
    },
    {
      name: 'a method name the code computes: unknown',
      code: `
import { google } from 'googleapis';
const drive = google.drive({ version: 'v3', auth: ${RO} });
export const run = (op) => drive.files[op]({ fileId: 'x' });
`,
    },
  ],
  invalid: [
    {
      name: 'google.drive(`v3`) with a per-request auth',
      code: templateVersion,
      output: templateVersion.replace(RO, FIXED),
      errors: [error(4, 29)],
    },
    {
      name: 'TypeScript: a version held in a constant',
      code: constantVersion,
      filename: 'file.ts',
      output: constantVersion.replace(RO, FIXED),
      errors: [error(5, 29)],
    },
    {
      name: 'TypeScript: options checked with satisfies, the version as const',
      code: satisfiesOptions,
      filename: 'file.ts',
      output: satisfiesOptions.replace(RO, FIXED),
      errors: [error(5, 29)],
    },
    {
      name: 'TypeScript: files[op] with a constant op',
      code: constantMethod,
      filename: 'file.ts',
      output: constantMethod.replace(RO, FIXED),
      errors: [error(6, 29)],
    },
    {
      name: 'JavaScript: files[op] with a constant op',
      code: constantMethod.replace(' as const', ''),
      output: constantMethod.replace(' as const', '').replace(RO, FIXED),
      errors: [error(6, 29)],
    },
  ],
});
