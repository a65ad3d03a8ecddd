import { posix } from 'node:path';
import type { ComposeDocument, ComposeService, ComposeServicePath } from '../parse/input-document.js';
import { BodyBuilder, type BodyPath, type SourceUnit } from './body-builder.js';
import { addHostConfig, containerName } from './create-host-config.js';
import { addMounts } from './create-mounts.js';
import { addPorts } from './create-ports.js';
import { toNanoseconds } from '../parse/compose/units.js';
import type { SeccompProfiles } from './seccomp-profile.js';
import { SynthesisError } from './synthesis-error.js';

export { SynthesisError };

/**
 * The Engine API version in the request path: 1.47 is Docker Engine 27, the version the field
 * facts were taken from. Daemon policies usually glob over it (`/v*\/containers/create`).
 */
export const DEFAULT_API_VERSION = '1.47';

/** What a service's request depends on beyond the service itself. */
export interface ProjectContext {
  /** The compose project name (`name:`, else the project directory's base name, normalised). */
  readonly project: string;
  /** Absolute project directory relative host paths are resolved against. */
  readonly directory: string;
  /** The project's merged model (top-level volumes, networks, secrets, configs, services). */
  readonly data: Readonly<Record<string, unknown>>;
  readonly servicePath: ComposeServicePath;
  /** The compose file's folder, workspace-relative: seccomp profile paths are resolved against it. */
  readonly composeDir: string;
  /** Seccomp profile files read beforehand (see seccomp-profile.ts). */
  readonly profiles: SeccompProfiles;
  /** The Engine API version the request is for (some conversions depend on it). */
  readonly apiVersion: string;
}

/** The `POST /containers/create` request `docker compose up` sends for one service. */
export interface CreateRequest {
  readonly service: string;
  readonly method: 'POST';
  /** `/v1.47/containers/create?name=<container>`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Record<string, unknown>;
  /** Which compose value set which body fields, for mapping a decision back to lines. */
  readonly sources: readonly SourceUnit[];
  /** A field's value when its compose key is not written (see BodyBuilder.absentValue). */
  absentValue(field: BodyPath): unknown;
}

export interface SynthesisOptions {
  /** Absolute path of the workspace root; the compose file's directory is resolved against it. */
  readonly workspace: string;
  readonly apiVersion?: string;
  /** The seccomp profile files the services name, read through the pipeline's guarded reader. */
  readonly profiles?: SeccompProfiles;
}

/** compose's project name rules: lower case, only `a-z0-9_-`, starting with a letter or digit. */
export function projectName(document: ComposeDocument): string {
  const named = document.data.name;
  const base = typeof named === 'string' && named !== '' ? named : posix.basename(posix.dirname(posix.resolve('/', document.path))) || 'default';
  return base.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[_-]+/, '') || 'default';
}

/** One create request per service of a compose project, in the services' order. */
export function synthesizeCreateRequests(document: ComposeDocument, options: SynthesisOptions): CreateRequest[] {
  const services = document.services ?? {};
  const rawServices = (document.data.services ?? {}) as Record<string, Record<string, unknown> | null>;
  const directory = posix.join(options.workspace.replace(/\\/g, '/'), posix.dirname(document.path));
  const project = projectName(document);
  return Object.values(services).map((service) =>
    synthesizeOne(service, rawServices[service.name] ?? {}, { project, directory, data: document.data, servicePath: service.path, composeDir: posix.dirname(document.path), profiles: options.profiles ?? new Map(), apiVersion: options.apiVersion ?? DEFAULT_API_VERSION }, document, options.apiVersion ?? DEFAULT_API_VERSION),
  );
}

function synthesizeOne(s: ComposeService, raw: Record<string, unknown>, ctx: ProjectContext, document: ComposeDocument, apiVersion: string): CreateRequest {
  const b = new BodyBuilder();
  const at = (...keys: (string | number)[]): ComposeServicePath => [...s.path, ...keys];
  const has = (key: string) => raw[key] !== undefined && raw[key] !== null;
  // A service built from source runs the image compose tags `<project>-<service>`.
  b.set(['Image'], s.image?.raw ?? `${ctx.project}-${s.name}`, s.image ? s.image.path : null, `${ctx.project}-${s.name}`);
  if (s.user !== null) b.set(['User'], s.user, at('user'));
  if (has('hostname')) b.set(['Hostname'], String(raw.hostname), at('hostname'));
  if (has('domainname')) b.set(['Domainname'], String(raw.domainname), at('domainname'));
  if (has('working_dir')) b.set(['WorkingDir'], String(raw.working_dir), at('working_dir'));
  if (has('tty')) b.set(['Tty'], raw.tty === true, at('tty'));
  if (has('stdin_open')) b.set(['OpenStdin'], raw.stdin_open === true, at('stdin_open'));
  if (has('stop_signal')) b.set(['StopSignal'], String(raw.stop_signal), at('stop_signal'));
  if (has('mac_address')) b.set(['MacAddress'], String(raw.mac_address), at('mac_address'));
  const grace = has('stop_grace_period') ? seconds(raw.stop_grace_period) : undefined;
  if (grace !== undefined) b.set(['StopTimeout'], grace, at('stop_grace_period'));
  for (const [name, v] of Object.entries(s.environment)) b.append(['Env'], v.value === null ? name : `${name}=${v.value}`, v.path);
  // Each word is the whole key's: a finding about the command points at it, and taking it out takes all.
  for (const w of s.command) b.append(['Cmd'], w.word, at('command'));
  for (const w of s.entrypoint) b.append(['Entrypoint'], w.word, at('entrypoint'));
  addHealthcheck(b, s);
  addLabels(b, s, raw, ctx, document);
  addPorts(b, s);
  addHostConfig(b, s, raw, ctx);
  addMounts(b, s, raw, ctx);
  const name = containerName(s.name, ctx);
  return {
    service: s.name,
    method: 'POST',
    path: `/v${apiVersion}/containers/create?name=${encodeURIComponent(name)}`,
    headers: { 'Content-Type': 'application/json' },
    body: b.body,
    sources: b.sources(),
    absentValue: (field) => b.absentValue(field),
  };
}

/** Whole seconds of a Go duration (`1m30s` → 90), as compose sends StopTimeout. */
function seconds(value: unknown): number | undefined {
  const nanoseconds = toNanoseconds(value);
  return nanoseconds === undefined ? undefined : Math.trunc(nanoseconds / 1e9);
}

function addHealthcheck(b: BodyBuilder, s: ComposeService): void {
  const h = s.healthcheck;
  if (!h) return;
  if (h.disabled) {
    b.set(['Healthcheck'], { Test: ['NONE'] }, h.path);
    return;
  }
  const check: Record<string, unknown> = {};
  if (h.test.length > 0) check.Test = h.test;
  if (h.interval_ns !== null) check.Interval = h.interval_ns;
  if (h.timeout_ns !== null) check.Timeout = h.timeout_ns;
  if (h.start_period_ns !== null) check.StartPeriod = h.start_period_ns;
  if (h.retries !== null) check.Retries = h.retries;
  b.set(['Healthcheck'], check, h.path);
}

/** The service's labels, then the ones compose adds to find its containers again. */
function addLabels(b: BodyBuilder, s: ComposeService, raw: Record<string, unknown>, ctx: ProjectContext, document: ComposeDocument): void {
  const labels = raw.labels;
  if (Array.isArray(labels)) {
    labels.forEach((l, i) => {
      const text = String(l);
      const eq = text.indexOf('=');
      b.entry(['Labels'], eq < 0 ? text : text.slice(0, eq), eq < 0 ? '' : text.slice(eq + 1), [...s.path, 'labels', i]);
    });
  } else if (typeof labels === 'object' && labels !== null) {
    for (const [k, v] of Object.entries(labels)) b.entry(['Labels'], k, v === null ? '' : String(v), [...s.path, 'labels', k]);
  }
  const configFiles = (document.files ?? [document.path]).filter((f) => !f.endsWith('.env')).map((f) => posix.join(ctx.directory, posix.relative(posix.dirname(document.path), f)));
  const added: Record<string, string> = {
    'com.docker.compose.project': ctx.project,
    'com.docker.compose.service': s.name,
    'com.docker.compose.oneoff': 'False',
    'com.docker.compose.container-number': '1',
    'com.docker.compose.project.working_dir': ctx.directory,
    'com.docker.compose.project.config_files': configFiles.join(','),
  };
  for (const [k, v] of Object.entries(added)) b.entry(['Labels'], k, v, null);
}

