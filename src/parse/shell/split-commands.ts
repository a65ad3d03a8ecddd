import { shSyntax, type ShNode, type ShPos, type ShSyntax } from './mvdan-sh-module.js';
import { REDIRECT } from './shell-lists.js';
import { splitSimpleCommands, withOptional } from './split-simple.js';
import { MAX_SHELL_PARSER_BYTES, MAX_SHELL_PARSER_NODES, ShellScriptTooLargeError } from './shell-limits.js';

/** One simple command of a shell script, as the shell would run it. */
export interface SimpleCommand {
  /** The words: quotes removed; an expansion (`$X`, `$(cmd)`) kept as written. */
  readonly words: readonly string[];
  /** 1-based line of the script where the command starts. */
  readonly line: number;
  /** Commands joined by `|` share an id; every command has one (a lone command is a pipeline of one). */
  readonly pipeline: number;
  /** 0-based position in its pipeline. */
  readonly position: number;
  /** How many commands the pipeline has. */
  readonly pipelineSize: number;
  /**
   * Its exit status reaches a `!` that inverts it: `!` before its pipeline, or before a group, loop or
   * condition that holds it (`! { ldd x | grep 'not found'; }`), not through a `$(…)`; absent otherwise.
   */
  readonly negated?: true;
  /** `NAME=value` words before the command, which set its environment; absent when there are none. */
  readonly assignments?: readonly string[];
  /** Its redirections, in order, other than heredocs and here-strings; absent when there are none. */
  readonly redirects?: readonly Redirect[];
}

/** A redirection of a simple command: `> out.tgz` is `{op: ">", to: "out.tgz"}`, `2>&1` `{op: ">&", fd: 2, to: "1"}`. */
export interface Redirect {
  /** The operator as written: `>`, `>>`, `>|`, `&>`, `&>>`, `<`, `<>`, `>&`, `<&`. */
  readonly op: string;
  /** The descriptor written before the operator (`2>`), when one is. */
  readonly fd?: number;
  /** The word after the operator, as `words` are given: a file, or a descriptor for `>&` and `<&`. */
  readonly to: string;
}

export type SplitResult =
  | { readonly ok: true; readonly commands: SimpleCommand[] }
  | { readonly ok: false; readonly line: number; readonly message: string };

// mvdan-sh's BinaryCmd operators for `|` and `|&` (syntax.Pipe, syntax.PipeAll).
const PIPE_OPS = new Set([12, 13]);
// The nodes that become commands; a compound command's redirections are not its commands'.
const COMMAND_TYPES = new Set(['CallExpr', 'DeclClause']);
// Command and process substitutions: what runs inside gives a word, not the status around it.
const SUBSTITUTIONS = new Set(['CmdSubst', 'ProcSubst']);
const SHELL_ERROR = /^[^:]*:(\d+):(\d+): (.*)$/s;

/**
 * Splits a shell script into simple commands with a real shell parser (bash dialect, a superset of
 * what `/bin/sh -c` accepts in practice): `&&`, `||`, `;`, `|`, newlines, line continuations, command
 * substitutions, subshells, loops and conditionals all give up the commands inside them. A script the
 * parser rejects is returned as an error with its line, never as a guess. A declaration builtin
 * (`export A=1`, `declare -x B`) is a command whose words are its name and arguments.
 *
 * Nearly every RUN script goes through a parser for the common subset of the grammar instead
 * (split-simple.ts), with the same output: the full parser is a GopherJS build whose tree costs far
 * more to walk than the fast path costs to run, and it takes ~100 ms to load. It stays the authority
 * on the rest, syntax errors included.
 */
export function splitCommands(script: string): SplitResult {
  const simple = splitSimpleCommands(script);
  return simple ? { ok: true, commands: simple } : splitWithShellParser(script);
}

/** {@link splitCommands} with mvdan-sh alone, for any script; the reference the fast path is tested against. */
export function splitWithShellParser(script: string): SplitResult {
  if (script.length > MAX_SHELL_PARSER_BYTES) {
    throw new ShellScriptTooLargeError(
      `the script is ${Math.ceil(script.length / 1024)} KB and uses shell syntax beyond simple command lists, which only the full shell parser reads, up to ${MAX_SHELL_PARSER_BYTES / 1024} KB. Split it into smaller RUN instructions`,
    );
  }
  const syntax = shSyntax();
  let file: ShNode;
  try {
    file = syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(script, 'RUN');
  } catch (error) {
    if (error instanceof RangeError) throw nestedTooDeeply();
    // GopherJS throws the Go error value; its message comes from Error().
    const goError = error as { Error?: () => string } | null;
    const text = typeof goError?.Error === 'function' ? goError.Error() : String(error);
    const match = SHELL_ERROR.exec(text);
    return { ok: false, line: match ? Number(match[1]) : 1, message: match ? (match[3] ?? text) : text };
  }
  const bytes = Buffer.from(script, 'utf8');
  // One walk of the tree: crossing into the GopherJS tree costs more than anything done with a node,
  // and a pipeline's BinaryCmd is visited before the commands inside it, so its places are known in
  // time. Lone commands are numbered after every pipeline, once the walk has counted them.
  const pipes: PipeState = { byOffset: new Map(), inner: new Set(), count: 0 };
  const commands: SimpleCommand[] = [];
  const lone: number[] = [];
  // A statement is visited before its command: its redirections wait there, by the command's offset.
  const redirectsAt = new Map<number, Redirect[]>();
  // The `!`s around the node being visited, one entry per open node: the walk calls back with null when
  // it leaves a node. A substitution's commands run apart from the status around it, so it starts at 0.
  const negations: number[] = [0];
  let nodes = 0;
  try {
    syntax.Walk(file, (node) => visit(node));
  } catch (error) {
    if (error instanceof RangeError) throw nestedTooDeeply();
    // What the visitor throws reaches here wrapped by GopherJS, so the count says why the walk stopped.
    if (nodes <= MAX_SHELL_PARSER_NODES) throw error;
    throw new ShellScriptTooLargeError(
      `the script has more than ${MAX_SHELL_PARSER_NODES} shell syntax elements and uses syntax beyond simple command lists, which only the full shell parser reads. Split it into smaller RUN instructions`,
    );
  }
  lone.forEach((index, i) => {
    commands[index] = { ...(commands[index] as SimpleCommand), pipeline: pipes.count + i };
  });
  return { ok: true, commands };

  function visit(node: ShNode | null): boolean {
    if (node === null) {
      negations.pop();
      return true;
    }
    if (++nodes > MAX_SHELL_PARSER_NODES) throw new Error('the walk is over its budget');
    const type = syntax.NodeType(node);
    const around = negations[negations.length - 1] as number;
    negations.push(SUBSTITUTIONS.has(type) ? 0 : type === 'Stmt' && node.Negated === true ? around + 1 : around);
    if (type === 'BinaryCmd') {
      addPipeline(syntax, node, pipes);
      return true;
    }
    if (type === 'Stmt') {
      const redirs = node.Redirs as ShNode[];
      const cmd = node.Cmd as ShNode | null;
      if (redirs.length > 0 && cmd && COMMAND_TYPES.has(syntax.NodeType(cmd))) redirectsAt.set(cmd.Pos().Offset(), redirectsOf(syntax, redirs, bytes));
      return true;
    }
    let words: string[];
    let assignments: string[] = [];
    if (type === 'CallExpr') {
      const args = node.Args as ShNode[];
      if (args.length === 0) return true;
      words = args.map((word) => wordValue(syntax, word, bytes));
      assignments = (node.Assigns as ShNode[]).map((assign) => assignValue(syntax, assign, bytes));
    } else if (type === 'DeclClause') {
      words = [String((node.Variant as ShNode).Value), ...(node.Args as ShNode[]).map((assign) => assignValue(syntax, assign, bytes))];
    } else {
      return true;
    }
    const pos = node.Pos();
    const pipe = pipes.byOffset.get(pos.Offset());
    if (!pipe) lone.push(commands.length);
    const place = { words, line: pos.Line(), pipeline: pipe?.pipeline ?? -1, position: pipe?.position ?? 0, pipelineSize: pipe?.size ?? 1 };
    commands.push(withOptional(place, around > 0, assignments, redirectsAt.get(pos.Offset()) ?? []));
    return true;
  }
}

function nestedTooDeeply(): ShellScriptTooLargeError {
  return new ShellScriptTooLargeError('the script nests shell syntax (pipelines, substitutions, compound commands) deeper than the full shell parser can follow. Split it into smaller RUN instructions');
}

interface PipePlace {
  readonly pipeline: number;
  readonly position: number;
  readonly size: number;
}

interface PipeState {
  readonly byOffset: Map<number, PipePlace>;
  /** Pipes already flattened into an outer pipeline, by start and end offset. */
  readonly inner: Set<number>;
  count: number;
}

/** Records the start offsets of the commands of `a | b | c` (a pipe BinaryCmd), with their pipeline id and position. */
function addPipeline(syntax: ShSyntax, node: ShNode, pipes: PipeState): void {
  if (!PIPE_OPS.has(Number(node.Op))) return;
  const key = node.Pos().Offset() * 1e6 + node.End().Offset();
  if (pipes.inner.has(key)) return; // part of an outer pipeline already flattened
  const stages: ShNode[] = [];
  const flatten = (stmt: ShNode): void => {
    const cmd = stmt.Cmd as ShNode | null;
    if (cmd && syntax.NodeType(cmd) === 'BinaryCmd' && PIPE_OPS.has(Number(cmd.Op))) {
      pipes.inner.add(cmd.Pos().Offset() * 1e6 + cmd.End().Offset());
      flatten(cmd.X as ShNode);
      flatten(cmd.Y as ShNode);
    } else {
      stages.push(stmt);
    }
  };
  flatten(node.X as ShNode);
  flatten(node.Y as ShNode);
  const pipeline = pipes.count++;
  stages.forEach((stmt, position) => {
    const cmd = stmt.Cmd as ShNode | null;
    if (cmd) pipes.byOffset.set(cmd.Pos().Offset(), { pipeline, position, size: stages.length });
  });
}

/** A statement's redirections as the fast path keeps them: heredocs and here-strings left out. */
function redirectsOf(syntax: ShSyntax, redirs: readonly ShNode[], bytes: Buffer): Redirect[] {
  const kept: Redirect[] = [];
  for (const redir of redirs) {
    // The operator as written, read from the source: the tree's operator codes are Go's token numbers.
    const at = (redir.OpPos as ShPos).Offset();
    REDIRECT.lastIndex = 0;
    const op = REDIRECT.exec(bytes.subarray(at, at + 3).toString('latin1'))?.[0];
    if (op === undefined || op.startsWith('<<')) continue;
    const to = wordValue(syntax, redir.Word as ShNode, bytes);
    const fd = redir.N as ShNode | null;
    kept.push(fd ? { op, fd: Number(fd.Value), to } : { op, to });
  }
  return kept;
}

/**
 * An assignment (`A=1`, `A+=x`) or a declaration's argument (`-x`, a bare `NAME`) as the fast path
 * reports the word it was written as: `NAME=` then the value's word, or the bare word.
 */
function assignValue(syntax: ShSyntax, assign: ShNode, bytes: Buffer): string {
  const name = assign.Name as ShNode | null;
  const value = assign.Value as ShNode | null;
  if (assign.Naked) return name ? String(name.Value) : value ? wordValue(syntax, value, bytes) : '';
  return `${String(name?.Value ?? '')}${assign.Append ? '+=' : '='}${value ? wordValue(syntax, value, bytes) : ''}`;
}

/** A word's value: literal and quoted parts unquoted, expansions as written in the source. */
function wordValue(syntax: ShSyntax, word: ShNode, bytes: Buffer): string {
  return (word.Parts as ShNode[]).map((part) => partValue(syntax, part, bytes)).join('');
}

function partValue(syntax: ShSyntax, part: ShNode, bytes: Buffer): string {
  switch (syntax.NodeType(part)) {
    case 'Lit':
      return unescapeLit(String(part.Value));
    case 'SglQuoted':
      return String(part.Value);
    case 'DblQuoted':
      return (part.Parts as ShNode[])
        .map((inner) => (syntax.NodeType(inner) === 'Lit' ? String(inner.Value) : partValue(syntax, inner, bytes)))
        .join('');
    default:
      return bytes.subarray(part.Pos().Offset(), part.End().Offset()).toString('utf8');
  }
}

/** An unquoted literal keeps its backslashes in the tree; the shell removes them (`a\ b` is `a b`). */
function unescapeLit(value: string): string {
  return value.replace(/\\\n/g, '').replace(/\\(.)/g, '$1');
}
