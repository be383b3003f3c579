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
 * [folders]   https://developers.google.com/workspace/drive/api/guides/folder
 *             "To create a file in a folder, use the files.create method and specify the folder ID
 *             in the parents property of the file"; "The alias root can be used to refer to the
 *             root folder anywhere a file ID is provided." The files resource
 *             https://developers.google.com/workspace/drive/api/reference/rest/v3/files: `parents`
 *             "If not specified as part of a create request, the file is placed directly in the
 *             user's My Drive folder"; adding a file to a folder is an action on that folder
 *             (`capabilities.canAddChildren`: "Whether the current user can add children to this
 *             folder").
 *             Under drive.file the app reaches only the files it created or the user opened or
 *             shared with it [scopes] ("Create new Drive files, or modify existing files, that you
 *             open with an app or that the user shares with an app while using the Google Picker
 *             API or the app's file picker"), so a folder id written in the code (made by someone,
 *             somewhen) is one it may not see: the create then answers 404 `File not found:
 *             <folderId>` https://developers.google.com/workspace/drive/api/guides/handle-errors
 *             ("Resolve a 404 error: File not found").
 * [v2scopes]  https://developers.google.com/drive/v2/web/scopes (the older table): drive is "Full,
 *             permissive scope to access all of a user's files, excluding the Application Data
 *             folder"; drive.metadata "does not allow any access to read, download, write, or upload
 *             file content"; drive.photos.readonly "The spaces parameter must be set to photos".
 */
import { listIsOnly, listsInclude, paramIs, paramList, paramPassed } from './shape.ts';
import { CREATED_FOLDER, type ApiFacts, type ParamShape } from './types.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const SCOPES = 'https://developers.google.com/workspace/drive/api/guides/api-specific-auth';
const DOWNLOADS = 'https://developers.google.com/workspace/drive/api/guides/manage-downloads';
const APPDATA = 'https://developers.google.com/workspace/drive/api/guides/appdata';
const FOLDERS = 'https://developers.google.com/workspace/drive/api/guides/folder';
const V2_SCOPES = 'https://developers.google.com/drive/v2/web/scopes';

const APP_DATA_FOLDER = 'appDataFolder';
/** The alias of the user's My Drive root [folders]: where a create without `parents` puts the file. */
const ROOT = 'root';
/** drive.scripts: "Modify your Google Apps Script scripts' behavior" [scopes] — Apps Script files only. */
const APPS_SCRIPT = 'application/vnd.google-apps.script';
/** Where a Drive call names the spaces or folders it works in. */
const SPACE_PARAMS = ['spaces', 'requestBody.parents', 'addParents'];
/** Methods that name spaces (`spaces: 'appDataFolder'`), and methods that name the folders they put a file in. */
const LISTS = ['files.list', 'changes.list', 'changes.watch'];
const PUTS = ['files.create', 'files.copy', 'files.update'];
const FOLDER_PARAMS = ['requestBody.parents', 'addParents'];
/** The parameters that name where this method works (a list has no request body: a REST URL's unknown body says nothing). */
const spaceParams = (methodId: string): readonly string[] =>
  LISTS.includes(methodId) ? ['spaces'] : PUTS.includes(methodId) ? FOLDER_PARAMS : SPACE_PARAMS;

/** Methods that create a new file: the app then has drive.file access to it. */
const CREATES = new Set(['files.create']);

/**
 * The call creates a file where the app reaches under drive.file: My Drive's root (no folder
 * named, or only `root` [folders]) or a folder the same code created (`CREATED_FOLDER`). Any other
 * folder (a literal id, an unresolved one) may be one the app neither created nor was given under
 * drive.file [scopes], and adding a child to it is an action on that folder [folders].
 */
const createsWhereTheAppReaches = (methodId: string, shape: ParamShape): boolean =>
  CREATES.has(methodId) &&
  FOLDER_PARAMS.every((name) => {
    const folders = paramList(shape, name);
    return folders === undefined || (Array.isArray(folders) && folders.every((folder) => folder === ROOT || folder === CREATED_FOLDER));
  });

/** Every parameter that names spaces or parents names only the app data folder, and one does. */
const onlyAppData = (methodId: string, shape: ParamShape): boolean => {
  const params = spaceParams(methodId);
  const named = params.filter((p) => listIsOnly(shape, p, APP_DATA_FOLDER));
  return named.length > 0 && listsInclude(shape, params, 'drive') === false && listsInclude(shape, params, 'photos') === false;
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
      fitsWhen:
        "the call creates a new file in My Drive's root or in a folder the same code created (files.create with no `parents`, only `'root'`, or the id a folder create returned)",
      fits: createsWhereTheAppReaches,
      source: FOLDERS,
    },
    {
      scope: `${AUTH}drive.appdata`,
      sees: "only the app's own hidden application data folder",
      fitsWhen: "the call's `spaces`, `parents` or `addParents` name only `appDataFolder`",
      fits: onlyAppData,
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
    // One trap, read where each method names its space or folders.
    ...[LISTS, PUTS].map((methods) => ({
      id: 'drive.app-data-folder',
      methods,
      applies: (shape: ParamShape) => listsInclude(shape, spaceParams(methods[0]!), APP_DATA_FOLDER),
      worksOnlyUnder: [`${AUTH}drive.appdata`],
      reason: 'the application data folder (`appDataFolder`) is reached only with the drive.appdata scope; drive excludes it',
      source: APPDATA,
    })),
  ],
  gaps: [
    `drive.photos.readonly: classification (no longer in ${SCOPES}).`,
    "spaces: 'drive' (or omitted) under only drive.appdata: Google does not document whether it fails or returns nothing, so it is treated as a silent subset, never as a certain failure.",
    "spaces: 'drive,appDataFolder' needs drive.appdata AND a scope for the drive space; only the drive.appdata half is checked.",
    "files.create into a folder the same code created counts as fitting drive.file only when the call's `parents` read the id straight from an awaited folder create in the same file (`folder.data.id`); a folder id passed around (a parameter, a stored value) is unknown.",
  ],
};
