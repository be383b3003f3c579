// A Gmail app as a JavaScript user writes it: the token asks for gmail.readonly, the code sends.
const { google } = require('googleapis');
const { SCOPES } = require('./scopes.cjs');

const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
const gmail = google.gmail({ version: 'v1', auth });

module.exports = () => gmail.users.messages.send({ userId: 'me', requestBody: { raw: '' } });
