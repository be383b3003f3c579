import rule from '../../src/rules/missing-scope.ts';
import { typedRuleTester } from './rule-tester.ts';

// With type information, the receiver's type names the Gmail resource wherever it came from.
const ruleTester = typedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';

ruleTester.run('missing-scope (typed)', rule, {
  valid: [
    {
      name: 'a typed resource whose scopes are covered',
      code: `
import type { gmail_v1 } from '@googleapis/gmail';
import { createMessages } from './mail-service.js';
export const SCOPES = ['${AUTH}/gmail.send'];
const messages: gmail_v1.Resource$Users$Messages = createMessages();
await messages.send({ userId: 'me' });
`,
    },
    {
      name: 'a look-alike type from another library is not Gmail',
      code: `
class Messages { send(_: object) {} }
export const SCOPES = ['${AUTH}/gmail.labels'];
declare const messages: Messages;
messages.send({ userId: 'me' });
`,
    },
  ],
  invalid: [
    {
      name: 'a resource returned by a factory in another module',
      code: `
import { createMessages } from './mail-service.js';
export const SCOPES = ['${AUTH}/gmail.readonly'];
const messages = createMessages();
await messages.send({ userId: 'me' });
`,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 7,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: 'gmail.send or broader',
            source: 'this file',
            requested: 'gmail.readonly',
            add: '`https://www.googleapis.com/auth/gmail.send`',
            where: ' to `SCOPES`',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://www.googleapis.com/auth/gmail.send`' },
              output: `
import { createMessages } from './mail-service.js';
export const SCOPES = ['${AUTH}/gmail.readonly', '${AUTH}/gmail.send'];
const messages = createMessages();
await messages.send({ userId: 'me' });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'settings resources map from generated class names (Resource$Users$Settings$Sendas)',
      code: `
import type { gmail_v1 } from '@googleapis/gmail';
export const SCOPES = ['${AUTH}/gmail.settings.basic'];
export async function addAlias(sendAs: gmail_v1.Resource$Users$Settings$Sendas) {
  await sendAs.create({ userId: 'me', requestBody: { sendAsEmail: 'alias@example.com' } });
}
`,
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.settings.sendAs.create',
            accepted: 'gmail.settings.sharing',
            source: 'this file',
            requested: 'gmail.settings.basic',
            add: '`https://www.googleapis.com/auth/gmail.settings.sharing`',
            where: ' to `SCOPES`',
          },
          suggestions: [
            {
              messageId: 'addScopes',
              data: { add: '`https://www.googleapis.com/auth/gmail.settings.sharing`' },
              output: `
import type { gmail_v1 } from '@googleapis/gmail';
export const SCOPES = ['${AUTH}/gmail.settings.basic', '${AUTH}/gmail.settings.sharing'];
export async function addAlias(sendAs: gmail_v1.Resource$Users$Settings$Sendas) {
  await sendAs.create({ userId: 'me', requestBody: { sendAsEmail: 'alias@example.com' } });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
