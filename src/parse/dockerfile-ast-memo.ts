import { Argument, From, Instruction } from 'dockerfile-ast';
import { splitArguments } from './dockerfile-arguments.js';

/**
 * dockerfile-ast works an instruction's arguments out of its text again on every `getRawArguments()`
 * call (a character-by-character scan, with a line lookup per argument), and the library calls it
 * several times per instruction while parsing (the JSON form, flags, heredocs) before we read the
 * arguments ourselves. Over a large repository that was a tenth of a scan. An instruction's text does
 * not change once it is built (nothing here edits a document), so the first answer is kept for each
 * instance. Each caller gets its own copy of the array, because `ModifiableInstruction.getArguments`
 * shifts the flags off it; `From` also moves the ends of its first argument's range in place, so a
 * FROM's callers get copies of the ranges too (no other instruction writes to what it is given).
 * The first answer itself comes from `argumentsOf`, the same arguments built with less work.
 */
export function rememberInstructionArguments(): void {
  if (installed) return;
  installed = true;
  // Private in the typings, called through the prototype by the library itself.
  const prototype = Instruction.prototype as unknown as { getRawArguments(this: Instruction): Argument[] };
  prototype.getRawArguments = function getRawArguments(this: Instruction): Argument[] {
    // Kept on the instance under a symbol: a WeakMap of every instruction made the parse a quarter
    // slower (its lookups, and the collector's work on its entries).
    const holder = this as Instruction & { [REMEMBERED]?: Argument[] };
    let args = holder[REMEMBERED];
    if (!args) {
      args = argumentsOf(this as unknown as InstructionInternals);
      holder[REMEMBERED] = args;
    }
    return this instanceof From ? args.map(copyArgument) : args.slice();
  };
}

let installed = false;
const REMEMBERED = Symbol('remembered raw arguments');

/** The library's own computation, which `argumentsOf` replaces; kept so that tests can compare the two. */
export const libraryRawArguments: (this: Instruction) => Argument[] = (Instruction.prototype as unknown as { getRawArguments(this: Instruction): Argument[] }).getRawArguments;

/** What an instruction keeps that the library's computation reads (private in its typings). */
interface InstructionInternals {
  readonly document: { offsetAt(position: Position): number; positionAt(offset: number): Position };
  readonly escapeChar: string;
  getInstructionRange(): { start: Position; end: Position };
  getTextContent(): string;
}
interface Position {
  readonly line: number;
  readonly character: number;
}

/**
 * The instruction's arguments as the library computes them: the text after the keyword split by
 * splitArguments, each located by the document (offsets and ranges worked out as the library does).
 */
export function argumentsOf(instruction: InstructionInternals): Argument[] {
  const { document } = instruction;
  const keyword = instruction.getInstructionRange();
  const keywordLength = document.offsetAt(keyword.end) - document.offsetAt(keyword.start);
  const offset = document.offsetAt(keyword.start) + keywordLength;
  return splitArguments(instruction.getTextContent().substring(keywordLength), instruction.escapeChar).map(
    (span) => new Argument(span.value, { start: document.positionAt(offset + span.start), end: document.positionAt(offset + span.end) }),
  );
}

/** The range object is new; its positions are shared, as the library replaces positions and never edits one. */
function copyArgument(arg: Argument): Argument {
  const { start, end } = arg.getRange();
  return new Argument(arg.getValue(), { start, end });
}
