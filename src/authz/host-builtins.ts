import { UserError } from '../errors.js';

/** Returns the current time in nanoseconds since the epoch; tests pass a fixed one. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now() * 1e6;

/** Environment variable that pins the time daemon policies see, as an RFC 3339 instant. */
export const FIXED_TIME_VARIABLE = 'CONTAINER_POLICY_FIXED_TIME';

/**
 * The clock for a run: the system's, or the instant in CONTAINER_POLICY_FIXED_TIME. Daemon policies
 * may decide by the time of day (change freezes); pinning it makes a run reproducible, for tests and
 * for replaying a decision. A value that is not a date is refused rather than ignored.
 */
export function clockFromEnvironment(env: NodeJS.ProcessEnv): Clock {
  const fixed = env[FIXED_TIME_VARIABLE]?.trim();
  if (!fixed) return systemClock;
  const ms = Date.parse(fixed);
  if (Number.isNaN(ms)) {
    throw new UserError(`${FIXED_TIME_VARIABLE} is "${fixed}", not a date; give an RFC 3339 instant such as 2026-11-22T12:00:00Z, or unset it.`);
  }
  return () => ms * 1e6;
}

type Builtin = (...args: unknown[]) => unknown;

/**
 * Builtins the WebAssembly runtime lacks that daemon policies commonly call (audit rules stamp
 * `time.now_ns()`, business-hours rules read `time.clock`), implemented in the host and passed to
 * `loadPolicy`. Nanoseconds travel as JavaScript numbers, so they are exact to about a microsecond:
 * enough for every comparison a policy makes on dates and times. Time zones other than UTC are refused.
 */
export function hostBuiltins(clock: Clock): Record<string, Builtin> {
  return {
    'time.now_ns': () => clock(),
    'time.date': (x) => {
      const d = toDate(x, 'time.date');
      return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    },
    'time.clock': (x) => {
      const d = toDate(x, 'time.clock');
      return [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
    },
    'time.weekday': (x) => WEEKDAYS[toDate(x, 'time.weekday').getUTCDay()],
    'time.add_date': (ns, years, months, days) => {
      const d = new Date(Number(ns) / 1e6);
      d.setUTCFullYear(d.getUTCFullYear() + Number(years), d.getUTCMonth() + Number(months), d.getUTCDate() + Number(days));
      return d.getTime() * 1e6 + (Number(ns) % 1e6);
    },
    'time.parse_rfc3339_ns': (value) => {
      const ms = Date.parse(String(value));
      if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(String(value)) || Number.isNaN(ms)) {
        throw new Error(`time.parse_rfc3339_ns: ${JSON.stringify(value)} is not an RFC 3339 time`);
      }
      const fraction = /\.(\d+)/.exec(String(value))?.[1] ?? '';
      return Math.floor(ms / 1000) * 1e9 + Number((fraction + '000000000').slice(0, 9));
    },
    'time.parse_duration_ns': (value) => {
      const ns = parseDuration(String(value));
      if (ns === undefined) throw new Error(`time.parse_duration_ns: ${JSON.stringify(value)} is not a duration such as 1h30m`);
      return ns;
    },
    'time.format': (x) => {
      if (Array.isArray(x) && x.length > 2) throw new Error('time.format: only the default RFC 3339 layout is available at pull-request time');
      return toDate(x, 'time.format').toISOString().replace('.000Z', 'Z');
    },
  };
}

/**
 * Builtins no host implementation can give a faithful answer for at pull-request time: their
 * answers depend on the network or on the daemon's host. A policy calling one is refused before
 * compiling, with the place it is called.
 */
export const UNPROVIDABLE_BUILTINS: Readonly<Record<string, string>> = {
  'http.send': 'it calls a service over the network, which a pull-request check must not depend on',
  'net.lookup_ip_addr': 'it resolves names on the daemon host',
  'opa.runtime': "it describes the daemon's OPA process (its configuration and environment)",
  'rand.intn': 'a random decision cannot gate a pull request',
  'uuid.rfc4122': 'it is random on every call',
  'time.diff': 'it is not available in this version',
};

/** The declarations of the host builtins, as OPA's capabilities list them, for compiling against. */
export const HOST_BUILTIN_DECLARATIONS: readonly unknown[] = [
  { name: 'time.now_ns', decl: { type: 'function', result: { type: 'number' } }, nondeterministic: true },
  ...['time.date', 'time.clock'].map((name) => ({ name, decl: { type: 'function', args: [NS_OR_NS_TZ()], result: { type: 'array', static: [{ type: 'number' }, { type: 'number' }, { type: 'number' }] } } })),
  { name: 'time.weekday', decl: { type: 'function', args: [NS_OR_NS_TZ()], result: { type: 'string' } } },
  { name: 'time.add_date', decl: { type: 'function', args: [{ type: 'number' }, { type: 'number' }, { type: 'number' }, { type: 'number' }], result: { type: 'number' } } },
  { name: 'time.parse_rfc3339_ns', decl: { type: 'function', args: [{ type: 'string' }], result: { type: 'number' } } },
  { name: 'time.parse_duration_ns', decl: { type: 'function', args: [{ type: 'string' }], result: { type: 'number' } } },
  {
    name: 'time.format',
    decl: {
      type: 'function',
      args: [{ type: 'any', of: [{ type: 'number' }, { type: 'array', static: [{ type: 'number' }, { type: 'string' }] }, { type: 'array', static: [{ type: 'number' }, { type: 'string' }, { type: 'string' }] }] }],
      result: { type: 'string' },
    },
  },
];

function NS_OR_NS_TZ() {
  return { type: 'any', of: [{ type: 'number' }, { type: 'array', static: [{ type: 'number' }, { type: 'string' }] }] };
}

/** The capabilities daemon policies are compiled against: the Wasm runtime's plus the host builtins. */
export function daemonCapabilities(base: { builtins: readonly { name: string }[] } & Record<string, unknown>): Record<string, unknown> {
  const hosted = new Set(HOST_BUILTIN_DECLARATIONS.map((d) => (d as { name: string }).name));
  return { ...base, builtins: [...base.builtins.filter((b) => !hosted.has(b.name)), ...HOST_BUILTIN_DECLARATIONS] };
}

/**
 * Refuses a policy that calls a builtin nothing can provide, naming the file, the line and why.
 * Comments are skipped so a commented-out call does not count.
 */
export function checkProvidable(sources: readonly { path: string; text: string }[]): void {
  const problems: string[] = [];
  for (const { path, text } of sources) {
    text.split('\n').forEach((line, i) => {
      const code = line.replace(/#.*$/, '');
      for (const [name, why] of Object.entries(UNPROVIDABLE_BUILTINS)) {
        if (new RegExp(`\\b${name.replace('.', '\\.')}\\s*\\(`).test(code)) problems.push(`${path}:${i + 1}: ${name}: ${why}`);
      }
    });
  }
  if (problems.length > 0) {
    throw new UserError(
      `The daemon policy calls builtins that cannot be evaluated at pull-request time:\n  ${problems.join('\n  ')}\nPass the values they would fetch as policy data (policy-data.custom in the configuration file) instead.`,
    );
  }
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function toDate(x: unknown, name: string): Date {
  const [ns, tz] = Array.isArray(x) ? x : [x, 'UTC'];
  if (tz !== 'UTC' && tz !== '') throw new Error(`${name}: only the UTC time zone is available at pull-request time (got ${JSON.stringify(tz)})`);
  return new Date(Number(ns) / 1e6);
}

const DURATION_UNITS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

function parseDuration(text: string): number | undefined {
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[-+]/, '');
  if (body === '0') return 0;
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = part.exec(body); m; m = part.exec(body)) {
    total += Number(m[1]) * (DURATION_UNITS[m[2] as string] ?? 0);
    consumed = part.lastIndex;
  }
  return consumed === body.length && consumed > 0 ? sign * Math.round(total) : undefined;
}
