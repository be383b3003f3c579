import { google } from 'googleapis';

// Reads the summary sheet and archives the weekly export in Drive.
const auth = new google.auth.GoogleAuth({
  scopes: ['https://www.googleapis.com/auth/spreadsheets.readonly', 'https://www.googleapis.com/auth/drive.metadata.readonly'],
});
const sheets = google.sheets({ version: 'v4', auth });
const drive = google.drive({ version: 'v3', auth });

/** The summary rows. */
export async function summary(spreadsheetId: string): Promise<unknown[][]> {
  const res = await sheets.spreadsheets.values.get({ spreadsheetId, range: 'Summary!A1:D20' });
  return res.data.values ?? [];
}

/** Download last week's export (its content, not its metadata). */
export async function download(fileId: string): Promise<unknown> {
  const res = await drive.files.get({ fileId, alt: 'media' });
  return res.data;
}

/** Drop an old export. */
export async function remove(fileId: string): Promise<void> {
  await drive.files.delete({ fileId });
}
