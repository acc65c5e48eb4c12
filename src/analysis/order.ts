import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunction } from './ast.js';

/**
 * Code-path ordering: which of two calls in one function can run first.
 *
 * ESLint builds a control-flow graph of segments for every function (and for the program, class
 * field initialisers and static blocks). `CodePathRecorder` follows the current segments during
 * the traversal, attaches a rule's events to them in evaluation order, and hands the finished
 * graph to the rule when the code path ends. `solveForward` then runs a forward data-flow over it
 * to a fixpoint, so loops and joins are handled by the lattice, not by special cases.
 */

export type CodePath = TSESLint.CodePath;
export type Segment = TSESLint.CodePathSegment;

/** The node that owns a code path: a function, a class field initialiser, a static block or the program. */
export function codePathOwner(node: TSESTree.Node): TSESTree.Node {
  let current: TSESTree.Node = node;
  for (;;) {
    if (isFunction(current) || current.type === AST_NODE_TYPES.StaticBlock) return current;
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return current;
    // ESLint runs a class field's initialiser as its own code path (not `accessor` fields).
    if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === current) return current;
    current = parent;
  }
}

export interface SegmentInfo<E> {
  segment: Segment;
  /** The node entered when the segment started: a `CatchClause` for a catch handler's entry. */
  startNode: TSESTree.Node;
  /** The rule's events in evaluation order. */
  events: E[];
}

/** A finished code path: its reachable segments, their events, and its loops. */
export class RecordedPath<E> {
  /** Reachable segments in reverse postorder (every segment after its forward predecessors). */
  readonly order: readonly Segment[];
  private readonly backEdges = new Set<string>();
  private loopList: Loop[] | undefined;

  constructor(
    readonly codePath: CodePath,
    readonly node: TSESTree.Node,
    private readonly infos: ReadonlyMap<string, SegmentInfo<E>>,
  ) {
    this.order = this.depthFirst();
  }

  info(segment: Segment): SegmentInfo<E> | undefined {
    return this.infos.get(segment.id);
  }

  events(segment: Segment): readonly E[] {
    return this.infos.get(segment.id)?.events ?? [];
  }

  /** An edge that closes a loop: it goes back to a segment that is still open in a depth-first walk. */
  isBackEdge(from: Segment, to: Segment): boolean {
    return this.backEdges.has(edgeKey(from, to));
  }

  /**
   * Can `to` run after `from`? With `sameIteration`, a path may not go around a loop that holds
   * both: inside a loop, `to` must follow `from` in the same iteration (or after the loop), since
   * the next iteration often works on something else (`for (const user of users)`).
   * `enter` can close segments off (a catch handler, say).
   */
  reaches(from: Segment, to: Segment, options: { sameIteration?: boolean; enter?: (segment: Segment) => boolean } = {}): boolean {
    const blocked = options.sameIteration
      ? new Set(this.loops().flatMap((loop) => (loop.body.has(from) && loop.body.has(to) ? [...loop.edges] : [])))
      : undefined;
    const seen = new Set<Segment>();
    const stack = [from];
    while (stack.length > 0) {
      const segment = stack.pop()!;
      for (const next of segment.nextSegments) {
        if (seen.has(next) || blocked?.has(edgeKey(segment, next))) continue;
        if (options.enter && !options.enter(next)) continue;
        if (next === to) return true;
        seen.add(next);
        stack.push(next);
      }
    }
    return false;
  }

  /**
   * Each loop as its head, its back edges and its natural body: the head and every segment that
   * reaches a back edge without passing the head. Back edges into one head (a `continue` and the
   * end of the body) make one loop.
   */
  loops(): readonly Loop[] {
    if (this.loopList) return this.loopList;
    const known = new Set(this.order);
    const byHead = new Map<Segment, { edges: Set<string>; body: Set<Segment> }>();
    for (const from of this.order) {
      for (const head of from.nextSegments) {
        if (!this.isBackEdge(from, head)) continue;
        const loop = byHead.get(head) ?? { edges: new Set<string>(), body: new Set<Segment>([head]) };
        byHead.set(head, loop);
        loop.edges.add(edgeKey(from, head));
        const stack: Segment[] = [];
        if (!loop.body.has(from)) {
          loop.body.add(from);
          stack.push(from);
        }
        while (stack.length > 0) {
          for (const previous of stack.pop()!.prevSegments) {
            if (known.has(previous) && !loop.body.has(previous)) {
              loop.body.add(previous);
              stack.push(previous);
            }
          }
        }
      }
    }
    this.loopList = [...byHead].map(([head, loop]) => ({ head, ...loop }));
    return this.loopList;
  }

  /** Iterative depth-first walk from the initial segment: reverse postorder and back edges. */
  private depthFirst(): Segment[] {
    const postorder: Segment[] = [];
    const open = new Set<Segment>();
    const done = new Set<Segment>();
    const initial = this.codePath.initialSegment;
    const stack: { segment: Segment; next: number }[] = [{ segment: initial, next: 0 }];
    open.add(initial);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const successors = top.segment.nextSegments;
      if (top.next < successors.length) {
        const next = successors[top.next++];
        if (open.has(next)) {
          this.backEdges.add(edgeKey(top.segment, next));
        } else if (!done.has(next)) {
          open.add(next);
          stack.push({ segment: next, next: 0 });
        }
        continue;
      }
      stack.pop();
      open.delete(top.segment);
      done.add(top.segment);
      postorder.push(top.segment);
    }
    return postorder.reverse();
  }
}

const edgeKey = (from: Segment, to: Segment): string => `${from.id}>${to.id}`;

export interface Loop {
  head: Segment;
  /** The edges back to the head, as `from>to` segment ids. */
  edges: ReadonlySet<string>;
  body: ReadonlySet<Segment>;
}

interface Frame<E> {
  codePath: CodePath;
  node: TSESTree.Node;
  /** Null for code paths nobody asked to follow: their segment events are ignored. */
  infos: Map<string, SegmentInfo<E>> | null;
  current: Set<Segment>;
}

type Listener = (...args: never[]) => void;

export interface RecorderOptions<E> {
  /** Which code paths to follow, by owner node (see `codePathOwner`). Keep it cheap. */
  follow(node: TSESTree.Node): boolean;
  /** Called once per followed code path, when ESLint has finished it. */
  onEnd(path: RecordedPath<E>): void;
}

/**
 * Follows the current segments of every code path (ESLint no longer exposes them) and collects
 * events for the code paths a rule asked for.
 */
export class CodePathRecorder<E> {
  private readonly frames: Frame<E>[] = [];

  constructor(private readonly options: RecorderOptions<E>) {}

  /** Attaches an event to the current reachable segments of the innermost code path, if it is followed. */
  record(owner: TSESTree.Node, event: E): boolean {
    const frame = this.frames.at(-1);
    if (!frame?.infos || frame.node !== owner) return false;
    let recorded = false;
    for (const segment of frame.current) {
      const info = frame.infos.get(segment.id);
      if (!info) continue;
      info.events.push(event);
      recorded = true;
    }
    return recorded;
  }

  /** The listeners to spread into a rule's visitor. */
  listeners(): Record<string, Listener> {
    const start = (segment: Segment, node: TSESTree.Node): void => {
      const frame = this.frames.at(-1);
      if (!frame?.infos) return;
      frame.current.add(segment);
      if (segment.reachable) frame.infos.set(segment.id, { segment, startNode: node, events: [] });
    };
    const end = (segment: Segment): void => {
      this.frames.at(-1)?.current.delete(segment);
    };
    const listeners = {
      onCodePathStart: (codePath: CodePath, node: TSESTree.Node): void => {
        this.frames.push({
          codePath,
          node,
          infos: this.options.follow(node) ? new Map() : null,
          current: new Set(),
        });
      },
      onCodePathEnd: (codePath: CodePath, node: TSESTree.Node): void => {
        const frame = this.frames.pop();
        if (frame?.infos && frame.codePath === codePath) {
          this.options.onEnd(new RecordedPath(codePath, node, frame.infos));
        }
      },
      onCodePathSegmentStart: start,
      onCodePathSegmentEnd: end,
      onUnreachableCodePathSegmentStart: start,
      onUnreachableCodePathSegmentEnd: end,
    };
    return listeners;
  }
}

export interface ForwardProblem<T> {
  /** The state on entry to the code path. */
  entry: T;
  /** The state every other segment starts from: the identity of `meet` (everything for must, nothing for may). */
  initial: T;
  /** Joins the states of two predecessors: intersection for must, union for may. */
  meet(a: T, b: T): T;
  /** The state after a segment, given the state before it. Must be monotone. */
  transfer(segment: Segment, input: T): T;
  equal(a: T, b: T): boolean;
  /**
   * Ignore back edges: facts from an earlier iteration of a loop do not reach the top of the next
   * one. For may-facts about "before" this is what a reader means; must-facts need the full graph.
   */
  acyclic?: boolean;
}

/** Forward data-flow to a fixpoint over the segment graph; returns the state before each segment. */
export function solveForward<E, T>(path: RecordedPath<E>, problem: ForwardProblem<T>): Map<Segment, T> {
  const before = new Map<Segment, T>();
  const after = new Map<Segment, T>();
  const initial = path.codePath.initialSegment;
  const known = new Set(path.order);
  const inputOf = (segment: Segment): T => {
    if (segment === initial) return problem.entry;
    let state: T | undefined;
    for (const previous of segment.prevSegments) {
      if (!known.has(previous) || (problem.acyclic && path.isBackEdge(previous, segment))) continue;
      const out = after.get(previous) ?? problem.initial;
      state = state === undefined ? out : problem.meet(state, out);
    }
    // A segment with no counted predecessor (only reached around a loop) starts from nothing known.
    return state ?? problem.entry;
  };
  // Round-robin passes in reverse postorder: on a reducible graph (every JavaScript function) this
  // converges in a few passes more than the loop nesting depth. The cap only guards against a bug.
  for (let pass = 0, changed = true; changed && pass < 100; pass++) {
    changed = false;
    for (const segment of path.order) {
      const input = inputOf(segment);
      before.set(segment, input);
      const output = problem.transfer(segment, input);
      const previous = after.get(segment);
      if (previous === undefined || !problem.equal(previous, output)) {
        after.set(segment, output);
        changed = true;
      }
    }
  }
  return before;
}
