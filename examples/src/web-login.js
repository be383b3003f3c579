import { google } from 'googleapis';

const oauth2 = new google.auth.OAuth2(process.env.CLIENT_ID, process.env.CLIENT_SECRET, 'https://app.example.com/oauth/callback');

/** Where the sign-in button sends the user. */
export function consentUrl() {
  return oauth2.generateAuthUrl({
    access_type: 'offline',
    scope: [
      'https://www.googleapis.com/auth/gmail.metadata',
      'https://www.googleapis.com/auth/userinfo.emial',
    ],
  });
}

/** Show the newest message in the sidebar. */
export async function newestMessage(code) {
  const { tokens } = await oauth2.getToken(code);
  oauth2.setCredentials(tokens);
  const gmail = google.gmail({ version: 'v1', auth: oauth2 });
  const { data } = await gmail.users.messages.list({ userId: 'me', maxResults: 1 });
  const id = data.messages?.[0]?.id;
  return id ? gmail.users.messages.get({ userId: 'me', id }) : undefined;
}
