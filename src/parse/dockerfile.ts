import type { DockerfileDirective, DockerfileDocument } from './input-document.js';
import type { LineRange, NodePath, ParsedFile } from './parsed-file.js';
import type { DecodedText } from './decode-text.js';
import { toInstructions, type InstructionView } from './dockerfile-instructions.js';
import { readPlainInstructions } from './dockerfile-plain.js';
import { buildStages } from './dockerfile-stages.js';
import { addCommands } from './dockerfile-commands.js';
import { resolveUsers } from './dockerfile-user.js';
import { escapeOf, parseDirectives } from './dockerfile-directives.js';
import { firstMaskLine, textForLibrary } from './dockerfile-library-text.js';
import { parseWithLibrary } from './dockerfile-library-views.js';
import { ParseError } from './parse-error.js';
import { checkCopiedHeredocLines } from './dockerfile-heredocs.js';

/**
 * Parses a Dockerfile into the policy input: instructions with exact source lines, and build stages with
 * their bases resolved. Throws a ParseError for a file Docker would not build (see `buildStages`), and for
 * one Docker would read other than as written (see `refuseLoneCarriageReturn`).
 */
export function parseDockerfile(path: string, source: DecodedText): DockerfileDocument {
  refuseLoneCarriageReturn(path, source);
  const directives = parseDirectives(path, source.lines);
  const { escape, views } = readInstructions(path, source, directives);
  const raw = toInstructions(views, source.lines, escape);
  refuseTooManyInstructions(path, raw);
  checkCopiedHeredocLines(path, raw);
  const built = buildStages(path, raw, escape);
  const instructions = resolveUsers(addCommands(path, built.instructions, built.stages, source.lines, escape), built.stages, escape);
  const { stages, finalStage } = built;
  return { kind: 'dockerfile', path, lines: source.lines, instructions, stages, finalStage, directives };
}

/**
 * The most instructions a Dockerfile may hold: the scaling benchmark's largest file has 10,000, the
 * corpus's 350. Every rule looks at each one, and 280,000 one-word instructions (a 2 MB file) took 5 s
 * and 1.5 GB.
 */
export const MAX_INSTRUCTIONS = 50_000;

function refuseTooManyInstructions(path: string, instructions: readonly { startLine: number }[]): void {
  const past = instructions[MAX_INSTRUCTIONS];
  if (past === undefined) return;
  throw new ParseError(
    path,
    past.startLine,
    `the file has more than ${MAX_INSTRUCTIONS} instructions, where the largest real Dockerfiles have a few hundred, and every rule looks at each one. Split it into several Dockerfiles.`,
  );
}

/**
 * BuildKit ends lines at LF only (a CR just before it is dropped), so text after a lone CR stays on the
 * same line: after `#`, a comment. Editors and GitHub's diff show it as a line of its own, so an
 * instruction there would be seen by reviewers and this check but never built. Refused rather than read
 * BuildKit's way, which would also number lines differently from every view of the file.
 */
function refuseLoneCarriageReturn(path: string, source: DecodedText): void {
  const line = source.loneCarriageReturnLine;
  if (line === null) return;
  throw new ParseError(
    path,
    line,
    'this line holds a carriage return (CR) without a line feed after it. Docker ends lines only at line feeds, so it reads what follows the CR as part of this line (after a #, as a comment) while editors and GitHub show it as a new line. Replace the lone CR with a line feed: save the file with LF or CRLF line endings.',
  );
}

/**
 * The file's instructions as BuildKit reads them: by our own reader when the file is written the common
 * way (a fraction of the work), else by dockerfile-ast, given the text masked where it would read the
 * lines otherwise (see textForLibrary).
 */
export function readInstructions(
  path: string,
  source: DecodedText,
  directives: readonly DockerfileDirective[],
): { escape: string; views: InstructionView[] } {
  const plain = readPlainInstructions(source.lines);
  if (plain !== null) return { escape: '\\', views: plain };
  const text = textForLibrary(source.lines, escapeOf(directives));
  if (text === null) {
    throw new ParseError(
      path,
      firstMaskLine(source.lines),
      'this line holds a control character (U+0001 to U+0003) that the Dockerfile reader cannot tell apart from its own markers. Remove it.',
    );
  }
  return parseWithLibrary(`${text.join('\n')}\n`);
}

/**
 * Parses a Dockerfile and pairs it with `locate`, which reads a path into the document's own shape:
 * `[i]` or `["instructions", i, ...]` is instruction i, `["stages", i, ...]` is stage i (FROM through its
 * last instruction). Anything else, and an index that does not exist, gives the whole file, the nearest
 * ancestor in that shape. Rules mostly report instruction lines directly; this is for symmetry with compose.
 */
export function parseDockerfileFile(path: string, source: DecodedText): ParsedFile {
  return locateInDockerfile(parseDockerfile(path, source));
}

/** A parsed Dockerfile paired with `locate` (see parseDockerfileFile): the document is all it needs, so a thread that receives one can rebuild it. */
export function locateInDockerfile(document: DockerfileDocument): ParsedFile {
  const whole: LineRange = { startLine: 1, endLine: Math.max(document.lines.length, 1) };
  const locate = (nodePath: NodePath): LineRange => {
    const [first, second] = nodePath;
    const target =
      typeof first === 'number'
        ? document.instructions[first]
        : first === 'instructions' && typeof second === 'number'
          ? document.instructions[second]
          : first === 'stages' && typeof second === 'number'
            ? document.stages[second]
            : undefined;
    return target ? { startLine: target.startLine, endLine: target.endLine } : whole;
  };
  return { document, locate };
}
