/** "a", "a and b", "a, b and c" — or with another last separator: "a, b or c". Empty for none. */
export function joinWords(items: readonly string[], last = ' and '): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')}${last}${items.at(-1)!}`;
}
