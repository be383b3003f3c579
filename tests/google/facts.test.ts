import { Linter } from 'eslint';
import type { ESLint, Rule } from 'eslint';
import os from 'node:os';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getFileFacts } from '../../src/google/facts.ts';
import type { FileFacts } from '../../src/google/facts.ts';

const AUTH = 'https://www.googleapis.com/auth';
const PROJECT = os.tmpdir();

/** The facts of one file, read the way a rule reads them, and the output of applying `edit` once. */
function factsOf(code: string, edit?: (facts: FileFacts) => TSESLint.ReportFixFunction | undefined): { facts: FileFacts; output: string } {
  let facts: FileFacts | undefined;
  const rule: Rule.RuleModule = {
    meta: { type: 'problem', fixable: 'code', schema: [] },
    create: (context) => ({
      'Program:exit'(node) {
        facts = getFileFacts(context as unknown as Readonly<TSESLint.RuleContext<string, readonly unknown[]>>);
        const fix = edit?.(facts);
        // typescript-eslint's fix types are ESLint's with readonly ranges.
        if (fix !== undefined) context.report({ node, message: 'edit', fix: fix as unknown as Rule.ReportFixer });
      },
    }),
  };
  const plugin: ESLint.Plugin = { rules: { read: rule } };
  const linter = new Linter({ configType: 'flat', cwd: PROJECT });
  const messages = linter.verify(code, [{ files: ['**/*.js'], plugins: { facts: plugin }, rules: { 'facts/read': 'error' } }], {
    filename: path.join(PROJECT, 'facts-test.js'),
  });
  // One pass of the edit (ESLint merges its parts into one fix).
  const fix = messages[0]?.fix;
  const output = fix === undefined ? code : code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
  return { facts: facts!, output };
}

const APP = `import { google } from 'googleapis';
const SCOPES = [
  "${AUTH}/gmail.readonly", // reads the inbox
  "${AUTH}/gmail.send",
];
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
const gmail = google.gmail({ version: 'v1', auth });
gmail.users.messages.list({ userId: 'me' });
`;

describe('FileFacts (what rules read)', () => {
  it('holds no analysis toolbox: no environment, no tracer', () => {
    const { facts } = factsOf(APP);
    expect('env' in facts).toBe(false);
    expect('resolver' in facts).toBe(false);
  });

  it('gives each call its method and its scope request; each request its calls, traced auth objects and visibility', () => {
    const { facts } = factsOf(APP);
    expect(facts.calls.map((call) => [call.method.id, call.requested?.scopes])).toEqual([
      ['users.messages.list', [`${AUTH}/gmail.readonly`, `${AUTH}/gmail.send`]],
    ]);
    expect(facts.requests).toHaveLength(1);
    const [request] = facts.requests;
    expect(request!.source).toBe(facts.calls[0]!.requested);
    expect(request!.calls).toEqual(facts.calls);
    expect(request!.auths?.map((auth) => auth.node.loc.start.line)).toEqual([6]);
    expect(request!.visible).toBe(true);
    expect(facts.authObjects.map((entry) => entry.delegated)).toEqual([false]);
  });

  it('edits a traced declaration in its own style: quotes, indentation, comments kept', () => {
    const removed = factsOf(APP, (facts) => {
      const declaration = facts.requests[0]!.source.declarations[0]!;
      return facts.edits.remove(declaration.node!, `${AUTH}/gmail.send`);
    });
    expect(removed.output).toContain(`const SCOPES = [\n  "${AUTH}/gmail.readonly", // reads the inbox\n];`);
    const added = factsOf(APP, (facts) => facts.edits.add(facts.requests[0]!.source.declarations[0]!.node!, [`${AUTH}/gmail.labels`]));
    expect(added.output).toContain(`  "${AUTH}/gmail.send",\n  "${AUTH}/gmail.labels",\n];`);
  });

  it('a file that never mentions a Google API has empty facts and nothing to edit', () => {
    const { facts } = factsOf(`const SCOPES = ['${AUTH}/gmail.send'];\nexport default SCOPES;\n`);
    expect(facts.calls).toEqual([]);
    expect(facts.requests).toEqual([]);
    expect(facts.stringValueOf).toBeTypeOf('function');
  });
});

describe('REST call shapes', () => {
  it('reads the query from the URL, and leaves it unknown when options carry it (axios params, got searchParams, request qs, query)', () => {
    const { facts } = factsOf(`import request from 'request';
const BASE = 'https://gmail.googleapis.com/gmail/v1/users/me';
request({ url: BASE + '/messages?q=is:unread' });
request({ url: BASE + '/messages', qs: { q: 'is:unread' } });
request({ url: BASE + '/messages', query: { q: 'is:unread' } });
request({ url: BASE + '/messages' });
`);
    expect(facts.calls.map((call) => [call.node.loc.start.line, call.method.id, call.shape.hasQ])).toEqual([
      [3, 'users.messages.list', true],
      [4, 'users.messages.list', 'unknown'],
      [5, 'users.messages.list', 'unknown'],
      [6, 'users.messages.list', false],
    ]);
  });

  it('a REST helper: the caller’s options spread before a written method still carry the query', () => {
    const { facts } = factsOf(`import axios from 'axios';
const BASE = 'https://gmail.googleapis.com/gmail/v1/users/me';
const get = (path, config) => axios.request({ ...config, url: BASE + path, method: 'GET' });
get('/messages', { params: { q: 'is:unread' } });
get('/messages?q=is:unread');
get('/messages');
`);
    expect(facts.calls.map((call) => [call.node.loc.start.line, call.method.id, call.shape.hasQ])).toEqual([
      [4, 'users.messages.list', 'unknown'],
      [5, 'users.messages.list', true],
      [6, 'users.messages.list', false],
    ]);
  });
});
