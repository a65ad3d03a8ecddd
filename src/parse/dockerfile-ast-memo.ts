import { Argument, From, Instruction } from 'dockerfile-ast';
import { splitArguments } from './dockerfile-arguments.js';
import { countBelow } from './count-below.js';

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
  readonly document: { offsetAt(position: Position): number; positionAt(offset: number): Position; getText(): string };
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
  const text = instruction.getTextContent().substring(keywordLength);
  const positionAt = positionsAfter(document, offset, text.length);
  return splitArguments(text, instruction.escapeChar).map((span) => new Argument(span.value, { start: positionAt(span.start), end: positionAt(span.end) }));
}

/**
 * The document's `positionAt(offset + relative)` for `relative` from 0 to `length`, worked out from one
 * lookup and the newlines in between rather than a search of the document's line table per argument
 * (two per argument were a twentieth of a Dockerfile's parse). A document with a carriage return is
 * left to the document, whose rules for `\r\n` these would have to copy, as is anything out of range.
 */
function positionsAfter(document: InstructionInternals['document'], offset: number, length: number): (relative: number) => Position {
  const lookUp = (relative: number) => document.positionAt(offset + relative);
  const text = document.getText();
  let carriageReturn = HAS_CARRIAGE_RETURN.get(document);
  if (carriageReturn === undefined) HAS_CARRIAGE_RETURN.set(document, (carriageReturn = text.includes('\r')));
  if (carriageReturn || offset < 0 || offset + length > text.length) return lookUp;
  const base = document.positionAt(offset);
  const newlines: number[] = []; // relative to offset, in order
  for (let at = text.indexOf('\n', offset); at !== -1 && at < offset + length; at = text.indexOf('\n', at + 1)) newlines.push(at - offset);
  return (relative) => {
    if (relative < 0 || relative > length) return lookUp(relative);
    // Each newline before it starts a line.
    const low = countBelow(newlines, relative);
    return low === 0 ? { line: base.line, character: base.character + relative } : { line: base.line + low, character: relative - (newlines[low - 1] as number) - 1 };
  };
}

const HAS_CARRIAGE_RETURN = new WeakMap<object, boolean>();

/** The range object is new; its positions are shared, as the library replaces positions and never edits one. */
function copyArgument(arg: Argument): Argument {
  const { start, end } = arg.getRange();
  return new Argument(arg.getValue(), { start, end });
}
