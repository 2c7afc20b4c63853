/** Adjusted Rand Index between two labelings of the same items (1 = identical partitions, 0 = chance). */
export function adjustedRand(a: string[], b: string[]): number {
  const c2 = (n: number) => (n * (n - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  a.forEach((x, i) => {
    const key = `${x}\u0000${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  });
  let index = 0;
  for (const v of table.values()) index += c2(v);
  const sumA = [...rows.values()].reduce((s, v) => s + c2(v), 0);
  const sumB = [...cols.values()].reduce((s, v) => s + c2(v), 0);
  const expected = (sumA * sumB) / c2(a.length);
  const max = (sumA + sumB) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
