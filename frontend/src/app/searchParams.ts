/** Changing a page's URL query (filters, tabs, page) without losing the rest of it. */

/**
 * The query with some keys set (a non-empty value) or removed (empty, null or undefined), and the
 * keys in `drop` removed too (e.g. the page number when a filter changes). Pure: returns a new object.
 */
export function withSearchChanges(previous: URLSearchParams, changes: Record<string, string | null | undefined>, drop: readonly string[] = []): URLSearchParams {
  const next = new URLSearchParams(previous);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  for (const key of drop) next.delete(key);
  return next;
}
