/** drive.file in the editors' APIs (Sheets, Docs, Slides, Forms): it fits only the call that creates the file. */
import type { SilentSubsetFact } from './types.ts';

/**
 * drive.file reaches "only the specific Google Drive files you use with this app": a file the
 * app creates is one of them, any other file is one only if the user opened or shared it with
 * the app, which the code does not show.
 */
export function driveFileFitsCreate(createMethod: string, source: string): SilentSubsetFact {
  return {
    scope: 'https://www.googleapis.com/auth/drive.file',
    sees: 'only the files the app created or the user opened or shared with it',
    fitsWhen: `the call creates the file (${createMethod})`,
    fits: (methodId) => methodId === createMethod,
    source,
  };
}
