import { describe, expect, it } from 'vitest';
import { GMAIL_V1 } from '../../src/scopes/api-map.ts';
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
