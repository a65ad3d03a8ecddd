import { DockerfileParser } from 'dockerfile-ast';
import type { DockerfileDocument } from './input-document.js';
import type { LineRange, NodePath, ParsedFile } from './parsed-file.js';
import type { DecodedText } from './decode-text.js';
import { toInstructions } from './dockerfile-instructions.js';
import { buildStages } from './dockerfile-stages.js';
import { addCommands } from './dockerfile-commands.js';
import { escapeOf, parseDirectives } from './dockerfile-directives.js';
import { MASK, maskFalseHeredocs } from './dockerfile-heredocs.js';
import { rememberInstructionArguments } from './dockerfile-ast-memo.js';

/**
 * Parses a Dockerfile into the policy input: instructions with exact source lines, and build stages with
 * their bases resolved. Throws a ParseError for a file Docker would not build (see `buildStages`).
 */
export function parseDockerfile(path: string, source: DecodedText): DockerfileDocument {
  const directives = parseDirectives(source.lines);
  // A `<<` BuildKit does not read as a heredoc is hidden from dockerfile-ast, which would (see
  // maskFalseHeredocs); the NUL-free masking character cannot collide with a decoded file's text.
  const masked = source.text.includes(MASK) ? null : maskFalseHeredocs(source.lines, escapeOf(directives));
  rememberInstructionArguments();
  const ast = DockerfileParser.parse(masked ? `${masked.join('\n')}\n` : source.text);
  const escape = ast.getEscapeCharacter();
  const raw = toInstructions(ast, source.lines);
  const built = buildStages(path, raw, escape);
  const instructions = addCommands(built.instructions, built.stages, source.lines, escape);
  const { stages, finalStage } = built;
  return { kind: 'dockerfile', path, lines: source.lines, instructions, stages, finalStage, directives };
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
