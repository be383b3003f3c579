import rule from '../../src/rules/missing-scope.ts';
import { typedRuleTester } from './rule-tester.ts';

// Issue 15 phase 3 with type information: a resource of an API outside the registry whose type
// the file writes with its typings namespace (`storage_v1`), imported from a module of the project
// (tests/fixtures/typed/storage-types.ts) so the file names no Google library and no scope. The
// namespace opens the file through the file gate (generic, confirmed by the data), and the checker
// says which API version's typings declare the receiver.
const ruleTester = typedRuleTester();
const AUTH = 'https://www.googleapis.com/auth';
const READ_ONLY = { 'googleapis-scopes': { project: false, scopes: [`${AUTH}/devstorage.read_only`] } };
const FULL = { 'googleapis-scopes': { project: false, scopes: [`${AUTH}/devstorage.full_control`] } };

const CODE = `
import type { storage_v1 } from './storage-types.js';

export async function revoke(acls: storage_v1.Resource$Bucketaccesscontrols): Promise<void> {
  await acls.delete({ bucket: 'b', entity: 'allUsers' });
}

export async function copy(objects: storage_v1.Resource$Objects): Promise<void> {
  await objects.rewrite({ sourceBucket: 'a', sourceObject: 'x', destinationBucket: 'b', destinationObject: 'x' });
}
`;

const error = (line: number, column: number, method: string, accepted: string, add: string) => ({
  messageId: 'missingScope' as const,
  line,
  column,
  data: {
    api: 'Cloud Storage JSON',
    method,
    accepted,
    requested: 'devstorage.read_only',
    source: "settings['googleapis-scopes'].scopes",
    add,
    where: " to settings['googleapis-scopes'].scopes",
  },
});

ruleTester.run('missing-scope: typed resources of the other APIs (phase 3)', rule, {
  valid: [{ name: 'both calls work under devstorage.full_control', code: CODE, settings: FULL }],
  invalid: [
    {
      name: 'typed storage_v1 resources from a module of the project: bucketAccessControls.delete and objects.rewrite',
      code: CODE,
      settings: READ_ONLY,
      output: null,
      errors: [
        error(5, 9, 'bucketAccessControls.delete', 'devstorage.full_control or broader', `\`${AUTH}/devstorage.full_control\``),
        // Two accepted scopes besides cloud-platform: the data alone doesn't choose.
        error(9, 9, 'objects.rewrite', 'devstorage.read_write or broader', 'a scope it accepts'),
      ],
    },
  ],
});
