import { describe, expect, it } from 'vitest';
import { GMAIL_V1, getApiMap } from '../../src/scopes/api-map.ts';
import { RPC_EXCEPTIONS, apiOfService, matchRpcName } from '../../src/scopes/rpc-names.ts';

const gmail = (rpc: string) => matchRpcName('gmail.googleapis.com', `caribou.api.proto.MailboxService.${rpc}`);
const methodOf = (rpc: string): string | undefined => {
  const match = gmail(rpc);
  return match.status === 'matched' ? match.method.id : undefined;
};

describe('RPC names to method ids', () => {
  it('matches the Gmail RPC names seen in real reports', () => {
    expect(methodOf('SendMessage')).toBe('users.messages.send');
    expect(methodOf('CreateDraft')).toBe('users.drafts.create');
    expect(methodOf('GetProfile')).toBe('users.getProfile');
    expect(methodOf('ListMessages')).toBe('users.messages.list');
    expect(methodOf('ListHistory')).toBe('users.history.list');
    expect(methodOf('ListLabels')).toBe('users.labels.list');
  });

  it('matches verb + resource, singular or plural, with or without parent resources', () => {
    expect(methodOf('DeleteMessage')).toBe('users.messages.delete');
    expect(methodOf('BatchDeleteMessages')).toBe('users.messages.batchDelete');
    expect(methodOf('GetAttachment')).toBe('users.messages.attachments.get');
    expect(methodOf('GetMessageAttachment')).toBe('users.messages.attachments.get');
    expect(methodOf('CreateForwardingAddress')).toBe('users.settings.forwardingAddresses.create');
    expect(methodOf('ListIdentities')).toBe('users.settings.cse.identities.list');
    expect(methodOf('ListSendAs')).toBe('users.settings.sendAs.list');
    expect(methodOf('UpdateVacation')).toBe('users.settings.updateVacation');
    expect(methodOf('Watch')).toBe('users.watch');
  });

  it('gives every Gmail method a name of its own: verb + resource never names two methods', () => {
    for (const method of GMAIL_V1.methods.values()) {
      const parts = method.id.split('.');
      const leaf = parts.pop()!;
      const resource = parts.at(-1)!;
      const rpc = `${leaf.charAt(0).toUpperCase()}${leaf.slice(1)}${resource === 'users' ? '' : resource.charAt(0).toUpperCase() + resource.slice(1)}`;
      expect(methodOf(rpc), rpc).toBe(method.id);
    }
  });

  it('says "unknown" instead of guessing', () => {
    expect(gmail('Frobnicate')).toMatchObject({ status: 'unknown-method', candidates: [] });
    expect(gmail('Get')).toMatchObject({ status: 'unknown-method' });
    const get = gmail('Get');
    expect(get.status === 'unknown-method' ? get.candidates : []).toContain('users.messages.get');
    expect(matchRpcName('chat.googleapis.com', 'google.chat.v1.ChatService.ListSpaces')).toEqual({ status: 'unknown-api', api: 'chat' });
  });

  // `google.apps.drive.v3.DriveFiles.<Verb>`: Drive's ErrorInfo `metadata.method`, as in the 403 bodies of
  // ShareX/ShareX#7681 (https://github.com/ShareX/ShareX/issues/7681: DriveFiles.Create, ACCESS_TOKEN_SCOPE_INSUFFICIENT)
  // and of a public test of Google's gRPC-style scope error (ErrorInfo method google.apps.drive.v3.DriveFiles.List,
  // service drive.googleapis.com). The bare verb names many methods; the resource after the API's name decides.
  it("matches Drive's `Drive<Resource>.<Verb>` names and Calendar's `Events.List`", () => {
    const drive = (rpc: string) => matchRpcName('drive.googleapis.com', `google.apps.drive.v3.${rpc}`);
    expect(drive('DriveFiles.List')).toMatchObject({ status: 'matched', method: { id: 'files.list' } });
    expect(drive('DriveFiles.Create')).toMatchObject({ status: 'matched', method: { id: 'files.create' } });
    expect(drive('DrivePermissions.Create')).toMatchObject({ status: 'matched', method: { id: 'permissions.create' } });
    expect(drive('DriveAbout.Get')).toMatchObject({ status: 'matched', method: { id: 'about.get' } });
    expect(matchRpcName('calendar-json.googleapis.com', 'calendar.v3.Events.List')).toMatchObject({
      status: 'matched',
      method: { id: 'events.list' },
    });
  });

  it('names every Drive and Calendar method by `<Api><Resource>.<Verb>` (or `<Resource>.<Verb>`), never another one', () => {
    for (const [api, rpcPrefix, resourcePrefix] of [
      ['drive', 'google.apps.drive.v3', 'Drive'],
      ['calendar', 'calendar.v3', ''],
    ] as const) {
      for (const method of getApiMap(api, 'v3')!.methods.values()) {
        const [resource, leaf] = method.id.split('.').slice(-2) as [string, string];
        const rpc = `${rpcPrefix}.${resourcePrefix}${capitalise(resource)}.${capitalise(leaf)}`;
        const match = matchRpcName(`${api}.googleapis.com`, rpc);
        expect(match.status === 'matched' ? match.method.id : match.status, rpc).toBe(method.id);
      }
    }
  });

  it('stays unknown when the verb and resource fit no method, or several', () => {
    expect(matchRpcName('drive.googleapis.com', 'google.apps.drive.v3.DriveWidgets.List')).toMatchObject({
      status: 'unknown-method',
    });
    const list = matchRpcName('drive.googleapis.com', 'google.apps.drive.v3.List');
    expect(list.status).toBe('unknown-method');
    expect(list.status === 'unknown-method' ? list.candidates : []).toEqual(expect.arrayContaining(['files.list', 'drives.list']));
  });

  it('reads the API from the service name', () => {
    expect(apiOfService('gmail.googleapis.com')).toBe('gmail');
    expect(apiOfService('calendar-json.googleapis.com')).toBe('calendar');
    expect(apiOfService('example.com')).toBeUndefined();
  });

  it('keeps every exception cited and pointing at a real method', () => {
    for (const exception of RPC_EXCEPTIONS) {
      expect(exception.source).toMatch(/^https:\/\//);
      expect(GMAIL_V1.methods.has(exception.method)).toBe(true);
    }
  });
});

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
