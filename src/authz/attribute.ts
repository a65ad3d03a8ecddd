import { withoutSources, type SourceUnit } from './body-builder.js';
import type { CreateRequest } from './create-request.js';
import type { Decision } from './daemon-policy-engine.js';

/**
 * Source units tried per request. A service has a few dozen; the cap bounds the evaluations
 * (one per unit) a pathological service can cost.
 */
export const MAX_UNITS_TRIED = 400;

/** The key a refusal is attributed under: a deny message, or `allow` for an allow that is not true. */
export const ALLOW_KEY = '\u0000allow';

/**
 * Which compose values a refusal depends on, found by asking the policy again with each value
 * taken out (its body fields back to what compose sends without it): a deny message that then
 * disappears, or an allow that then becomes true, depended on that value. Works with any policy,
 * unchanged; a refusal no single value causes (a missing field, the user) is attributed to none.
 */
export function attributeRefusal(
  request: CreateRequest,
  decision: Decision,
  decide: (body: Record<string, unknown>) => Decision,
): Map<string, SourceUnit[]> {
  const units = request.sources.slice(0, MAX_UNITS_TRIED);
  const found = attribute(units.length, decision, (removed) => decide(withoutSources(request.body, removed.map((i) => units[i] as SourceUnit), request.absentValue)));
  return new Map([...found].map(([key, indices]) => [key, indices.map((i) => units[i] as SourceUnit)]));
}

/**
 * The search behind both attributions, over `count` removable things. First each alone: every one
 * whose removal clears a refusal fed it. A refusal none clears alone (a boolean `deny` two rules
 * make true) gets a minimal set whose removal together clears it, found by putting back each in
 * turn and keeping out only those it needs: 2n evaluations at most.
 */
function attribute(count: number, decision: Decision, decideWithout: (removed: number[]) => Decision): Map<string, number[]> {
  const wanted = new Set(decision.denials.map((d) => d.msg));
  if (decision.allowed !== true && decision.denials.length === 0) wanted.add(ALLOW_KEY);
  const out = new Map<string, number[]>([...wanted].map((k) => [k, []]));
  const before = new Set(decision.denials.map((d) => d.msg));
  const ruleOf = new Map(decision.denials.map((d) => [d.msg, d.rule]));
  // Gone, and not merely reworded: taking the image out changes "image X is privileged" into "image Y is privileged".
  const clears = (key: string, after: Decision) =>
    key === ALLOW_KEY
      ? after.allowed === true && after.denials.length === 0
      : !after.denials.some((d) => d.msg === key) &&
        !after.denials.some((d) => !before.has(d.msg) && d.rule === ruleOf.get(key) && reworded(key, d.msg));
  for (let i = 0; i < count; i++) {
    const after = decideWithout([i]);
    for (const key of wanted) if (clears(key, after)) out.get(key)?.push(i);
  }
  for (const key of wanted) {
    if ((out.get(key) ?? []).length > 0) continue;
    let removed = Array.from({ length: count }, (_, i) => i);
    if (count === 0 || !clears(key, decideWithout(removed))) continue;
    for (const i of [...removed]) {
      const trial = removed.filter((j) => j !== i);
      if (clears(key, decideWithout(trial))) removed = trial;
    }
    out.set(key, removed);
  }
  return out;
}

/** The same for a build: which Dockerfile lines, blanked one at a time, clear each refusal. */
export function attributeBuildLines(
  lines: readonly string[],
  decision: Decision,
  decide: (lines: readonly string[]) => Decision,
  maxLines = MAX_UNITS_TRIED,
): Map<string, number[]> {
  const candidates = lines.slice(0, maxLines).flatMap((l, i) => (l.trim() === '' ? [] : [i]));
  const found = attribute(candidates.length, decision, (removed) => {
    const blank = new Set(removed.map((r) => candidates[r]));
    return decide(lines.map((l, j) => (blank.has(j) ? '' : l)));
  });
  return new Map([...found].map(([key, indices]) => [key, indices.map((i) => (candidates[i] as number) + 1)]));
}

/**
 * Whether `next` reads as `previous` with a value changed: what they share at the start and at the
 * end covers most of the shorter one. Messages interpolate the values they judge.
 */
export function reworded(previous: string, next: string): boolean {
  const shorter = Math.min(previous.length, next.length);
  let prefix = 0;
  while (prefix < shorter && previous[prefix] === next[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && previous[previous.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  return prefix + suffix >= 0.6 * shorter;
}
