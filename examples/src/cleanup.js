const { google } = require('googleapis');

const auth = new google.auth.JWT({
  keyFile: 'service-account.json',
  scopes: [
    'https://www.googleapis.com/auth/gmail.modify',
  ],
  subject: 'archive@example.com',
});
const gmail = google.gmail({ version: 'v1', auth });

/** Permanently delete everything in the trash. */
async function emptyTrash() {
  const { data } = await gmail.users.messages.list({ userId: 'me', labelIds: ['TRASH'] });
  const ids = (data.messages || []).map((message) => message.id);
  if (ids.length > 0) {
    await gmail.users.messages.batchDelete({ userId: 'me', requestBody: { ids } });
  }
}

module.exports = { emptyTrash };
