import { google } from 'googleapis';
import { SCOPES } from './scopes';

const auth = new google.auth.GoogleAuth({
  keyFile: process.env.GOOGLE_APPLICATION_CREDENTIALS,
  scopes: SCOPES,
  clientOptions: { subject: process.env.MAILBOX_USER },
});
const gmail = google.gmail({ version: 'v1', auth });

/** Unread mail from the last day. */
export async function unread(): Promise<string[]> {
  const res = await gmail.users.messages.list({ userId: 'me', q: 'is:unread newer_than:1d' });
  return (res.data.messages ?? []).map((message) => message.id ?? '');
}

/** Archive: take the message out of the inbox. */
export async function archive(id: string): Promise<void> {
  await gmail.users.messages.modify({ userId: 'me', id, requestBody: { removeLabelIds: ['INBOX'] } });
}

/** Reply with a raw RFC 822 message. */
export async function reply(raw: string, threadId: string): Promise<void> {
  await gmail.users.messages.send({ userId: 'me', requestBody: { raw, threadId } });
}
