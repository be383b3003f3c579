/**
 * Google Chat API v1 facts, phase 2 of issue 15. Sources:
 * [app]  https://developers.google.com/workspace/chat/authenticate-authorize-chat-app (app
 *        authentication: a service account calls the API as the Chat app with the
 *        `https://www.googleapis.com/auth/chat.bot` scope)
 * [user] https://developers.google.com/workspace/chat/authenticate-authorize-chat-user (user
 *        authentication: the `chat.*` scopes other than chat.bot, with a user's consent or a
 *        delegated service account impersonating the user).
 * Which principal a scope belongs to is data only for now (`authKinds`); no certain failure is
 * claimed (Google's pages do not say what an app token with a user scope answers).
 */
import type { ApiFacts } from './types.ts';

const AUTH = 'https://www.googleapis.com/auth/';

export const CHAT_V1: ApiFacts = {
  api: 'chat',
  version: 'v1',
  authKinds: [
    { scope: `${AUTH}chat.bot`, principal: 'app', source: 'https://developers.google.com/workspace/chat/authenticate-authorize-chat-app' },
  ],
  gaps: [
    'Classification of the chat.* scopes: no Google page with a Usage column was found.',
    'The derived scope order is wrong for Chat (README of the data API): no cited order facts yet.',
    'Registry entry (checking Chat calls) not added: the gate and bench cost is helper "perf"\'s call.',
  ],
};
