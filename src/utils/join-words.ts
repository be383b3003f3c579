/** Items a message names before it says "and N more": a list of a million settings scopes is not a message. */
export const MAX_LISTED = 10;

/** "a", "a and b", "a, b and c" — or with another last separator: "a, b or c". Empty for none. */
export function joinWords(items: readonly string[], last = ' and '): string {
  if (items.length > MAX_LISTED) {
    return `${items.slice(0, MAX_LISTED).join(', ')}${last === ', ' ? ' and ' : last}${items.length - MAX_LISTED} more`;
  }
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')}${last}${items.at(-1)!}`;
}
