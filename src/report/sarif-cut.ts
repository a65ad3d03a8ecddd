import { SARIF_RESULTS_PER_RUN, SARIF_RULES_PER_RUN } from './limits.js';
import { formatCount, plural } from './text-utils.js';

/** How much of a run GitHub's per-run limits left out of the SARIF log. */
export interface SarifCut {
  /** Results (findings and suppressed findings) in the run before the cut. */
  readonly results: number;
  readonly resultsLeftOut: number;
  /** Rules the run would list before the cut. */
  readonly rules: number;
  readonly rulesLeftOut: number;
}

/**
 * Keeps the first `SARIF_RESULTS_PER_RUN` items, in the order given: the report order, findings that
 * fail the gate first and suppressed ones last, so what is left out is what matters least.
 */
export function capResults<T>(items: readonly T[]): T[] {
  return items.slice(0, SARIF_RESULTS_PER_RUN);
}

/**
 * Keeps at most `SARIF_RULES_PER_RUN` rules: every rule a kept result names (there are no more of
 * them than results, so they always fit), then the others in the order given.
 */
export function capRules<R extends { readonly id: string }>(rules: readonly R[], named: ReadonlySet<string>): R[] {
  if (rules.length <= SARIF_RULES_PER_RUN) return [...rules];
  const room = SARIF_RULES_PER_RUN - rules.filter((r) => named.has(r.id)).length;
  const others = new Set(rules.filter((r) => !named.has(r.id)).slice(0, Math.max(0, room)));
  return rules.filter((r) => named.has(r.id) || others.has(r));
}

/** What the log says it left out, or undefined when nothing was; repeated in the action's log and summary and the CLI's stderr. */
export function describeSarifCut(cut: SarifCut): string | undefined {
  const parts: string[] = [];
  if (cut.resultsLeftOut > 0) {
    parts.push(
      `${plural(cut.resultsLeftOut, 'result')} of ${formatCount(cut.results)} left out of the SARIF log ` +
        `(denials first, suppressed findings last): GitHub code scanning rejects a run with more than ${formatCount(SARIF_RESULTS_PER_RUN)} results`,
    );
  }
  if (cut.rulesLeftOut > 0) {
    parts.push(
      `${plural(cut.rulesLeftOut, 'rule')} without results left out of the SARIF log: GitHub code scanning rejects a run with more than ${formatCount(SARIF_RULES_PER_RUN)} rules`,
    );
  }
  return parts.length === 0 ? undefined : `${parts.join('; ')}. The JSON report lists every finding.`;
}
