import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getFunctionFacts, type EntryPoint } from '../analysis/functions.js';
import {
  clientKeyOf,
  isParameter,
  isScript,
  outlives,
  ownerFunction,
  settlementOf,
  type ClientKey,
  type Settlement,
} from '../analysis/lifecycle.js';
import { getSdkAnalysis, type SdkCall } from '../analysis/sdk-calls.js';
import { isFunction, type FunctionNode } from '../analysis/ast.js';
import type { ClientSpec } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type MessageIds =
  | 'missingFlush'
  | 'missingFlushShared'
  | 'missingFlushScript'
  | 'notAwaited'
  | 'closesSharedClient'
  | 'addAwait';
type SourceCode = Readonly<TSESLint.SourceCode>;

const MAX_CLIENT_TEXT = 40;

/** Where a batching client's queue must be drained before the code ends. */
type Scope = FunctionNode | 'script';

interface Use {
  call: SdkCall;
  key: ClientKey | undefined;
  scope: Scope | undefined;
  entry: EntryPoint | undefined;
}

interface Flush extends Use {
  settlement: Settlement;
}

export default createRule<[], MessageIds>({
  name: 'require-flush',
  meta: {
    type: 'problem',
    docs: {
      description: 'require batching clients to be flushed, and the flush awaited, before short-lived code ends',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      missingFlush:
        '{{client}} queues events and sends them in batches, but the {{entry}} returns without awaiting `{{flushCall}}`: the platform freezes or stops the process with the events still queued, and they are lost. Await `{{flushCall}}` before returning (in a `finally`), or hand it to `waitUntil`.',
      missingFlushShared:
        '{{client}} is created outside the {{entry}} and queues events, but the {{entry}} returns without flushing them: the platform freezes or stops the process with the events still queued, and they are lost. `{{flush}}()` also closes the client, so create the client inside the {{entry}} and await `{{flush}}()` before returning.',
      missingFlushScript:
        'This script sends events through {{client}}, which queues them, but never awaits `{{flushCall}}`: when the script exits, the events still queued are lost. Await `{{flushCall}}` before the script ends.',
      notAwaited:
        '`{{flushCall}}` is not awaited: the code goes on before the queued events are sent, and the process can exit or be frozen with them still queued. Await it, return it, or hand it to `waitUntil`.',
      closesSharedClient:
        '`{{flushCall}}` closes {{client}}, which is created outside the {{entry}} and reused by its later invocations: once it is closed, their events are dropped. Create the client inside the {{entry}} and close it there.',
      addAwait: 'Await `{{flushCall}}`.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;

    return {
      Program() {
        // Direct calls only: a local wrapper's own SDK call is in the list too.
        const batching = analysis.calls.filter(
          (call) => call.client.batches === true && !call.inner && (call.client.flushMethods?.length ?? 0) > 0,
        );
        if (batching.length === 0) return;
        const facts = getFunctionFacts(context);
        const script = isScript(sourceCode);

        // The entry a call runs in is decided by the function (or class member) around it: calls
        // that share one share the answer, so the walk runs once per function.
        const entries = new Map<TSESTree.Node | undefined, EntryPoint | undefined>();
        const entryOf = (node: TSESTree.Node): EntryPoint | undefined => {
          const boundary = repetitionBoundary(node);
          if (entries.has(boundary)) return entries.get(boundary);
          const entry = facts.repetition(node)?.entry;
          entries.set(boundary, entry);
          return entry;
        };

        const uses: Use[] = [];
        const flushes: Flush[] = [];
        for (const call of batching) {
          const entry = entryOf(call.node);
          const scope: Scope | undefined = entry ? (entry.shortLived ? entry.fn : undefined) : script ? 'script' : undefined;
          const key = clientKeyOf(sourceCode, call.receiver);
          if (isFlushMethod(call.client, call.method.name)) {
            flushes.push({ call, key, scope, entry, settlement: settlementOf(call.node) });
          } else if (scope && !isParameter(sourceCode, call.receiver)) {
            // Not a client handed in as a parameter: that belongs to the caller, which may flush it.
            uses.push({ call, key, scope, entry });
          }
        }

        const reportedFlushes = new Set<TSESTree.Node>();
        for (const flush of flushes) {
          if (closesShared(sourceCode, flush)) {
            reportedFlushes.add(flush.call.node);
            const { client, flushCall } = names(sourceCode, flush.call, flush.call.method.name);
            context.report({
              node: flush.call.node,
              messageId: 'closesSharedClient',
              data: { client, flushCall, entry: flush.entry!.label },
            });
          }
        }
        for (const flush of flushes) {
          if (reportedFlushes.has(flush.call.node)) continue;
          if (flush.settlement.kind !== 'dropped' && flush.settlement.kind !== 'voided') continue;
          reportNotAwaited(context, sourceCode, flush);
        }

        const done = new Set<string>();
        for (const use of uses) {
          const group = groupOf(use);
          if (done.has(group)) continue;
          if (flushes.some((flush) => sameClient(flush, use) && (flush.scope === use.scope || !flush.entry?.shortLived))) {
            continue;
          }
          done.add(group);
          reportMissing(use);
        }

        function groupOf(use: Use): string {
          const scopeId = use.scope === 'script' ? 'script' : String(use.scope?.range[0]);
          const keyId = use.key === undefined ? `class:${use.call.client.name}` : keyIdOf(use.key);
          return `${scopeId}|${keyId}`;
        }

        function reportMissing(use: Use): void {
          const { client, flushCall, flush } = names(sourceCode, use.call, preferredFlush(use.call.client));
          if (use.scope === 'script' || !use.entry) {
            context.report({ node: use.call.node, messageId: 'missingFlushScript', data: { client, flushCall } });
            return;
          }
          const entry = use.entry.label;
          const onlyClosing = (use.call.client.closingFlushMethods ?? []).includes(flush);
          if (onlyClosing && outlives(sourceCode, use.call.receiver, use.entry.fn)) {
            context.report({
              node: use.call.node,
              messageId: 'missingFlushShared',
              data: { client, flush, entry },
            });
            return;
          }
          context.report({ node: use.call.node, messageId: 'missingFlush', data: { client, flushCall, entry } });
        }
      },
    };
  },
});

/**
 * The innermost function or class member (field, static block, accessor) around `node`: what
 * `repetition(node).entry` depends on, loops in between aside. Undefined at module level.
 */
function repetitionBoundary(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (
      isFunction(current) ||
      current.type === AST_NODE_TYPES.PropertyDefinition ||
      current.type === AST_NODE_TYPES.StaticBlock ||
      current.type === AST_NODE_TYPES.AccessorProperty
    ) {
      return current;
    }
  }
  return undefined;
}

function isFlushMethod(client: ClientSpec, name: string): boolean {
  return client.flushMethods?.includes(name) ?? false;
}

/** A flush that leaves the client open when the SDK has one; else the first (closing) one. */
function preferredFlush(client: ClientSpec): string {
  const flushMethods = client.flushMethods ?? [];
  const closing = client.closingFlushMethods ?? [];
  return flushMethods.find((name) => !closing.includes(name)) ?? flushMethods[0];
}

const keyIds = new WeakMap<object, string>();
let nextKeyId = 0;

function keyIdOf(key: ClientKey): string {
  if (typeof key === 'string') return `chain:${key}`;
  let id = keyIds.get(key);
  if (!id) {
    id = `var:${nextKeyId++}`;
    keyIds.set(key, id);
  }
  return id;
}

/** The same binding when both are known; else the same client class. */
function sameClient(a: Use, b: Use): boolean {
  if (a.key !== undefined && b.key !== undefined) return a.key === b.key;
  return a.call.client === b.call.client;
}

/** A closing flush, in a short-lived entry, of a client that outlives the entry. */
function closesShared(sourceCode: SourceCode, flush: Flush): boolean {
  if (!flush.entry?.shortLived) return false;
  if (!(flush.call.client.closingFlushMethods ?? []).includes(flush.call.method.name)) return false;
  return outlives(sourceCode, flush.call.receiver, flush.entry.fn);
}

function names(sourceCode: SourceCode, call: SdkCall, flush: string): { client: string; flushCall: string; flush: string } {
  // Amplitude's `flush()` returns `{ promise }`: the promise is what must be awaited.
  const promise = call.client.methods.find((method) => method.name === flush)?.returns === 'promiseHolder' ? '.promise' : '';
  if (!call.receiver) {
    return { client: `the \`${call.client.name}\` client`, flushCall: `${flush}()${promise}`, flush };
  }
  const text = shorten(sourceCode.getText(call.receiver));
  return { client: `\`${text}\``, flushCall: `${text}.${flush}()${promise}`, flush };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MAX_CLIENT_TEXT ? `${flat.slice(0, MAX_CLIENT_TEXT - 1)}…` : flat;
}

function reportNotAwaited(
  context: Readonly<TSESLint.RuleContext<MessageIds, []>>,
  sourceCode: SourceCode,
  flush: Flush,
): void {
  const { flushCall } = names(sourceCode, flush.call, flush.call.method.name);
  const fn = ownerFunction(flush.call.node);
  const top = flush.settlement.top;
  const parent = top.parent;
  let fix: TSESLint.ReportFixFunction | undefined;
  const promise = flush.settlement.holder ? '.promise' : '';
  if (fn?.async) {
    if (flush.settlement.kind === 'voided' && parent?.type === AST_NODE_TYPES.UnaryExpression) {
      fix = (fixer) => [fixer.replaceTextRange([parent.range[0], top.range[0]], 'await '), ...(promise ? [fixer.insertTextAfter(top, promise)] : [])];
    } else if (parent?.type === AST_NODE_TYPES.ExpressionStatement) {
      fix = (fixer) => [fixer.insertTextBefore(top, 'await '), ...(promise ? [fixer.insertTextAfter(top, promise)] : [])];
    } else if (promise && parent?.type === AST_NODE_TYPES.AwaitExpression) {
      fix = (fixer) => fixer.insertTextAfter(top, promise);
    }
  }
  context.report({
    node: flush.call.node,
    messageId: 'notAwaited',
    data: { flushCall },
    suggest: fix ? [{ messageId: 'addAwait', data: { flushCall }, fix }] : [],
  });
}
