import type { Catalogue } from '../evaluate/catalogue.js';
import type { CheckError, FileKind, Finding, FrameworkId, Severity, SuppressedFinding, TargetFile } from '../model.js';
import { FRAMEWORK_ORDER, FRAMEWORKS, controlTitle } from './compliance-titles.js';
import { compareControlIds, compareText } from './sort-findings.js';

/**
 * `failed`: a finding mapped to the control. `passed`: rules mapped to it ran on at least one
 * checked file and found nothing. `not-checked`: no file its rules apply to was checked (or every
 * such file failed to parse), so nothing can be claimed.
 */
export type ControlStatus = 'failed' | 'passed' | 'not-checked';

/** One control of a framework, as the compliance section shows it. */
export interface ControlRollup {
  readonly controlId: string;
  /** Undefined when the title table does not know the id. */
  readonly title: string | undefined;
  readonly status: ControlStatus;
  /** The most severe finding mapped to this control; undefined unless it failed. */
  readonly worst: Severity | undefined;
  /** Rules that failed the control (failed), or that checked it (passed, not checked); sorted. */
  readonly ruleIds: readonly string[];
  /** Files that failed it (failed); files its rules ran on (passed); sorted. */
  readonly paths: readonly string[];
  /** Findings mapped to the control that were suppressed, so they did not fail it. */
  readonly suppressed: number;
}

/** The controls of one framework, in control-id order. */
export interface FrameworkRollup {
  /** A known `FrameworkId`, or a key rule metadata used that this table does not know. */
  readonly id: string;
  readonly name: string;
  readonly suggested: boolean;
  readonly controls: readonly ControlRollup[];
}

/** What the rollup looks at. Without a catalogue only failed controls can be known. */
export interface ComplianceInput {
  readonly findings: readonly Finding[];
  readonly files?: readonly TargetFile[];
  readonly errors?: readonly CheckError[];
  readonly suppressed?: readonly SuppressedFinding[];
  readonly catalogue?: Catalogue;
  /** Frameworks to show; undefined shows every framework any rule maps to. */
  readonly frameworks?: readonly FrameworkId[];
}

interface Accumulator {
  worst: Severity | undefined;
  readonly failedBy: Set<string>;
  readonly failedIn: Set<string>;
  readonly checkedBy: Set<string>;
  readonly kinds: Set<FileKind>;
  suppressed: number;
}

function isKnown(id: string): id is FrameworkId {
  return Object.hasOwn(FRAMEWORKS, id);
}

type Table = Map<string, Map<string, Accumulator>>;

function entry(table: Table, framework: string, controlId: string): Accumulator {
  let byControl = table.get(framework);
  if (byControl === undefined) table.set(framework, (byControl = new Map()));
  let acc = byControl.get(controlId);
  if (acc === undefined) {
    acc = { worst: undefined, failedBy: new Set(), failedIn: new Set(), checkedBy: new Set(), kinds: new Set(), suppressed: 0 };
    byControl.set(controlId, acc);
  }
  return acc;
}

function eachControl(compliance: Finding['compliance'], visit: (framework: string, controlId: string) => void): void {
  for (const [framework, controls] of Object.entries(compliance)) {
    for (const controlId of controls ?? []) visit(framework, controlId);
  }
}

/**
 * Maps the run onto compliance controls: every control a rule in the catalogue (or a finding)
 * names, with its status. Known frameworks come in `FRAMEWORK_ORDER`; keys the table does not know
 * follow, sorted, under their raw name, so no mapping is silently dropped unless a selection of
 * frameworks was given.
 */
export function rollUpCompliance(input: ComplianceInput): FrameworkRollup[] {
  const table: Table = new Map();
  for (const kind of Object.keys(input.catalogue ?? {}) as FileKind[]) {
    for (const rule of Object.values(input.catalogue?.[kind] ?? {})) {
      eachControl(rule.compliance, (framework, controlId) => {
        const acc = entry(table, framework, controlId);
        acc.checkedBy.add(rule.id);
        acc.kinds.add(kind);
      });
    }
  }
  for (const finding of input.findings) {
    eachControl(finding.compliance, (framework, controlId) => {
      const acc = entry(table, framework, controlId);
      if (acc.worst !== 'deny') acc.worst = finding.severity;
      acc.failedBy.add(finding.ruleId);
      acc.failedIn.add(finding.path);
      acc.checkedBy.add(finding.ruleId);
      acc.kinds.add(finding.kind);
    });
  }
  for (const { finding } of input.suppressed ?? []) {
    eachControl(finding.compliance, (framework, controlId) => {
      entry(table, framework, controlId).suppressed += 1;
    });
  }
  const broken = new Set((input.errors ?? []).flatMap((e) => (e.path === undefined ? [] : [e.path])));
  const checked = (input.files ?? []).filter((f) => !broken.has(f.path));
  const selected = input.frameworks;
  const unknown = selected === undefined ? [...table.keys()].filter((id) => !isKnown(id)).sort(compareText) : [];
  const order = [...FRAMEWORK_ORDER.filter((id) => table.has(id) && (selected === undefined || selected.includes(id))), ...unknown];
  return order.map((id) => {
    const controls = [...(table.get(id) ?? new Map<string, Accumulator>()).entries()]
      .sort(([a], [b]) => compareControlIds(a, b))
      .map(([controlId, acc]): ControlRollup => {
        const title = isKnown(id) ? controlTitle(id, controlId) : undefined;
        if (acc.worst !== undefined) {
          const ruleIds = [...acc.failedBy].sort(compareText);
          return { controlId, title, status: 'failed', worst: acc.worst, ruleIds, paths: [...acc.failedIn].sort(compareText), suppressed: acc.suppressed };
        }
        const ranOn = checked.filter((f) => acc.kinds.has(f.kind)).map((f) => f.path);
        const status = ranOn.length > 0 ? 'passed' : 'not-checked';
        return { controlId, title, status, worst: undefined, ruleIds: [...acc.checkedBy].sort(compareText), paths: ranOn.sort(compareText), suppressed: acc.suppressed };
      });
    const info = isKnown(id) ? FRAMEWORKS[id] : { name: id, suggested: false };
    return { id, name: info.name, suggested: info.suggested, controls };
  });
}
