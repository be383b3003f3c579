/**
 * Drive API v3 facts. Sources (cited per entry):
 * [scopes]    https://developers.google.com/workspace/drive/api/guides/api-specific-auth
 *             (Non-sensitive: drive.appdata, drive.file; Sensitive: drive.apps.readonly; Restricted:
 *             drive, drive.readonly, drive.meet.readonly, drive.metadata, drive.metadata.readonly,
 *             drive.scripts. drive.photos.readonly is no longer in the table.)
 * [downloads] https://developers.google.com/workspace/drive/api/guides/manage-downloads
 *             "File downloads started from your app must be authorized with a scope that allows read
 *             access to the file content. For example, an app using the drive.readonly.metadata scope
 *             isn't authorized to download the file contents."
 * [appdata]   https://developers.google.com/workspace/drive/api/guides/appdata
 *             "Before you can access the application data folder, you must request access to the
 *             https://www.googleapis.com/auth/drive.appdata non-sensitive scope." Files are created
 *             there with `parents: ['appDataFolder']` and listed with `spaces: 'appDataFolder'`.
 * [v2scopes]  https://developers.google.com/drive/v2/web/scopes (the older table): drive is "Full,
 *             permissive scope to access all of a user's files, excluding the Application Data
 *             folder"; drive.metadata "does not allow any access to read, download, write, or upload
 *             file content"; drive.photos.readonly "The spaces parameter must be set to photos".
 */
import { listIsOnly, listsInclude, paramIs, paramPassed } from './shape.ts';
import type { ApiFacts, ParamShape } from './types.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const SCOPES = 'https://developers.google.com/workspace/drive/api/guides/api-specific-auth';
const DOWNLOADS = 'https://developers.google.com/workspace/drive/api/guides/manage-downloads';
const APPDATA = 'https://developers.google.com/workspace/drive/api/guides/appdata';
const V2_SCOPES = 'https://developers.google.com/drive/v2/web/scopes';

const APP_DATA_FOLDER = 'appDataFolder';
/** drive.scripts: "Modify your Google Apps Script scripts' behavior" [scopes] — Apps Script files only. */
const APPS_SCRIPT = 'application/vnd.google-apps.script';
/** Where a Drive call names the spaces or folders it works in. */
const SPACE_PARAMS = ['spaces', 'requestBody.parents', 'addParents'];

/** Methods that create a new file: the app then has drive.file access to it. */
const CREATES = new Set(['files.create']);

const createsOutsideAppData = (methodId: string, shape: ParamShape): boolean =>
  CREATES.has(methodId) && listsInclude(shape, SPACE_PARAMS, APP_DATA_FOLDER) === false;

/** Every parameter that names spaces or parents names only the app data folder, and one does. */
const onlyAppData = (shape: ParamShape): boolean => {
  const named = SPACE_PARAMS.filter((p) => listIsOnly(shape, p, APP_DATA_FOLDER));
  return named.length > 0 && listsInclude(shape, SPACE_PARAMS, 'drive') === false && listsInclude(shape, SPACE_PARAMS, 'photos') === false;
};

export const DRIVE_V3: ApiFacts = {
  api: 'drive',
  version: 'v3',
  classifications: [
    { scope: `${AUTH}drive.appdata`, classification: 'non-sensitive', source: SCOPES },
    { scope: `${AUTH}drive.file`, classification: 'non-sensitive', source: SCOPES },
    { scope: `${AUTH}drive.apps.readonly`, classification: 'sensitive', readOnly: true, source: SCOPES },
    { scope: `${AUTH}drive`, classification: 'restricted', source: SCOPES },
    { scope: `${AUTH}drive.readonly`, classification: 'restricted', readOnly: true, source: SCOPES },
    { scope: `${AUTH}drive.meet.readonly`, classification: 'restricted', readOnly: true, source: SCOPES },
    { scope: `${AUTH}drive.metadata`, classification: 'restricted', source: SCOPES },
    { scope: `${AUTH}drive.metadata.readonly`, classification: 'restricted', readOnly: true, source: SCOPES },
    { scope: `${AUTH}drive.scripts`, classification: 'restricted', source: SCOPES },
  ],
  silentSubsets: [
    {
      scope: `${AUTH}drive.file`,
      sees: 'only the files the app created or the user opened or shared with it',
      fitsWhen: 'the call creates a new file (files.create outside the app data folder)',
      fits: createsOutsideAppData,
      source: SCOPES,
    },
    {
      scope: `${AUTH}drive.appdata`,
      sees: "only the app's own hidden application data folder",
      fitsWhen: "the call's `spaces`, `parents` or `addParents` name only `appDataFolder`",
      fits: (_methodId, shape) => onlyAppData(shape),
      source: APPDATA,
    },
    {
      scope: `${AUTH}drive.meet.readonly`,
      sees: 'only the files Google Meet created or edited',
      fitsWhen: 'never from the call alone (which files Meet made is not in the code)',
      fits: () => false,
      source: SCOPES,
    },
    {
      scope: `${AUTH}drive.scripts`,
      sees: 'only Google Apps Script projects',
      fitsWhen: "the call's `requestBody.mimeType` is the Apps Script type (`application/vnd.google-apps.script`)",
      fits: (_methodId, shape) => paramIs(shape, 'requestBody.mimeType', APPS_SCRIPT) === true,
      source: SCOPES,
    },
    {
      scope: `${AUTH}drive.photos.readonly`,
      sees: 'only photos and videos',
      fitsWhen: 'never from the call alone (deprecated; no longer in the scope table)',
      fits: () => false,
      source: V2_SCOPES,
    },
  ],
  traps: [
    {
      id: 'drive.alt-media',
      methods: ['files.get', 'revisions.get'],
      applies: (shape) => paramIs(shape, 'alt', 'media'),
      failsUnder: [`${AUTH}drive.metadata`, `${AUTH}drive.metadata.readonly`],
      reason: "`alt: 'media'` downloads the file content, which the drive.metadata scopes do not allow",
      source: DOWNLOADS,
    },
    {
      id: 'drive.media-upload',
      methods: ['files.create', 'files.update'],
      applies: (shape) => paramPassed(shape, 'media'),
      failsUnder: [`${AUTH}drive.metadata`, `${AUTH}drive.metadata.readonly`],
      reason: '`media` uploads file content, which the drive.metadata scopes do not allow',
      source: V2_SCOPES,
    },
    {
      id: 'drive.app-data-folder',
      methods: ['files.list', 'files.create', 'files.copy', 'files.update', 'changes.list', 'changes.watch'],
      applies: (shape) => listsInclude(shape, SPACE_PARAMS, APP_DATA_FOLDER),
      worksOnlyUnder: [`${AUTH}drive.appdata`],
      reason: 'the application data folder (`appDataFolder`) is reached only with the drive.appdata scope; drive excludes it',
      source: APPDATA,
    },
  ],
  gaps: [
    `drive.photos.readonly: classification (no longer in ${SCOPES}).`,
    "spaces: 'drive' (or omitted) under only drive.appdata: Google does not document whether it fails or returns nothing, so it is treated as a silent subset, never as a certain failure.",
    "spaces: 'drive,appDataFolder' needs drive.appdata AND a scope for the drive space; only the drive.appdata half is checked.",
  ],
};
