import { Argument, Instruction } from 'dockerfile-ast';

/**
 * dockerfile-ast works an instruction's arguments out of its text again on every `getRawArguments()`
 * call (a character-by-character scan, with a line lookup per argument), and the library calls it
 * several times per instruction while parsing (the JSON form, flags, heredocs) before we read the
 * arguments ourselves. Over a large repository that was a tenth of a scan. An instruction's text does
 * not change once it is built (nothing here edits a document), so the first answer is kept for each
 * instance. Each caller gets its own copy of the array and of the ranges, because the library edits
 * what it is given: `ModifiableInstruction.getArguments` shifts the flags off the array, and `From`
 * moves range ends in place.
 */
export function rememberInstructionArguments(): void {
  if (installed) return;
  installed = true;
  // Private in the typings, called through the prototype by the library itself.
  const prototype = Instruction.prototype as unknown as { getRawArguments(this: Instruction): Argument[] };
  const compute = prototype.getRawArguments;
  const remembered = new WeakMap<Instruction, Argument[]>();
  prototype.getRawArguments = function getRawArguments(this: Instruction): Argument[] {
    const known = remembered.get(this);
    if (known) return known.map(copyArgument);
    const args = compute.call(this);
    remembered.set(this, args);
    return args.map(copyArgument);
  };
}

let installed = false;

function copyArgument(arg: Argument): Argument {
  const { start, end } = arg.getRange();
  return new Argument(arg.getValue(), { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } });
}
