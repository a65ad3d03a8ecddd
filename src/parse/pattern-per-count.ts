/**
 * A pattern that depends on a count (of flags, say), built once per count: the parsers ask for one
 * per instruction, and building a RegExp each time was an allocation per instruction for the same
 * few counts.
 */
export function patternPerCount(build: (count: number) => RegExp): (count: number) => RegExp {
  const built: RegExp[] = [];
  return (count) => (built[count] ??= build(count));
}
