/**
 * Google Chat API v1 facts, phase 2 of issue 15. Sources:
 * [app]  https://developers.google.com/workspace/chat/authenticate-authorize-chat-app ("Google Chat
 *        API methods that support app authorization with authorization scopes that have names that
 *        begin `https://www.googleapis.com/auth/chat.app.*` require one-time administrator approval.
 *        Google Chat API methods that support app authorization with the
 *        `https://www.googleapis.com/auth/chat.bot` authorization scope don't require additional
 *        approval.")
 * [user] https://developers.google.com/workspace/chat/authenticate-authorize-chat-user (user
 *        authentication; "domain-wide delegation impersonates a user and is therefore considered
 *        user authentication")
 * [ref]  each method's reference page, https://developers.google.com/workspace/chat/api/reference/rest/v1/<resource>/<method>
 *        (the same text is each method's description in Google's API description): "Supports the
 *        following types of authentication: App authentication with … User authentication with …",
 *        or "Requires user authentication with one of the following authorization scopes: …".
 *
 * The app-authentication scopes are chat.bot and chat.app.*; every other chat.* scope is a user
 * scope. With the credential known (src/google/facts.ts `credentialOf`), a fix chooses among the
 * app scopes for a service account acting as the app (chat.bot first: no approval) and among the
 * user scopes otherwise (../call-requirement.ts). The methods whose pages require user
 * authentication (none of their accepted scopes is an app scope) certainly fail for a service
 * account that impersonates nobody, and the one that requires app authentication
 * (spaces.messages.attachments.get) for a user's token: the credential facts below, which
 * metadata-scope reports.
 */
import type { ApiFacts, AuthKindFact } from './types.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const APP = 'https://developers.google.com/workspace/chat/authenticate-authorize-chat-app';
const REFERENCE = 'https://developers.google.com/workspace/chat/api/reference/rest/v1';

/** The chat.app.* scopes of the API's description: app authorization with administrator approval [app]. */
const ADMIN_APPROVED_APP_SCOPES = [
  'chat.app.all.memberships.readonly',
  'chat.app.all.messages.readonly',
  'chat.app.all.spaces.readonly',
  'chat.app.delete',
  'chat.app.memberships',
  'chat.app.memberships.readonly',
  'chat.app.messages.readonly',
  'chat.app.spaces',
  'chat.app.spaces.create',
  'chat.app.spaces.readonly',
];

/** Methods whose reference pages say "Requires user authentication" (or list only user authentication: spaces.search). */
export const CHAT_USER_ONLY_METHODS: readonly string[] = [
  'customEmojis.create',
  'customEmojis.delete',
  'customEmojis.get',
  'customEmojis.list',
  'media.upload',
  'spaces.completeImport',
  'spaces.findGroupChats',
  'spaces.search',
  'spaces.setup',
  'spaces.messagePins.create',
  'spaces.messagePins.delete',
  'spaces.messagePins.list',
  'spaces.messages.search',
  'spaces.messages.reactions.create',
  'spaces.messages.reactions.delete',
  'spaces.messages.reactions.list',
  'users.availability.get',
  'users.availability.markAsActive',
  'users.availability.markAsAway',
  'users.availability.markAsDoNotDisturb',
  'users.availability.patch',
  'users.sections.create',
  'users.sections.delete',
  'users.sections.list',
  'users.sections.patch',
  'users.sections.position',
  'users.sections.items.list',
  'users.sections.items.move',
  'users.spaces.getSpaceReadState',
  'users.spaces.updateSpaceReadState',
  'users.spaces.spaceNotificationSetting.get',
  'users.spaces.spaceNotificationSetting.patch',
  'users.spaces.threads.getThreadReadState',
];

/** Methods whose reference pages say "Requires app authentication" (their only accepted scope is chat.bot). */
export const CHAT_APP_ONLY_METHODS: readonly string[] = ['spaces.messages.attachments.get'];

const authKinds: AuthKindFact[] = [
  { scope: `${AUTH}chat.bot`, principal: 'app', source: APP },
  ...ADMIN_APPROVED_APP_SCOPES.map((name): AuthKindFact => ({
    scope: `${AUTH}${name}`,
    principal: 'app',
    needsAdminApproval: true,
    source: APP,
  })),
];

export const CHAT_V1: ApiFacts = {
  api: 'chat',
  version: 'v1',
  authKinds,
  credentials: [
    {
      id: 'chat.user-authentication',
      methods: CHAT_USER_ONLY_METHODS,
      failsWith: 'service-account-without-subject',
      reason: 'the method requires user authentication: a service account acting as the Chat app (no `subject`) cannot call it',
      source: REFERENCE,
    },
    {
      // "Requires app authentication with the authorization scope: chat.bot" (its reference page).
      id: 'chat.app-authentication',
      methods: CHAT_APP_ONLY_METHODS,
      failsWith: 'user-credentials',
      reason: "the method requires app authentication: only the Chat app's own service account (no `subject`) can call it",
      source: `${REFERENCE}/spaces.messages.attachments/get`,
    },
  ],
  gaps: [
    'Classification of the chat.* scopes: no Google page with a Usage column was found.',
    'The derived scope order is wrong for Chat (README of the data API): no cited order facts yet, so without a known credential a fix leaves the choice open.',
    'media.download: its page names no authentication type (the API description lists chat.bot and user scopes): no credential fact.',
    'chat.import (import-mode spaces only) and chat.admin.* (user authentication with administrator privileges, `useAdminAccess`) stay among the user choices: no table marks them yet.',
  ],
};
