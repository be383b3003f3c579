import fs from 'node:fs';
import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// REVIEW-3 M5: clients made in one module (tests/fixtures/imported-clients/lib) and called by two
// names in route files (`calendar.events.insert`, `drive.files.delete`). Such a file names no
// Google library; the gate opens it for its import and its chain, and the analysis follows the import.
const ruleTester = untypedRuleTester();
const ROUTES = path.join(FIXTURES, 'imported-clients', 'routes');
const route = (name: string): { code: string; filename: string } => ({
  code: fs.readFileSync(path.join(ROUTES, name), 'utf8'),
  filename: path.join(ROUTES, name),
});

ruleTester.run('missing-scope (clients imported from another module)', rule, {
  valid: [
    { name: 'Calendar events.list under calendar.readonly (JavaScript)', ...route('calendar-list.js') },
    { name: '`store.files.list()` on a module that is not Google: opened, silent', ...route('uploads.js') },
  ],
  invalid: [
    {
      name: 'Calendar events.insert on an imported client (JavaScript)',
      ...route('event.js'),
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 10,
          data: {
            api: 'Calendar',
            method: 'events.insert',
            accepted: 'calendar.events.owned or broader',
            requested: 'calendar.readonly and drive.readonly',
            source: 'the GoogleAuth on line 4 in ../lib/google.js',
            add: '`https://www.googleapis.com/auth/calendar.events.owned`',
            where: ' to ../lib/google.js',
          },
        },
      ],
    },
    {
      name: 'Drive files.delete on an imported client (TypeScript)',
      ...route('files.ts'),
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 9,
          data: {
            api: 'Drive',
            method: 'files.delete',
            accepted: 'drive',
            requested: 'calendar.readonly and drive.readonly',
            source: 'the GoogleAuth on line 4 in ../lib/clients.ts',
            add: '`https://www.googleapis.com/auth/drive`',
            where: ' to ../lib/clients.ts',
          },
        },
      ],
    },
  ],
});
