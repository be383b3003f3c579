import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// An exported scope list that a third module writes into (`import { SCOPES } …; SCOPES.push(…)` in
// widen.js) is unknown in every other importer, as one its own module writes into (review 3 H10).
// Found through the project (its importers), so only while the project may be searched. Real
// fixture modules under tests/fixtures/imported-writes.
const ruleTester = untypedRuleTester({ project: true });
const DIR = path.join(FIXTURES, 'imported-writes');
const DELETE = {
  api: 'Drive',
  method: 'files.delete',
  accepted: 'drive',
  requested: 'drive.readonly',
  add: '`https://www.googleapis.com/auth/drive`',
};
const reader = (name: string, module: string): string => `
import { google } from 'googleapis';
import { ${name} } from '${module}';
const auth = new google.auth.GoogleAuth({ scopes: ${name} });
await google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`;

ruleTester.run('missing-scope (an imported list another module writes into)', rule, {
  valid: [
    {
      name: 'ES modules: widen.js pushes to SCOPES (imported under another name)',
      code: reader('SCOPES', './scopes.js'),
      filename: path.join(DIR, 'a.js'),
    },
    {
      name: 'TypeScript: lists-writer.ts unshifts into an index module’s LIST',
      code: reader('LIST', './lists'),
      filename: path.join(DIR, 'a.ts'),
    },
    { name: 'the same index module by its full path', code: reader('LIST', './lists/index.ts'), filename: path.join(DIR, 'b.ts') },
    {
      name: 'CommonJS: config-writer.cjs pushes to CONFIG.scopes (destructured require)',
      code: `
const { google } = require('googleapis');
const { CONFIG } = require('./config.js');
const auth = new google.auth.GoogleAuth({ scopes: CONFIG.scopes });
google.drive({ version: 'v3', auth }).files.delete({ fileId: 'x' });
`,
      filename: path.join(DIR, 'a.cjs'),
    },
  ],
  invalid: [
    {
      name: 'a list of the same module that no importer writes into is judged',
      code: reader('FIXED', './scopes.js'),
      filename: path.join(DIR, 'a.js'),
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: { ...DELETE, source: 'the GoogleAuth on line 4', where: ' to `FIXED` in ./scopes.js' },
        },
      ],
    },
    {
      // `project: false` searches no other module: the writer is not seen (documented in the README).
      name: 'project: false reads the literal',
      code: reader('SCOPES', './scopes.js'),
      filename: path.join(DIR, 'a.js'),
      settings: { 'googleapis-scopes': { project: false } },
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: { ...DELETE, source: 'the GoogleAuth on line 4', where: ' to `SCOPES` in ./scopes.js' },
        },
      ],
    },
  ],
});
