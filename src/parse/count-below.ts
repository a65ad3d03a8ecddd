/**
 * How many of `sorted` (ascending) are below `value`: a binary search. Used to turn an offset into a
 * line number from the offsets of a text's newlines or line starts.
 */
export function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
