import type { DockerfileInstruction, DockerfileStage } from './input-document.js';
import type { RawInstruction } from './dockerfile-instructions.js';
import { parseImageRef } from './image-ref.js';
import { substituteArgs, type ArgValues } from './substitute-args.js';
import { expandWord } from './dockerfile-word.js';
import { ParseError } from './parse-error.js';

// Set by the builder, never in the Dockerfile, so their values are unknown here (BuildKit's automatic
// args, usable in FROM without a declaration: dockerfile2llb/platform.go, defaultArgs).
const BUILDER_ARGS = [
  'BUILDPLATFORM', 'BUILDOS', 'BUILDOSVERSION', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETOSVERSION', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE',
];

// BuildKit's rule for `AS name`, matched against the lower-cased name (instructions/parse.go, validStageName).
const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

// The Dockerfile reference's instructions; BuildKit refuses any other.
const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK',
  'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export interface Stages {
  readonly instructions: readonly DockerfileInstruction[];
  readonly stages: readonly DockerfileStage[];
  readonly finalStage: number;
}

/**
 * The most build stages a Dockerfile may have. Real ones have a few, rarely dozens; a file of thousands
 * of stages each built from the one before took 9 s for 3,000 and would take minutes within the size
 * limit, since every stage's lineage is the whole chain. At this bound such a chain takes about a second.
 */
export const MAX_STAGES = 1000;

/**
 * Groups instructions into build stages and resolves each base as BuildKit's shell lexer does (quotes and
 * escapes removed, global ARG defaults, the ARGs before the first FROM, substituted), a base naming an
 * earlier stage (case-insensitive) linking to it. Refuses what BuildKit refuses: no FROM at all, an
 * instruction other than ARG before the first FROM, a malformed FROM, a stage name BuildKit does not
 * accept, a base that is blank or that its lexer rejects.
 */
export function buildStages(path: string, raw: readonly RawInstruction[], escape: string): Stages {
  const firstFrom = raw.findIndex((i) => i.keyword === 'FROM');
  if (firstFrom < 0) {
    throw new ParseError(
      path,
      raw[0]?.startLine ?? 1,
      'no FROM instruction: a Dockerfile must start a build stage with FROM. If this file is not a Dockerfile, exclude it from the scan.',
    );
  }
  const misplaced = raw.slice(0, firstFrom).find((i) => i.keyword !== 'ARG');
  if (misplaced) {
    throw new ParseError(
      path,
      misplaced.startLine,
      `${misplaced.keyword} comes before the first FROM; only ARG may precede FROM. Move it after FROM.`,
    );
  }
  const unknown = raw.find((i) => !KEYWORDS.has(i.keyword));
  if (unknown) {
    throw new ParseError(
      path,
      unknown.startLine,
      `unknown instruction ${unknown.keyword}; Docker refuses to build this file. Fix the spelling, or end the previous line with a continuation if this line belongs to it.`,
    );
  }
  const tooMany = raw.filter((i) => i.keyword === 'FROM')[MAX_STAGES];
  if (tooMany) {
    throw new ParseError(
      path,
      tooMany.startLine,
      `more than ${MAX_STAGES} build stages; the rules follow each stage back through the stages it is built from, which takes time in the square of their number. Split the file into several Dockerfiles.`,
    );
  }
  const globals = globalArgValues(raw.slice(0, firstFrom), escape);

  const instructions: DockerfileInstruction[] = [];
  let stage = -1;
  for (const instruction of raw) {
    if (instruction.keyword === 'FROM') stage++;
    instructions.push({ ...instruction, stage });
  }

  const stages: DockerfileStage[] = [];
  const froms = instructions.filter((i) => i.keyword === 'FROM');
  froms.forEach((from, index) => {
    const members = instructions.filter((i) => i.stage === index);
    const { image, name } = splitFrom(path, from);
    const resolved = resolveBase(path, from, image, globals, escape);
    const baseStage = resolved.unresolved ? null : findStage(stages, resolved.value);
    const isScratch = resolved.value.toLowerCase() === 'scratch';
    stages.push({
      index,
      name,
      fromLine: from.startLine,
      startLine: from.startLine,
      // A reduce, not a spread: a stage can hold hundreds of thousands of instructions, past the arguments a call takes.
      endLine: members.reduce((last, i) => Math.max(last, i.endLine), from.startLine),
      baseRaw: image,
      baseResolved: resolved.value,
      baseUnresolved: resolved.unresolved,
      baseStage,
      image: resolved.unresolved || baseStage !== null || isScratch ? null : parseImageRef(resolved.value),
      isFinal: index === froms.length - 1,
      instructions: members.map((i) => i.index),
    });
  });
  return { instructions, stages, finalStage: stages.length - 1 };
}

/**
 * Values of the ARGs before the first FROM, each default expanded with the ones declared before it; the
 * builder's platform ARGs and ARGs without a default are undefined (set at build time).
 */
export function globalArgValues(args: readonly RawInstruction[], escape: string): ArgValues {
  const values = new Map<string, string | undefined>(BUILDER_ARGS.map((name) => [name, undefined]));
  for (const arg of args) {
    for (const declaration of arg.args) {
      const eq = declaration.indexOf('=');
      if (eq < 0) {
        // A re-declaration without a value keeps an earlier default, as in BuildKit.
        if (!values.has(declaration)) values.set(declaration, undefined);
        continue;
      }
      const expanded = substituteArgs(declaration.slice(eq + 1), values, escape);
      values.set(declaration.slice(0, eq), expanded.unresolved ? undefined : expanded.value);
    }
  }
  return values;
}

/**
 * The base as BuildKit pulls it (dockerfile2llb's buildDispatchStates: ProcessWordWithMatches with the
 * global ARGs), so `FROM "ubuntu:latest"` is judged as ubuntu:latest. A name no global ARG declares is
 * unset for a default form (`${BASE:-ubuntu}` is ubuntu) and unknown alone (it may be the builder's).
 */
function resolveBase(path: string, from: DockerfileInstruction, image: string, globals: ArgValues, escape: string) {
  const resolved = expandWord(image, (name) => (globals.has(name) ? globals.get(name) : null), escape);
  if (resolved.refused) {
    throw new ParseError(
      path,
      from.startLine,
      `FROM's base "${image}" is not a word BuildKit can read (an unclosed quote or brace, a modifier it does not know, or \${VAR:?} of an empty value); Docker refuses to build this file. Fix the word; if the file is a template, exclude it from the scan.`,
    );
  }
  if (!resolved.unresolved && resolved.value === '') {
    throw new ParseError(path, from.startLine, `FROM's base "${image}" is blank; Docker refuses to build this file. Name an image.`);
  }
  return resolved;
}

/**
 * `FROM [--platform=...] image [AS name]`: BuildKit accepts exactly one or three arguments, and takes the
 * name as written (no quotes removed, no variables), lower-cased, only when it matches its pattern.
 */
function splitFrom(path: string, from: DockerfileInstruction): { image: string; name: string | null } {
  const [image, as, name, ...rest] = from.args;
  // FROM's one flag takes a value: `FROM --platform linux/amd64 alpine` reads the platform as the image.
  const bare = from.flagList?.find((flag) => flag.withoutValue);
  if (bare !== undefined) {
    const fix = image === undefined ? `--${bare.name}=<value>` : `--${bare.name}=${image}`;
    throw new ParseError(path, from.startLine, `FROM --${bare.name} has no value, so BuildKit refuses the build ("missing a value on flag: ${bare.name}"). Write ${fix}.`);
  }
  if (image !== undefined && as === undefined) return { image, name: null };
  if (image !== undefined && as?.toLowerCase() === 'as' && name !== undefined && rest.length === 0) {
    if (!STAGE_NAME.test(name.toLowerCase())) {
      throw new ParseError(
        path,
        from.startLine,
        `invalid stage name "${name}" in FROM: BuildKit accepts a letter followed by letters, digits, "-", "_" and "." (no quotes or variables). Rename the stage.`,
      );
    }
    return { image, name: name.toLowerCase() };
  }
  throw new ParseError(
    path,
    from.startLine,
    `malformed FROM "${from.value}": write FROM <image> or FROM <image> AS <name>.`,
  );
}

function findStage(stages: readonly DockerfileStage[], base: string): number | null {
  const wanted = base.toLowerCase();
  return stages.find((s) => s.name === wanted)?.index ?? null;
}
