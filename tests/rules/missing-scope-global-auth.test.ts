import fs from 'node:fs';
import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// `google.options({ auth })` is process-wide: another module's global auth that isn't a traced
// auth object (an API key, `await makeAuth()`) makes the token of a client made without `auth`
// unknown, so neither the project's consent nor the file judges its calls (review 4 H11).
const ruleTester = untypedRuleTester({ project: true });
const AUTH = 'https://www.googleapis.com/auth';

function fixture(project: string, file: string): { code: string; filename: string } {
  const filename = path.join(FIXTURES, project, file);
  return { code: fs.readFileSync(filename, 'utf8'), filename };
}

ruleTester.run('missing-scope (global auth set in another module)', rule, {
  valid: [
    { name: "H11: the entry module's google.options({ auth: API_KEY })", ...fixture('project-global-key', 'stats.js') },
    { name: "H11: the entry module's google.options({ auth: await makeAuth() })", ...fixture('project-global-unknown', 'stats.js') },
  ],
  invalid: [
    {
      name: 'no module sets a global auth: judged against the project’s consent',
      ...fixture('project-global-none', 'stats.js'),
      errors: [
        {
          messageId: 'missingProjectScope',
          line: 2,
          column: 30,
          data: {
            api: 'YouTube Data',
            method: 'videos.list',
            accepted: 'youtube.readonly or broader',
            sites: 'login.js:3',
            add: `\`${AUTH}/youtube.readonly\``,
          },
        },
      ],
    },
  ],
});
