import type { Finding, FrameworkId, Severity } from '../model.js';
import { FRAMEWORK_ORDER, FRAMEWORKS, controlTitle } from './compliance-titles.js';
import { compareControlIds, compareText } from './sort-findings.js';

/** One control touched by at least one finding. */
export interface ControlRollup {
  readonly controlId: string;
  /** Undefined when the title table does not know the id. */
  readonly title: string | undefined;
  /** The most severe finding mapped to this control. */
  readonly worst: Severity;
  /** Distinct rule ids, sorted. */
  readonly ruleIds: readonly string[];
  /** Distinct file paths, sorted. */
  readonly paths: readonly string[];
}

/** The controls of one framework touched by findings, in control-id order. */
export interface FrameworkRollup {
  /** A known `FrameworkId`, or a key rule metadata used that this table does not know. */
  readonly id: string;
  readonly name: string;
  readonly suggested: boolean;
  readonly controls: readonly ControlRollup[];
}

interface Accumulator {
  worst: Severity;
  readonly ruleIds: Set<string>;
  readonly paths: Set<string>;
}

function isKnown(id: string): id is FrameworkId {
  return Object.hasOwn(FRAMEWORKS, id);
}

/**
 * Groups findings by framework and control. Known frameworks come in `FRAMEWORK_ORDER`; keys the
 * table does not know follow, sorted, under their raw name, so no mapping is silently dropped.
 */
export function rollUpCompliance(findings: readonly Finding[]): FrameworkRollup[] {
  const byFramework = new Map<string, Map<string, Accumulator>>();
  for (const finding of findings) {
    for (const [framework, controls] of Object.entries(finding.compliance)) {
      if (controls === undefined) continue;
      let byControl = byFramework.get(framework);
      if (byControl === undefined) byFramework.set(framework, (byControl = new Map()));
      for (const controlId of controls) {
        let acc = byControl.get(controlId);
        if (acc === undefined) byControl.set(controlId, (acc = { worst: finding.severity, ruleIds: new Set(), paths: new Set() }));
        if (finding.severity === 'deny') acc.worst = 'deny';
        acc.ruleIds.add(finding.ruleId);
        acc.paths.add(finding.path);
      }
    }
  }
  const unknown = [...byFramework.keys()].filter((id) => !isKnown(id)).sort(compareText);
  const order = [...FRAMEWORK_ORDER.filter((id) => byFramework.has(id)), ...unknown];
  return order.map((id) => {
    const byControl = byFramework.get(id) ?? new Map<string, Accumulator>();
    const controls = [...byControl.entries()]
      .sort(([a], [b]) => compareControlIds(a, b))
      .map(([controlId, acc]) => ({
        controlId,
        title: isKnown(id) ? controlTitle(id, controlId) : undefined,
        worst: acc.worst,
        ruleIds: [...acc.ruleIds].sort(compareText),
        paths: [...acc.paths].sort(compareText),
      }));
    const info = isKnown(id) ? FRAMEWORKS[id] : { name: id, suggested: false };
    return { id, name: info.name, suggested: info.suggested, controls };
  });
}
