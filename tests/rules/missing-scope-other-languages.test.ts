import fs from 'node:fs';
import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// The project inventory can't read another language's source, yet a Python back end or an Android
// sign-in may mint the tokens the JavaScript code uses: a scope URL in such a file makes the
// inventory incomplete, so no "never requested" claim is made (review 4 H8).
const ruleTester = untypedRuleTester({ project: true });
const AUTH = 'https://www.googleapis.com/auth';

function fixture(project: string, file: string): { code: string; filename: string } {
  const filename = path.join(FIXTURES, project, file);
  return { code: fs.readFileSync(filename, 'utf8'), filename };
}

ruleTester.run('missing-scope (scopes requested in other languages)', rule, {
  valid: [
    { name: "H8: an Android app's sign-in (Kotlin) requests calendar.events", ...fixture('project-other-kotlin', 'worker/sync.js') },
    { name: "H8: a Python back end's OAuth flow requests calendar.events", ...fixture('project-other-python', 'worker/sync.js') },
  ],
  invalid: [
    {
      name: 'a Python script without a scope leaves the inventory complete',
      ...fixture('project-other-none', 'worker/sync.js'),
      errors: [
        {
          messageId: 'missingProjectScope',
          line: 7,
          column: 10,
          data: {
            api: 'Calendar',
            method: 'events.insert',
            accepted: 'calendar.events.owned or broader',
            sites: 'web/login.js:3',
            add: `\`${AUTH}/calendar.events.owned\``,
          },
        },
      ],
    },
  ],
});
