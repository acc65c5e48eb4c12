import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { memberName, staticName, unwrap } from '../analysis/ast.js';
import { CodePathRecorder, codePathOwner, solveForward, type RecordedPath, type Segment } from '../analysis/order.js';
import { getSdkAnalysis, resolveFields, type SdkCall } from '../analysis/sdk-calls.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'trackBeforeIdentify' | 'identifyOnSomePaths' | 'identifyNotAwaited' | 'identifyConcurrent';

/** One identify or track of one person, at one call. */
interface PersonCall {
  /** The SDK and the normalised person id: calls with equal keys address the same person. */
  key: string;
  /** The person id as written, for messages. */
  person: string;
  /** The request runs on its own (a promise); a queued client keeps the order of its calls. */
  promise: boolean;
  /** For an identify: the person exists once this call is passed (awaited, queued, or unknowable). */
  completes: boolean;
}

/** Everything one call node does, recorded at the node's exit (after its arguments ran). */
interface CallEvent {
  node: TSESTree.CallExpression;
  identifies: PersonCall[];
  tracks: PersonCall[];
}

interface State {
  /** Keys identified on every path (null: every key, the starting point of an intersection). */
  must: Set<string> | null;
  /** Keys identified on some path, not counting earlier loop iterations. */
  mayDone: Set<string>;
  /** Keys whose identify was started without being awaited on some path. */
  mayFlight: Set<string>;
}

interface Verdict {
  messageId: MessageIds;
  person: string;
}

const COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);
const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);
const MAX_PERSON_TEXT = 40;

export default createRule<[], MessageIds>({
  name: 'identify-before-track',
  meta: {
    type: 'problem',
    docs: {
      description: 'require a person to be identified before events are tracked for them in the same function',
      recommended: 'recommended',
    },
    messages: {
      trackBeforeIdentify:
        'This event for {{ person }} is sent before the identify of {{ person }} further down, so it reaches a person who does not exist yet and is dropped or lands on an empty profile. Identify the person first, then track.',
      identifyOnSomePaths:
        '{{ person }} is identified on only some of the paths that reach this event, so on the others the event reaches a person who may not exist yet. Identify on every path before tracking, for example by moving the identify out of the branch.',
      identifyNotAwaited:
        'The identify of {{ person }} before this event is not awaited, so both requests are in flight at once and the event can arrive before the person exists. Await the identify (or send the event in its .then) before tracking.',
      identifyConcurrent:
        'This event for {{ person }} is sent concurrently with the identify of {{ person }} ({{ where }}), so it can arrive before the person exists. Await the identify first, then send the event.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;

    // A file without both an identify and a track has nothing to order: skip the per-call walks
    // up to the code-path owner, and register no code-path listeners.
    let fileKinds = 0;
    for (const call of analysis.calls) {
      const kind = call.method.kind;
      if (kind === 'identify') fileKinds |= 1;
      else if (kind === 'track') fileKinds |= 2;
    }
    if (fileKinds !== 3) return {};

    // Cheap pass over the resolved calls: which code paths identify and track the same person?
    const keyer = new PersonKeyer(sourceCode);
    const byNode = new Map<TSESTree.CallExpression, { owner: TSESTree.Node; identifies: PersonCall[]; tracks: PersonCall[] }>();
    const kindsByOwner = new Map<TSESTree.Node, Map<string, number>>();
    // Only functions that both identify and track can order them wrongly: no person keys for the rest.
    const candidates: { call: SdkCall; kind: 'identify' | 'track'; owner: TSESTree.Node }[] = [];
    const kindsSeen = new Map<TSESTree.Node, number>();
    for (const call of analysis.calls) {
      const kind = call.method.kind;
      if (kind !== 'identify' && kind !== 'track') continue;
      const owner = codePathOwner(call.node);
      candidates.push({ call, kind, owner });
      kindsSeen.set(owner, (kindsSeen.get(owner) ?? 0) | (kind === 'identify' ? 1 : 2));
    }
    for (const { call, kind, owner } of candidates) {
      if (kindsSeen.get(owner) !== 3) continue;
      const personCall = describe(call, kind, keyer);
      if (!personCall) continue;
      let entry = byNode.get(call.node);
      if (!entry) {
        entry = { owner, identifies: [], tracks: [] };
        byNode.set(call.node, entry);
      }
      const list = kind === 'identify' ? entry.identifies : entry.tracks;
      if (list.some((existing) => existing.key === personCall.key)) continue;
      list.push(personCall);
      const kinds = kindsByOwner.get(owner) ?? new Map<string, number>();
      kinds.set(personCall.key, (kinds.get(personCall.key) ?? 0) | (kind === 'identify' ? 1 : 2));
      kindsByOwner.set(owner, kinds);
    }
    const owners = new Set<TSESTree.Node>();
    for (const [owner, kinds] of kindsByOwner) {
      if ([...kinds.values()].includes(3)) owners.add(owner);
    }
    // Most files never identify and track one person in one function: no code-path work at all.
    if (owners.size === 0) return {};

    const reported = new Set<TSESTree.Node>();
    const report = (node: TSESTree.CallExpression, messageId: MessageIds, data: Record<string, string>): void => {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId, data });
    };

    const recorder = new CodePathRecorder<CallEvent>({
      follow: (node) => owners.has(node),
      onEnd: (path) => checkPath(path, sourceCode, report),
    });
    return {
      ...recorder.listeners(),
      'CallExpression:exit'(node: TSESTree.CallExpression): void {
        const entry = byNode.get(node);
        if (entry && owners.has(entry.owner)) {
          recorder.record(entry.owner, { node, identifies: entry.identifies, tracks: entry.tracks });
        }
      },
    };
  },
});

/** The identify or track of a call, when its person id is an expression we can compare. */
function describe(call: SdkCall, kind: 'identify' | 'track', keyer: PersonKeyer): PersonCall | undefined {
  // Resolved afresh: for a wrapper's inner call the engine hands the id to the call sites, but the
  // order of the calls inside the wrapper is still the wrapper's own business.
  const fields = resolveFields(call.method.fields, call.node.arguments, call.argMap);
  const field = fields.find((candidate) => candidate.spec.role === 'personId');
  if (!field) return undefined;
  const person = keyer.key(field.node);
  if (!person) return undefined;
  const promise = call.method.returns === 'promise';
  // Only messages show the text: most calls are never reported.
  let text: string | undefined;
  return {
    key: `${call.sdk.id}\u0000${person.key}`,
    get person() {
      return (text ??= keyer.text(person.node));
    },
    promise,
    completes: kind !== 'identify' || !promise || isSettled(call.node),
  };
}

/**
 * Is the result of this call waited for before the next statement? Awaited (also through
 * `.then/.catch/.finally`), or used in a way we cannot follow (assigned, passed, returned): then
 * it counts as done, to stay quiet. Only a promise dropped on the floor (`identify(...)`,
 * `void identify(...)`, `identify(...).catch(log)` as a statement) keeps running.
 */
function isSettled(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  for (let depth = 0; depth < 32; depth++) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return true;
    switch (parent.type) {
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
        node = parent;
        break;
      case AST_NODE_TYPES.MemberExpression: {
        const chained: TSESTree.Node | undefined = parent.parent;
        if (
          parent.object !== node ||
          !CHAIN_METHODS.has(memberName(parent) ?? '') ||
          chained?.type !== AST_NODE_TYPES.CallExpression ||
          chained.callee !== parent
        ) {
          return true;
        }
        node = chained;
        break;
      }
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.right !== node) return true;
        node = parent;
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === node) return true;
        node = parent;
        break;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) !== node) return false;
        node = parent;
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        return false;
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator !== 'void';
      default:
        return true;
    }
  }
  return true;
}

/** The promise a call's value flows into through `.then/.catch/.finally` and TS wrappers. */
function chainTop(call: TSESTree.CallExpression): TSESTree.Node {
  let node: TSESTree.Node = call;
  for (let depth = 0; depth < 32; depth++) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return node;
    if (
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression
    ) {
      node = parent;
    } else if (
      parent.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === node &&
      CHAIN_METHODS.has(memberName(parent) ?? '') &&
      parent.parent.type === AST_NODE_TYPES.CallExpression &&
      parent.parent.callee === parent
    ) {
      node = parent.parent;
    } else {
      return node;
    }
  }
  return node;
}

/** The array literal a call is started in as an element, directly or through a promise chain. */
function arrayOf(call: TSESTree.CallExpression): TSESTree.ArrayExpression | undefined {
  const top = chainTop(call);
  return top.parent?.type === AST_NODE_TYPES.ArrayExpression ? top.parent : undefined;
}

/** `Promise.all` when the array is handed to a promise combinator, directly or through a `const`. */
function combinatorOf(array: TSESTree.ArrayExpression, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  let value: TSESTree.Node = array;
  const declarator = array.parent;
  if (
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.init === array &&
    declarator.id.type === AST_NODE_TYPES.Identifier
  ) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(declarator.id), declarator.id);
    const read = variable?.references.find((reference) => reference.isRead() && isCombinatorArgument(reference.identifier));
    if (!read) return undefined;
    value = read.identifier;
  }
  return isCombinatorArgument(value) ? combinatorName(value.parent as TSESTree.CallExpression) : undefined;
}

function isCombinatorArgument(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === node && !!combinatorName(parent);
}

function combinatorName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = unwrap(callee.object);
  const name = memberName(callee);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise' && name && COMBINATORS.has(name)
    ? `Promise.${name}`
    : undefined;
}

/** Decides each track of a finished code path. */
function checkPath(
  path: RecordedPath<CallEvent>,
  sourceCode: Readonly<TSESLint.SourceCode>,
  report: (node: TSESTree.CallExpression, messageId: MessageIds, data: Record<string, string>) => void,
): void {
  // Only keys this code path both identifies and tracks matter.
  const identified = new Set<string>();
  const tracked = new Set<string>();
  const all: CallEvent[] = [];
  const seen = new Set<TSESTree.Node>();
  for (const segment of path.order) {
    for (const event of path.events(segment)) {
      if (!seen.has(event.node)) {
        seen.add(event.node);
        all.push(event);
      }
      for (const call of event.identifies) identified.add(call.key);
      for (const call of event.tracks) tracked.add(call.key);
    }
  }
  const keys = new Set([...tracked].filter((key) => identified.has(key)));
  if (keys.size === 0) return;

  // Races that need no flow: an identify and a track started in one array (`Promise.all([...])`).
  const arrays = new Map<TSESTree.ArrayExpression, string[]>();
  for (const event of all) {
    if (event.identifies.length === 0) continue;
    const array = arrayOf(event.node);
    if (!array) continue;
    const racing = event.identifies.filter((call) => call.promise && keys.has(call.key)).map((call) => call.key);
    if (racing.length > 0) arrays.set(array, [...(arrays.get(array) ?? []), ...racing]);
  }
  const concurrent = new Set<TSESTree.Node>();
  for (const event of all) {
    const array = arrayOf(event.node);
    const racing = array && arrays.get(array);
    if (!racing) continue;
    const track = event.tracks.find((call) => racing.includes(call.key) && !ownIdentify(event, call.key));
    if (!track) continue;
    concurrent.add(event.node);
    const combinator = combinatorOf(array, sourceCode);
    report(event.node, 'identifyConcurrent', {
      person: quote(track.person),
      where: combinator ? `in ${combinator}` : 'in the same array',
    });
  }

  // Identifies inside a try block count as attempted on the way into its catch handler: a track
  // there (or after the try) is error handling, not a mistake in the order of the calls.
  const attemptedIn = (tryBlock: TSESTree.BlockStatement): Set<string> => {
    const result = new Set<string>();
    for (const event of all) {
      if (event.node.range[0] < tryBlock.range[0] || event.node.range[1] > tryBlock.range[1]) continue;
      for (const call of event.identifies) if (keys.has(call.key)) result.add(call.key);
    }
    return result;
  };
  const catchEntry = new Map<Segment, Set<string>>();
  for (const segment of path.order) {
    const start = path.info(segment)?.startNode;
    if (start?.type === AST_NODE_TYPES.CatchClause && start.parent.type === AST_NODE_TYPES.TryStatement) {
      catchEntry.set(segment, attemptedIn(start.parent.block));
    }
  }

  const identifySegments = new Map<string, Segment[]>();
  for (const segment of path.order) {
    for (const event of path.events(segment)) {
      for (const call of event.identifies) {
        const list = identifySegments.get(call.key) ?? [];
        if (!list.includes(segment)) list.push(segment);
        identifySegments.set(call.key, list);
      }
    }
  }

  const apply = (state: State, event: CallEvent): State => {
    for (const call of event.identifies) {
      if (!keys.has(call.key)) continue;
      if (call.completes) {
        state.must?.add(call.key);
        state.mayDone.add(call.key);
      } else {
        state.mayFlight.add(call.key);
      }
    }
    return state;
  };
  const enter = (segment: Segment, input: State): State => {
    const state = copy(input);
    for (const key of catchEntry.get(segment) ?? []) {
      state.must?.add(key);
      state.mayDone.add(key);
    }
    return state;
  };
  const transfer = (segment: Segment, input: State): State =>
    path.events(segment).reduce(apply, enter(segment, input));
  const empty = (): State => ({ must: new Set<string>(), mayDone: new Set<string>(), mayFlight: new Set<string>() });

  // Must: intersection over every predecessor, loops included (a fixpoint from "everything").
  const must = solveForward<CallEvent, State>(path, {
    entry: empty(),
    initial: { must: null, mayDone: new Set(), mayFlight: new Set() },
    meet: (a, b) => ({ must: intersect(a.must, b.must), mayDone: new Set(), mayFlight: new Set() }),
    transfer,
    equal: (a, b) => sameSet(a.must, b.must),
  });
  // May: union over forward predecessors; an earlier loop iteration may be another person.
  const may = solveForward<CallEvent, State>(path, {
    entry: empty(),
    initial: empty(),
    meet: (a, b) => ({ must: null, mayDone: union(a.mayDone, b.mayDone), mayFlight: union(a.mayFlight, b.mayFlight) }),
    transfer,
    equal: (a, b) => sameSet(a.mayDone, b.mayDone) && sameSet(a.mayFlight, b.mayFlight),
    acyclic: true,
  });

  // Decide each track in every segment that holds it; a node in several segments (a `finally`
  // block is walked once per way out of the `try`) is reported only when every copy is wrong.
  const verdicts = new Map<TSESTree.CallExpression, (Verdict | null)[]>();
  for (const segment of path.order) {
    const events = path.events(segment);
    if (events.length === 0) continue;
    const state = enter(segment, {
      must: must.get(segment)?.must ?? null,
      mayDone: may.get(segment)?.mayDone ?? new Set(),
      mayFlight: may.get(segment)?.mayFlight ?? new Set(),
    });
    // Is there an identify of the key after this event: later in this segment, or in a segment that
    // can follow it in the same loop iteration, not counting catch handlers (a fallback there is fine)?
    const identifiedLater = (index: number, key: string): boolean =>
      events.slice(index + 1).some((event) => event.identifies.some((call) => call.key === key)) ||
      (identifySegments.get(key) ?? []).some((target) =>
        path.reaches(segment, target, { sameIteration: true, enter: (next) => !catchEntry.has(next) }),
      );
    events.forEach((event, index) => {
      const tracks = event.tracks.filter((track) => keys.has(track.key) && !ownIdentify(event, track.key));
      if (tracks.length > 0 && !concurrent.has(event.node)) {
        let verdict: Verdict | null = null;
        for (const track of tracks) {
          const messageId = decide(state, track.key, () => identifiedLater(index, track.key));
          if (messageId) {
            verdict = { messageId, person: track.person };
            break;
          }
        }
        verdicts.set(event.node, [...(verdicts.get(event.node) ?? []), verdict]);
      }
      apply(state, event);
    });
  }
  for (const [node, list] of verdicts) {
    const first = list[0];
    if (first && list.every((verdict) => verdict !== null)) report(node, first.messageId, { person: quote(first.person) });
  }
}

function decide(state: State, key: string, identifiedLater: () => boolean): MessageIds | null {
  if (state.must === null || state.must.has(key)) return null;
  if (state.mayFlight.has(key)) return 'identifyNotAwaited';
  if (state.mayDone.has(key)) return 'identifyOnSomePaths';
  return identifiedLater() ? 'trackBeforeIdentify' : null;
}

/** A wrapper call that identifies and tracks the same person itself: its inner order is checked inside it. */
function ownIdentify(event: CallEvent, key: string): boolean {
  return event.identifies.some((call) => call.key === key);
}

function copy(state: State): State {
  return {
    must: state.must && new Set(state.must),
    mayDone: new Set(state.mayDone),
    mayFlight: new Set(state.mayFlight),
  };
}

function intersect(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (a === null) return b && new Set(b);
  if (b === null) return new Set(a);
  return new Set([...a].filter((key) => b.has(key)));
}

function union(a: Set<string>, b: Set<string>): Set<string> {
  return new Set([...a, ...b]);
}

function sameSet(a: Set<string> | null, b: Set<string> | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && [...a].every((key) => b.has(key));
}

/** `'user.id'`; a string literal is shown as written. */
function quote(text: string): string {
  return /^['"`]/.test(text) ? text : `'${text}'`;
}

/**
 * Normalises a person-id expression to a key: `user!.id`, `(user.id as string)`, `user?.id`,
 * `String(user.id)` and `` `${user.id}` `` all address the same person. The root variable is
 * compared by identity, so two bindings that share a name are different people, and a variable
 * that is reassigned is not compared at all.
 */
class PersonKeyer {
  private readonly variables = new Map<Scope.Variable, number>();

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  key(node: TSESTree.Node): { key: string; node: TSESTree.Node } | undefined {
    const target = this.strip(node);
    const key = this.structural(target, 0);
    return key === undefined ? undefined : { key, node: target };
  }

  /** The person id as written, shortened for messages. */
  text(node: TSESTree.Node): string {
    const text = this.sourceCode.getText(node).replace(/\s+/g, ' ');
    return text.length > MAX_PERSON_TEXT ? `${text.slice(0, MAX_PERSON_TEXT - 1)}…` : text;
  }

  /** Strips what does not change the id: TS wrappers, `String(x)`, `x.toString()`, `` `${x}` ``. */
  private strip(node: TSESTree.Node): TSESTree.Node {
    let current = unwrap(node);
    for (let depth = 0; depth < 8; depth++) {
      if (
        current.type === AST_NODE_TYPES.CallExpression &&
        current.arguments.length === 1 &&
        current.arguments[0].type !== AST_NODE_TYPES.SpreadElement &&
        current.callee.type === AST_NODE_TYPES.Identifier &&
        current.callee.name === 'String'
      ) {
        current = unwrap(current.arguments[0]);
      } else if (
        current.type === AST_NODE_TYPES.CallExpression &&
        current.arguments.length === 0 &&
        current.callee.type === AST_NODE_TYPES.MemberExpression &&
        memberName(current.callee) === 'toString'
      ) {
        current = unwrap(current.callee.object);
      } else if (
        current.type === AST_NODE_TYPES.TemplateLiteral &&
        current.expressions.length === 1 &&
        current.quasis.every((quasi) => quasi.value.cooked === '')
      ) {
        current = unwrap(current.expressions[0]);
      } else {
        return current;
      }
    }
    return current;
  }

  private structural(node: TSESTree.Node, depth: number): string | undefined {
    if (depth > 12) return undefined;
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = ASTUtils.findVariable(this.sourceCode.getScope(node), node);
        if (!variable || variable.defs.length === 0) return `global:${node.name}`;
        if (variable.defs.length > 1) return undefined;
        let writes = 0;
        for (const reference of variable.references) {
          if (reference.isWrite() && ++writes > 1) return undefined;
        }
        let id = this.variables.get(variable);
        if (id === undefined) {
          id = this.variables.size;
          this.variables.set(variable, id);
        }
        return `var${id}:${node.name}`;
      }
      case AST_NODE_TYPES.ThisExpression:
        return 'this';
      case AST_NODE_TYPES.Literal:
        return typeof node.value === 'string' || typeof node.value === 'number' ? `lit:${String(node.value)}` : undefined;
      case AST_NODE_TYPES.MemberExpression: {
        const object = this.structural(this.strip(node.object), depth + 1);
        if (object === undefined) return undefined;
        const name = staticName(node.property, node.computed);
        if (name !== undefined) return `${object}.${name}`;
        const property = this.structural(this.strip(node.property), depth + 1);
        return property === undefined ? undefined : `${object}[${property}]`;
      }
      default:
        // Anything else (a call, an await): compare the text, the way a reader would.
        return `text:${this.sourceCode.getText(node).replace(/\s+/g, '')}`;
    }
  }
}
