/** `target.push(...items)` without the spread: an argument list has a limit that a hostile project can pass. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
