import fs from 'node:fs';
import path from 'node:path';
import rule from '../../src/rules/missing-scope.ts';
import { FIXTURES, untypedRuleTester } from './rule-tester.ts';

// Clients handed to handlers (issue 14 item 3): a higher-order wrapper `withGmail(handler)` that
// calls the handler with a client (imported from another module), and `req.gmail` set by an
// Express middleware registered before the route in the same file. Fixtures under
// tests/fixtures/reach/{wrapper,middleware}*: the other modules are read from disk.
const ruleTester = untypedRuleTester();
const REACH = path.join(FIXTURES, 'reach');
const AUTH = 'https://www.googleapis.com/auth';
const ISOLATED = { 'googleapis-scopes': { project: false } };

function fixture(...parts: string[]): { code: string; filename: string } {
  const filename = path.join(REACH, ...parts);
  return { code: fs.readFileSync(filename, 'utf8'), filename };
}

/** middleware-ts/router.ts with its middleware registered by `router.use(…)` calls (`uses`) instead of in the route. */
const ROUTER_USE_TS = (uses: string): string =>
  fixture('middleware-ts', 'router.ts')
    .code.replace("import { serviceAuth } from './auth';", "import { serviceAuth } from './auth';\nimport { elevate } from './elevate';")
    .replace('export const router = Router();', `export const router = Router();\n${uses}`)
    .replace("'/drafts', attachGmail,", "'/drafts',");
const TRASH = {
  api: 'Gmail',
  method: 'users.messages.trash',
  accepted: 'gmail.modify or broader',
  source: 'the authenticate() call on line 3 in ./auth.js',
  requested: 'gmail.readonly',
  add: `\`${AUTH}/gmail.modify\``,
  where: ' to ./auth.js',
};
const DRAFTS = {
  api: 'Gmail',
  method: 'users.drafts.create',
  accepted: 'gmail.compose or broader',
  source: 'the GoogleAuth on line 3 in ./auth.ts',
  requested: 'gmail.send',
  add: `\`${AUTH}/gmail.compose\``,
  where: ' to ./auth.ts',
};

ruleTester.run('missing-scope (wrappers and middleware)', rule, {
  valid: [
    {
      name: 'withGmail(handler, scopes) imported: the caller’s gmail.send is judged, not the wrapper’s default',
      ...fixture('wrapper-scopes', 'send.js'),
    },
    {
      name: 'withGmail(handler, scopes) imported: a caller’s scopes that can’t be read are unknown',
      ...fixture('wrapper-scopes', 'computed.js'),
    },
    { name: 'withGmail(handler): messages.list works with the wrapper’s gmail.readonly', ...fixture('wrapper', 'list.js') },
    {
      name: 'req.gmail set by a middleware imported from another module: not traced (the project inventory is off here)',
      ...fixture('middleware', 'routes.js'),
      settings: ISOLATED,
    },
    {
      name: 'req.gmail also written by a handler that is no registered middleware: unknown',
      code: fixture('middleware', 'app.js').code.replace(
        'export default app;',
        'export const reset = (req) => { req.gmail = undefined; };\nexport default app;',
      ),
      filename: fixture('middleware', 'app.js').filename,
    },
    {
      name: 'req.gmail with an imported route middleware before the handler (JS): it may replace req.gmail, unknown',
      code: fixture('middleware', 'app.js')
        .code.replace(
          "import { authorize } from './auth.js';",
          "import { authorize } from './auth.js';\nimport { attachGmail } from './attach.js';",
        )
        .replace("app.post('/messages/:id/trash', async", "app.post('/messages/:id/trash', attachGmail, async"),
      filename: fixture('middleware', 'app.js').filename,
    },
    {
      name: 'req.gmail with an imported route middleware after the local one (TS): unknown',
      code: fixture('middleware-ts', 'router.ts')
        .code.replace(
          "import { serviceAuth } from './auth';",
          "import { serviceAuth } from './auth';\nimport { elevate } from './elevate';",
        )
        .replace("'/drafts', attachGmail,", "'/drafts', attachGmail, elevate,"),
      filename: fixture('middleware-ts', 'router.ts').filename,
    },
    {
      name: 'req.gmail with an imported app.use() middleware between the local one and the route (JS): unknown',
      code: fixture('middleware', 'app.js')
        .code.replace(
          "import { authorize } from './auth.js';",
          "import { authorize } from './auth.js';\nimport { attachGmail } from './attach.js';",
        )
        .replace("app.get('/messages'", "app.use(attachGmail);\n\napp.get('/messages'"),
      filename: fixture('middleware', 'app.js').filename,
    },
    {
      name: 'req.gmail with an imported router.use() middleware between the local one and the route (TS): unknown',
      code: ROUTER_USE_TS('router.use(attachGmail);\nrouter.use(elevate);'),
      filename: fixture('middleware-ts', 'router.ts').filename,
    },
    {
      name: 'req.gmail read in a route of another router than the middleware’s: unknown',
      code: fixture('middleware', 'app.js').code.replace("app.post('/messages/:id/trash'", "express.Router().post('/messages/:id/trash'"),
      filename: fixture('middleware', 'app.js').filename,
    },
  ],
  invalid: [
    {
      name: 'withGmail imported (JS): the handler’s third parameter is the wrapper’s client',
      ...fixture('wrapper', 'send.js'),
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: 'gmail.send or broader',
            source: 'the GoogleAuth on line 3 in ./with-gmail.js',
            requested: 'gmail.readonly',
            add: `\`${AUTH}/gmail.send\``,
            where: ' to ./with-gmail.js',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'withGmail imported (TS): a wrapper function returning a route handler',
      ...fixture('wrapper-ts', 'src', 'route.ts'),
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 5,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.messages.delete',
            accepted: 'https://mail.google.com/',
            source: 'the generateAuthUrl() call on line 4 in ./lib/with-gmail.ts',
            requested: 'gmail.modify',
            add: '`https://mail.google.com/`',
            where: ' to ./lib/with-gmail.ts',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'withGmail(handler, scopes) imported (JS): the caller’s scopes argument is judged and fixed, never the wrapper’s default',
      ...fixture('wrapper-scopes', 'trash.js'),
      output: fixture('wrapper-scopes', 'trash.js').code.replace(
        "'https://www.googleapis.com/auth/gmail.send']",
        "'https://www.googleapis.com/auth/gmail.send', 'https://www.googleapis.com/auth/gmail.modify']",
      ),
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.messages.trash',
            accepted: 'gmail.modify or broader',
            source: 'the scopes passed on line 6',
            requested: 'gmail.send',
            add: `\`${AUTH}/gmail.modify\``,
            where: '',
          },
        },
      ],
    },
    {
      name: 'withGmail(handler, scopes) imported, scopes omitted: the wrapper’s default applies',
      ...fixture('wrapper-scopes', 'default.js'),
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 4,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.messages.trash',
            accepted: 'gmail.modify or broader',
            source: 'the GoogleAuth on line 7 in ./with-gmail.js',
            requested: 'gmail.readonly',
            add: `\`${AUTH}/gmail.modify\``,
            where: ' to `READONLY` in ./with-gmail.js',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'withGmail(handler, scopes) imported (TS): the caller’s `MODIFY` is what a fix extends',
      ...fixture('wrapper-scopes', 'ts', 'route.ts'),
      output: fixture('wrapper-scopes', 'ts', 'route.ts').code.replace("gmail.modify']", "gmail.modify', 'https://mail.google.com/']"),
      errors: [
        {
          messageId: 'missingScope',
          line: 7,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.messages.delete',
            accepted: 'https://mail.google.com/',
            source: 'the scopes passed on line 9',
            requested: 'gmail.modify',
            add: '`https://mail.google.com/`',
            where: ' to `MODIFY`',
          },
        },
      ],
    },
    {
      name: 'req.gmail set by app.use() middleware (JS), auth from another module',
      ...fixture('middleware', 'app.js'),
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 17,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.messages.trash',
            accepted: 'gmail.modify or broader',
            source: 'the authenticate() call on line 3 in ./auth.js',
            requested: 'gmail.readonly',
            add: `\`${AUTH}/gmail.modify\``,
            where: ' to ./auth.js',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'req.gmail with an imported app.use() middleware before the local one (JS): the local one replaces it, still known',
      code: fixture('middleware', 'app.js').code.replace('const app = express();', 'const app = express();\napp.use(express.json());'),
      filename: fixture('middleware', 'app.js').filename,
      output: null,
      errors: [{ messageId: 'missingScope', line: 18, column: 9, data: TRASH, suggestions: [] }],
    },
    {
      name: 'req.gmail with an imported router.use() middleware before the local one (TS): still known',
      code: ROUTER_USE_TS('router.use(elevate);\nrouter.use(attachGmail);'),
      filename: fixture('middleware-ts', 'router.ts').filename,
      output: null,
      errors: [{ messageId: 'missingScope', line: 18, column: 9, data: DRAFTS, suggestions: [] }],
    },
    {
      name: 'req.gmail set by a named middleware passed before the handler (TS, `(req as GmailRequest).gmail = …`)',
      ...fixture('middleware-ts', 'router.ts'),
      output: null,
      errors: [
        {
          messageId: 'missingScope',
          line: 15,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.drafts.create',
            accepted: 'gmail.compose or broader',
            source: 'the GoogleAuth on line 3 in ./auth.ts',
            requested: 'gmail.send',
            add: `\`${AUTH}/gmail.compose\``,
            where: ' to ./auth.ts',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'req.gmail with a local route middleware that writes no req.gmail: still the app.use() client',
      code: fixture('middleware', 'app.js')
        .code.replace('const app = express();', 'const app = express();\nconst log = (req, res, next) => next();')
        .replace("app.post('/messages/:id/trash', async", "app.post('/messages/:id/trash', log, async"),
      filename: fixture('middleware', 'app.js').filename,
      output: null,
      errors: [{ messageId: 'missingScope', line: 18, column: 9, suggestions: [] }],
    },
    {
      name: 'req.gmail from a middleware in another module: the project inventory judges the untraced call',
      ...fixture('middleware', 'routes.js'),
      settings: { 'googleapis-scopes': { project: true } },
      output: null,
      errors: [
        {
          messageId: 'missingProjectScope',
          line: 8,
          column: 9,
          data: {
            api: 'Gmail',
            method: 'users.messages.send',
            accepted: 'gmail.send or broader',
            sites: 'auth.js:3',
            add: `\`${AUTH}/gmail.send\``,
          },
          suggestions: [],
        },
      ],
    },
  ],
});
