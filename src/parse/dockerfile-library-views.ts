import { DockerfileParser, ModifiableInstruction, PropertyInstruction, type Instruction } from 'dockerfile-ast';
import type { InstructionView } from './dockerfile-instructions.js';
import { rememberInstructionArguments } from './dockerfile-ast-memo.js';

/** dockerfile-ast's reading of a Dockerfile: its escape character and its instructions, as views. */
export function parseWithLibrary(text: string): { escape: string; views: InstructionView[] } {
  rememberInstructionArguments();
  const ast = DockerfileParser.parse(text);
  return { escape: ast.getEscapeCharacter(), views: ast.getInstructions().map(libraryView) };
}

/** One of dockerfile-ast's instructions as a view; each answer is asked of the library when needed. */
export function libraryView(instruction: Instruction): InstructionView {
  const range = instruction.getRange();
  return {
    startLine: range.start.line + 1,
    parsedEndLine: range.end.line + 1,
    keyword: instruction.getKeyword(),
    flags: () =>
      instruction instanceof ModifiableInstruction ? instruction.getFlags().map((flag) => ({ name: flag.getName(), value: flag.getValue() })) : [],
    properties: () =>
      instruction instanceof PropertyInstruction
        ? instruction.getProperties().map((property) => {
            const value = property.getValue();
            return value === null ? property.getName() : `${property.getName()}=${value}`;
          })
        : null,
    argumentsWithLines: () => instruction.getArguments().map((arg) => ({ value: arg.getValue(), line: arg.getRange().start.line + 1 })),
  };
}
