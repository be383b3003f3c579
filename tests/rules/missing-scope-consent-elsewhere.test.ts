import fs from 'node:fs';
import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// An OAuth2 client's token may carry what its users consented to in other modules (review 4 H13):
// incremental authorization (`include_granted_scopes`) or a client the module exports. Its calls
// are judged against the union with the project's other consent requests, and a fix never widens
// the login consent for an upgrade's scope. Real fixture projects under tests/fixtures.
const ruleTester = untypedRuleTester({ project: true });
const AUTH = 'https://www.googleapis.com/auth';

function fixture(project: string, file: string): { code: string; filename: string } {
  const filename = path.join(FIXTURES, project, file);
  return { code: fs.readFileSync(filename, 'utf8'), filename };
}

ruleTester.run('missing-scope (consent requested in other modules)', rule, {
  valid: [
    {
      name: "H13: the upgrade consent in another module (include_granted_scopes) allows the login client's files.delete",
      ...fixture('project-incremental', 'login.js'),
    },
    {
      name: "H13: an exported function's default scopes, extended by another module's caller",
      ...fixture('project-incremental', 'three.js'),
    },
    {
      name: 'H13: an exported client on which another module builds its own consent URL',
      ...fixture('project-exported-client', 'login.js'),
    },
  ],
  invalid: [
    {
      name: 'H13: fails under the union of every consent too: reported, with no fix into the login consent',
      ...fixture('project-incremental-narrow', 'login.js'),
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 32,
          data: {
            api: 'Drive',
            method: 'files.delete',
            accepted: 'drive',
            requested: 'openid, email, drive.readonly and drive.metadata.readonly',
            source: 'the generateAuthUrl() call on line 3 and the consent requests in upgrade.js:3',
            add: `\`${AUTH}/drive\``,
            where: '',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'H13: with project: false the file is judged alone, as the settings say',
      ...fixture('project-exported-client', 'login.js'),
      settings: { 'googleapis-scopes': { project: false } },
      output: fixture('project-exported-client', 'login.js').code.replace(
        `'${AUTH}/drive.readonly']`,
        `'${AUTH}/drive.readonly', '${AUTH}/drive']`,
      ),
      errors: [{ messageId: 'missingScope', line: 4 }],
    },
  ],
});
