/** Items a message names before it says "and N more": a list of a million settings scopes is not a message. */
export const MAX_LISTED = 10;

/**
 * "a", "a and b", "a, b and c" — or with another last separator: "a, b or c". Empty for none.
 * `total` is the length of the whole list when `items` holds only its first entries (enough to
 * name; no need to label a million).
 */
export function joinWords(items: readonly string[], last = ' and ', total = items.length): string {
  if (total > MAX_LISTED) {
    return `${items.slice(0, MAX_LISTED).join(', ')}${last === ', ' ? ' and ' : last}${total - MAX_LISTED} more`;
  }
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')}${last}${items.at(-1)!}`;
}

/** The items as code in a message: "`a`, `b` and `c`" (or with another last separator). */
export function codeList(items: readonly string[], last = ' and '): string {
  return joinWords(
    items.map((item) => `\`${item}\``),
    last,
  );
}
