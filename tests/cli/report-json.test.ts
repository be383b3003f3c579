import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, scope, scopes } from './run-cli.ts';

const RESTRICTED = "requires Google's OAuth verification and an annual third-party security assessment (CASA) for public apps";
const SENSITIVE = "requires Google's OAuth app verification";

async function json(args: readonly string[], cwd: string): Promise<{ code: number; report: Record<string, unknown>; stderr: string }> {
  const run = await runCli(['report', '--format', 'json', ...args], { cwd });
  return { code: run.code, report: JSON.parse(run.stdout) as Record<string, unknown>, stderr: run.stderr };
}

describe('report --format json', () => {
  it('reports the basic project exactly: a missing scope, an unused one, an ignored folder and a parse error', async () => {
    const { code, report, stderr } = await json([], fixture('basic'));
    expect(code).toBe(1);
    expect(stderr).toBe('googleapis-scopes: warning: skipped src/broken.js:1: Parsing error: Unexpected token ;\n');
    expect(report).toEqual({
      schemaVersion: 1,
      // eslint.config.js, src/labels.ts, src/mail.js, src/util.js (ignored/ is ignored, broken.js does not parse)
      files: 4,
      summary: { operations: 3, ok: 2, missing: 1, metadataConflicts: 0, unresolved: 0 },
      declarations: [
        {
          id: 'src/labels.ts:8:14',
          kind: 'auth',
          label: 'JWT',
          file: 'src/labels.ts',
          line: 8,
          column: 14,
          declaredAt: [{ file: 'src/labels.ts', line: 3, name: 'SCOPES' }],
          requested: scopes('gmail.labels', 'gmail.modify'),
          complete: true,
          operations: 1,
          minimal: scopes('gmail.labels'),
          missing: [],
          minimalChoices: [],
          missingChoices: [],
          unused: scopes('gmail.modify'),
        },
        {
          id: 'src/mail.js:3:14',
          kind: 'auth',
          label: 'GoogleAuth',
          file: 'src/mail.js',
          line: 3,
          column: 14,
          declaredAt: [{ file: 'src/mail.js', line: 4, name: null }],
          requested: scopes('gmail.readonly'),
          complete: true,
          operations: 2,
          // least privilege: {send, metadata} opens fewer methods than {modify}
          minimal: scopes('gmail.modify'),
          missing: scopes('gmail.send'),
          minimalChoices: [],
          missingChoices: [],
          unused: [],
        },
      ],
      operations: [
        {
          method: 'users.labels.list',
          api: 'gmail',
          version: 'v1',
          via: 'client',
          file: 'src/labels.ts',
          line: 12,
          column: 10,
          declaration: 'src/labels.ts:8:14',
          accepted: [...scopes('gmail.labels', 'gmail.metadata', 'gmail.readonly', 'gmail.modify'), 'https://mail.google.com/'],
          needs: { scopes: scopes('gmail.labels', 'gmail.metadata'), orBroader: true },
          metadata: 'not-applicable',
          credentialFailure: null,
          status: 'ok',
        },
        {
          method: 'users.messages.list',
          api: 'gmail',
          version: 'v1',
          via: 'client',
          file: 'src/mail.js',
          line: 9,
          column: 10,
          declaration: 'src/mail.js:3:14',
          accepted: [...scopes('gmail.metadata', 'gmail.readonly', 'gmail.modify'), 'https://mail.google.com/'],
          needs: { scopes: scopes('gmail.metadata'), orBroader: true },
          metadata: 'ok',
          credentialFailure: null,
          status: 'ok',
        },
        {
          method: 'users.messages.send',
          api: 'gmail',
          version: 'v1',
          via: 'client',
          file: 'src/mail.js',
          line: 13,
          column: 10,
          declaration: 'src/mail.js:3:14',
          accepted: [
            ...scopes('gmail.addons.current.action.compose', 'gmail.send', 'gmail.compose', 'gmail.modify'),
            'https://mail.google.com/',
          ],
          // What missing-scope names: "needs gmail.send or broader".
          needs: { scopes: scopes('gmail.send'), orBroader: true },
          metadata: 'not-applicable',
          credentialFailure: null,
          status: 'missing',
        },
      ],
      requested: scopes('gmail.labels', 'gmail.readonly', 'gmail.modify'),
      minimal: scopes('gmail.modify'),
      missing: scopes('gmail.send'),
      minimalChoices: [],
      missingChoices: [],
      unused: scopes('gmail.modify'),
      classification: {
        [scope('gmail.labels')]: {
          label: 'gmail.labels',
          classification: 'non-sensitive',
          verification: 'no verification needed',
          addOnOnly: false,
          knownGoogleScope: true,
          misspelling: null,
          description: 'Create, read, update and delete labels only.',
        },
        [scope('gmail.send')]: {
          label: 'gmail.send',
          classification: 'sensitive',
          verification: SENSITIVE,
          addOnOnly: false,
          knownGoogleScope: true,
          misspelling: null,
          description: 'Send messages only; no read or modify access to the mailbox.',
        },
        [scope('gmail.readonly')]: {
          label: 'gmail.readonly',
          classification: 'restricted',
          verification: RESTRICTED,
          addOnOnly: false,
          knownGoogleScope: true,
          misspelling: null,
          description: 'Read all resources and their metadata; no write operations.',
        },
        [scope('gmail.modify')]: {
          label: 'gmail.modify',
          classification: 'restricted',
          verification: RESTRICTED,
          addOnOnly: false,
          knownGoogleScope: true,
          misspelling: null,
          description: 'All read/write operations except immediate, permanent deletion of threads and messages (bypassing Trash).',
        },
      },
      verification: { requested: 'restricted', minimal: 'restricted' },
      skipped: [{ file: 'src/broken.js', line: 1, message: 'Parsing error: Unexpected token ;' }],
    });
    // The JSON lists classification entries narrowest first.
    expect(Object.keys(report.classification as object)).toEqual(scopes('gmail.labels', 'gmail.send', 'gmail.readonly', 'gmail.modify'));
  });

  it('groups calls by where their scopes come from: auth objects, file declarations, settings, unknown', async () => {
    const { code, report } = await json([], fixture('sources'));
    expect(code).toBe(1);
    expect(report.declarations).toEqual([
      {
        id: 'src/compose.js:5:16',
        kind: 'auth',
        label: 'GoogleAuth',
        file: 'src/compose.js',
        line: 5,
        column: 16,
        // imported from another module: the name and file, no line
        declaredAt: [{ file: 'src/scopes.js', line: null, name: 'SCOPES' }],
        requested: scopes('gmail.compose'),
        complete: true,
        operations: 2,
        minimal: scopes('gmail.compose'),
        missing: [],
        minimalChoices: [],
        missingChoices: [],
        unused: [],
      },
      {
        id: 'src/file-scopes.js:3:29',
        kind: 'file',
        label: 'scopes declared in the file',
        file: 'src/file-scopes.js',
        line: 3,
        column: 29,
        declaredAt: [{ file: 'src/file-scopes.js', line: 3, name: 'GMAIL_SCOPES' }],
        requested: scopes('gmail.readonly'),
        complete: true,
        operations: 1,
        minimal: scopes('gmail.readonly'),
        missing: [],
        minimalChoices: [],
        missingChoices: [],
        unused: [],
      },
      {
        id: 'src/oauth.js:3:16',
        kind: 'auth',
        label: 'OAuth2 client',
        file: 'src/oauth.js',
        line: 3,
        column: 16,
        // the consent URL's scope list
        declaredAt: [{ file: 'src/oauth.js', line: 6, name: null }],
        requested: scopes('gmail.labels'),
        complete: true,
        operations: 2,
        minimal: scopes('gmail.modify'),
        missing: scopes('gmail.modify'),
        minimalChoices: [],
        missingChoices: [],
        unused: [],
      },
      {
        id: 'settings',
        kind: 'settings',
        label: "settings['googleapis-scopes'].scopes",
        file: null,
        line: null,
        column: null,
        declaredAt: [],
        requested: scopes('gmail.send'),
        complete: true,
        operations: 1,
        minimal: scopes('gmail.send'),
        missing: [],
        minimalChoices: [],
        missingChoices: [],
        unused: [],
      },
      {
        id: 'unresolved',
        kind: 'unresolved',
        label: 'calls whose scopes could not be traced',
        file: null,
        line: null,
        column: null,
        declaredAt: [],
        requested: [],
        complete: false,
        operations: 1,
        minimal: scopes('gmail.readonly'),
        missing: [],
        minimalChoices: [],
        missingChoices: [],
        unused: [],
      },
    ]);
    const operations = report.operations as { method: string; file: string; line: number; declaration: string | null; status: string }[];
    expect(
      operations.map(({ method, file, line, declaration, status }) => ({ method, at: `${file}:${line}`, declaration, status })),
    ).toEqual([
      { method: 'users.drafts.create', at: 'src/compose.js:8', declaration: 'src/compose.js:5:16', status: 'ok' },
      { method: 'users.messages.send', at: 'src/compose.js:9', declaration: 'src/compose.js:5:16', status: 'ok' },
      { method: 'users.threads.list', at: 'src/file-scopes.js:7', declaration: 'src/file-scopes.js:3:29', status: 'ok' },
      { method: 'users.labels.create', at: 'src/oauth.js:10', declaration: 'src/oauth.js:3:16', status: 'ok' },
      { method: 'users.messages.trash', at: 'src/oauth.js:11', declaration: 'src/oauth.js:3:16', status: 'missing' },
      { method: 'users.messages.send', at: 'src/settings/notify.js:6', declaration: 'settings', status: 'ok' },
      { method: 'users.history.list', at: 'src/unknown.js:6', declaration: null, status: 'unresolved' },
    ]);
    expect(report.summary).toEqual({ operations: 7, ok: 5, missing: 1, metadataConflicts: 0, unresolved: 1 });
    expect(report.requested).toEqual(scopes('gmail.labels', 'gmail.send', 'gmail.compose', 'gmail.readonly'));
    expect(report.minimal).toEqual(scopes('gmail.modify'));
    expect(report.missing).toEqual(scopes('gmail.modify'));
    expect(report.unused).toEqual([]);
    expect(report.verification).toEqual({ requested: 'restricted', minimal: 'restricted' });
  });

  it('reports calls that break under gmail.metadata (a failure, as in eslint), and gmail.metadata as unused', async () => {
    const { code, report } = await json([], fixture('covered'));
    expect(code).toBe(1);
    expect(report.summary).toEqual({ operations: 2, ok: 1, missing: 0, metadataConflicts: 1, unresolved: 0 });
    const operations = report.operations as { method: string; metadata: string; status: string }[];
    expect(operations.map(({ method, metadata, status }) => ({ method, metadata, status }))).toEqual([
      { method: 'users.labels.list', metadata: 'not-applicable', status: 'ok' },
      // format omitted: the default is full, which gmail.metadata forbids
      { method: 'users.messages.get', metadata: 'breaks', status: 'metadata-conflict' },
    ]);
    expect(report.requested).toEqual(scopes('gmail.metadata', 'gmail.readonly'));
    expect(report.minimal).toEqual(scopes('gmail.readonly'));
    expect(report.missing).toEqual([]);
    expect(report.unused).toEqual(scopes('gmail.metadata'));
  });

  it('reports only the paths it is given', async () => {
    const { code, report, stderr } = await json(['src/labels.ts'], fixture('basic'));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(report.files).toBe(1);
    expect((report.operations as { method: string }[]).map((operation) => operation.method)).toEqual(['users.labels.list']);
    expect(report.unused).toEqual(scopes('gmail.modify'));
  });

  it('honours the project ignores, and says so when an ignored file is named', async () => {
    const { code, report, stderr } = await json(['ignored/old.js'], fixture('basic'));
    expect(code).toBe(0);
    expect(report.files).toBe(0);
    expect(report.operations).toEqual([]);
    expect(report.skipped).toEqual([{ file: 'ignored/old.js', line: null, message: 'ignored by the ESLint config' }]);
    expect(stderr).toBe('googleapis-scopes: warning: skipped ignored/old.js: ignored by the ESLint config\n');
  });

  it('accepts another ESLint config with --config', async () => {
    // The `covered` project's config knows nothing of basic's ignores: ignored/old.js is linted.
    const { code, report } = await json(['--config', '../covered/eslint.config.js', 'ignored'], fixture('basic'));
    expect(code).toBe(1);
    const operations = report.operations as { method: string; file: string; status: string }[];
    expect(operations.map(({ method, file, status }) => ({ method, file, status }))).toEqual([
      { method: 'users.messages.delete', file: 'ignored/old.js', status: 'missing' },
    ]);
    expect(report.missing).toEqual(['https://mail.google.com/']);
  });

  it('follows clients and auth objects imported from other modules', async () => {
    const { code, report } = await json([], fixture('cross-file'));
    expect(code).toBe(1);
    const declarations = new Map((report.declarations as { id: string; requested: string[] }[]).map((item) => [item.id, item]));
    const operations = report.operations as { method: string; file: string; line: number; declaration: string; status: string }[];
    expect(
      operations.map(({ method, file, line, declaration, status }) => ({
        method,
        at: `${file}:${line}`,
        status,
        requested: declarations.get(declaration)?.requested,
      })),
    ).toEqual([
      { method: 'users.messages.list', at: 'app.ts:6', status: 'ok', requested: scopes('gmail.readonly') },
      { method: 'users.labels.list', at: 'app.ts:9', status: 'ok', requested: scopes('gmail.labels') },
      { method: 'users.messages.trash', at: 'app.ts:10', status: 'missing', requested: scopes('gmail.labels') },
    ]);
    expect(report.missing).toEqual(scopes('gmail.modify'));
    // The auth objects in lib/ are used by app.ts: nothing they request is unused.
    expect(report.unused).toEqual([]);
    expect((report.declarations as { unused: string[] }[]).flatMap((item) => item.unused)).toEqual([]);
  });

  describe('without any ESLint config', () => {
    it('lints JavaScript and TypeScript with defaults and says so', async () => {
      const directory = await mkdtemp(path.join(os.tmpdir(), 'googleapis-scopes-report-'));
      try {
        await cp(fixture('no-config'), directory, { recursive: true });
        const { code, report, stderr } = await json([], directory);
        expect(stderr).toBe(
          'googleapis-scopes: note: no eslint.config file found: linting with ESLint defaults (plus TypeScript when @typescript-eslint/parser is installed)\n',
        );
        expect(code).toBe(1);
        const operations = report.operations as { method: string; file: string; metadata: string; status: string }[];
        expect(operations.map(({ method, file, metadata, status }) => ({ method, file, metadata, status }))).toEqual([
          // `q` is passed: gmail.metadata cannot serve this call, so it is not proposed
          { method: 'users.messages.list', file: 'src/app.ts', metadata: 'breaks', status: 'missing' },
          { method: 'users.labels.list', file: 'src/labels.js', metadata: 'not-applicable', status: 'ok' },
        ]);
        expect(report.missing).toEqual(scopes('gmail.readonly'));
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
    });
  });
});

describe('report: SMTP with XOAUTH2 on Gmail', () => {
  it('is a Gmail operation (via mail) that accepts only https://mail.google.com/', async () => {
    const { code, report } = await json([], fixture('smtp'));
    expect(code).toBe(0);
    expect(report.operations).toEqual([
      {
        method: 'SMTP XOAUTH2',
        api: 'gmail',
        version: 'v1',
        via: 'mail',
        file: 'src/mailer.js',
        line: 6,
        column: 26,
        declaration: 'src/mailer.js:3:16',
        accepted: ['https://mail.google.com/'],
        needs: { scopes: ['https://mail.google.com/'], orBroader: false },
        metadata: 'not-applicable',
        credentialFailure: null,
        status: 'ok',
      },
    ]);
    expect(report.minimal).toEqual(['https://mail.google.com/']);
  });
});
