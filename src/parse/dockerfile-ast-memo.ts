import { Argument, From, Instruction } from 'dockerfile-ast';

/**
 * dockerfile-ast works an instruction's arguments out of its text again on every `getRawArguments()`
 * call (a character-by-character scan, with a line lookup per argument), and the library calls it
 * several times per instruction while parsing (the JSON form, flags, heredocs) before we read the
 * arguments ourselves. Over a large repository that was a tenth of a scan. An instruction's text does
 * not change once it is built (nothing here edits a document), so the first answer is kept for each
 * instance. Each caller gets its own copy of the array, because `ModifiableInstruction.getArguments`
 * shifts the flags off it; `From` also moves the ends of its first argument's range in place, so a
 * FROM's callers get copies of the ranges too (no other instruction writes to what it is given).
 */
export function rememberInstructionArguments(): void {
  if (installed) return;
  installed = true;
  // Private in the typings, called through the prototype by the library itself.
  const prototype = Instruction.prototype as unknown as { getRawArguments(this: Instruction): Argument[] };
  const compute = prototype.getRawArguments;
  prototype.getRawArguments = function getRawArguments(this: Instruction): Argument[] {
    // Kept on the instance under a symbol: a WeakMap of every instruction made the parse a quarter
    // slower (its lookups, and the collector's work on its entries).
    const holder = this as Instruction & { [REMEMBERED]?: Argument[] };
    let args = holder[REMEMBERED];
    if (!args) {
      args = compute.call(this);
      holder[REMEMBERED] = args;
    }
    return this instanceof From ? args.map(copyArgument) : args.slice();
  };
}

let installed = false;
const REMEMBERED = Symbol('remembered raw arguments');

/** The range object is new; its positions are shared, as the library replaces positions and never edits one. */
function copyArgument(arg: Argument): Argument {
  const { start, end } = arg.getRange();
  return new Argument(arg.getValue(), { start, end });
}
