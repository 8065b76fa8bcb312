/** Ragged rows padded to the widest with '', as a person sees the grid (the port may hand rows of their own length). */
export function rect<T>(rows: readonly (readonly T[])[], width = Math.max(0, ...rows.map((r) => r.length))): (T | '')[][] {
  return rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
}
