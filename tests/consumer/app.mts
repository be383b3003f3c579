// The same app in TypeScript, linted with the user's own typescript-eslint parser.
import { google } from 'googleapis';

const auth = new google.auth.GoogleAuth({ scopes: ['https://www.googleapis.com/auth/gmail.readonly'] });
const gmail = google.gmail({ version: 'v1', auth });

export const send = (raw: string) => gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
