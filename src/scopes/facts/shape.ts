/** Reading a call's resolved arguments (`ParamShape`) for the fact tables. */
import type { ParamShape, ParamValue, Tri } from './types.ts';

/** `requestBody.parents` and its legacy spelling `resource.parents` are one field. */
const ALIASES: Readonly<Record<string, string>> = { 'requestBody.': 'resource.' };

function isUnresolved(shape: ParamShape, name: string): boolean {
  const list = shape.unresolvedParams ?? [];
  if (list.includes('*') || list.includes(name)) return true;
  // An unresolved body object (`requestBody`) hides every field in it.
  return list.some((p) => name.startsWith(`${p}.`));
}

/**
 * The literal value of a parameter: the value, `undefined` when the call omits it, `'unknown'`
 * when it is passed (or may be) but was not resolved.
 */
export function paramValue(shape: ParamShape, name: string): ParamValue | undefined | 'unknown' {
  const names = [name, ...Object.entries(ALIASES).flatMap(([a, b]) => (name.startsWith(a) ? [b + name.slice(a.length)] : []))];
  for (const n of names) {
    if (shape.params && Object.hasOwn(shape.params, n)) return shape.params[n];
  }
  return names.some((n) => isUnresolved(shape, n)) ? 'unknown' : undefined;
}

/** A list parameter (`spaces: 'drive,appDataFolder'`, `parents: ['appDataFolder']`) as its items. */
export function paramList(shape: ParamShape, name: string): readonly string[] | undefined | 'unknown' {
  const v = paramValue(shape, name);
  if (v === undefined || v === 'unknown') return v;
  if (typeof v === 'string')
    return v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  if (Array.isArray(v)) return v as readonly string[];
  return 'unknown';
}

/** Whether a parameter equals `value` (`calendarId === 'primary'`). */
export function paramIs(shape: ParamShape, name: string, value: string): Tri {
  const v = paramValue(shape, name);
  if (v === 'unknown') return 'unknown';
  return v === value;
}

/** Whether any of the list parameters `names` contains `item`. */
export function listsInclude(shape: ParamShape, names: readonly string[], item: string): Tri {
  let unknown = false;
  for (const name of names) {
    const list = paramList(shape, name);
    if (list === 'unknown') unknown = true;
    else if (list?.includes(item)) return true;
  }
  return unknown ? 'unknown' : false;
}

/** Whether the list parameter `name` is given and holds nothing but `item`. */
export function listIsOnly(shape: ParamShape, name: string, item: string): boolean {
  const list = paramList(shape, name);
  return Array.isArray(list) && list.length > 0 && list.every((x) => x === item);
}

/**
 * Whether the call passes the parameter at all, whatever its value (Drive `media`: an upload):
 * `'unknown'` when the arguments object is not known.
 */
export function paramPassed(shape: ParamShape, name: string): Tri {
  if ((shape.params && Object.hasOwn(shape.params, name)) || shape.unresolvedParams?.includes(name) === true) return true;
  return paramValue(shape, name) === 'unknown' ? 'unknown' : false;
}
