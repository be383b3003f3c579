import { gmail, auth } from '@googleapis/gmail';

const client = gmail({
  version: 'v1',
  auth: new auth.GoogleAuth({ scopes: ['https://mail.google.com/'] }),
});

/** File newsletters under a label automatically. */
export async function fileNewsletters(labelId: string): Promise<void> {
  await client.users.settings.filters.create({
    userId: 'me',
    requestBody: { criteria: { query: 'list:newsletter' }, action: { addLabelIds: [labelId] } },
  });
}
