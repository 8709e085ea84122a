/**
 * "Did you mean": an ID that is not in its table but differs from one that is only in case or
 * spacing ("cdc" for "CDC", "PN 1001" for "PN-1001") is almost always a typing or export slip.
 * IDs still have to match exactly (the planner cannot know which spelling is meant), but the
 * message names the ID the user probably meant.
 */

/** An ID with case, spaces, `_`, `-` and `.` ignored, as headers are matched. */
export function looseId(id: string): string {
  return id.toLowerCase().replace(/[\s_\-.]+/g, '');
}

const indexes = new WeakMap<ReadonlySet<string>, Map<string, string | null>>();

/**
 * The one known ID that `id` matches loosely, or null (no match, or several: then guessing would
 * mislead). The index is built once per set, on the first miss, so valid input pays nothing.
 */
export function suggestId(id: string, known: ReadonlySet<string>): string | null {
  let index = indexes.get(known);
  if (index === undefined) {
    index = new Map();
    for (const candidate of known) {
      const key = looseId(candidate);
      index.set(key, index.has(key) ? null : candidate);
    }
    indexes.set(known, index);
  }
  return index.get(looseId(id)) ?? null;
}

/** `…; did you mean "CDC"? IDs must match exactly, including case and spaces`, or '' without a suggestion. */
export function didYouMean(id: string, known: ReadonlySet<string>): string {
  const suggestion = suggestId(id, known);
  return suggestion === null ? '' : `; did you mean "${suggestion}"? IDs must match exactly, including case and spaces`;
}
