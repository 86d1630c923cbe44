// How long lists are cut for people to read, shared by the reports and the handoff's checklist.

/**
 * The first `limit` items, or all of them when only one more would be left out: "… 1 more module"
 * takes the line the module itself would (curl: 12 of 13 modules shown).
 */
export function rowsWithin<T>(rows: readonly T[], limit: number): readonly T[] {
  return rows.length <= limit + 1 ? rows : rows.slice(0, limit);
}
