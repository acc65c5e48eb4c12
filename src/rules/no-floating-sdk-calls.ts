import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction } from '../analysis/ast.js';
import { describeSdkPromise, getSdkPromises, type PromiseDrop } from '../analysis/promises.js';
import { getSdkAnalysis, type SdkCall } from '../analysis/sdk-calls.js';
import { createRule } from '../util/create-rule.js';

type MessageIds =
  | 'floating'
  | 'floatingInTry'
  | 'floatingVoid'
  | 'floatingForEach'
  | 'unawaitedFlush'
  | 'addCatch'
  | 'addAwait';
type SourceCode = Readonly<TSESLint.SourceCode>;

/** Drops where an `await` can simply be put in front of the chain. */
const AWAITABLE_DROPS = new Set<PromiseDrop['kind']>(['statement', 'void', 'unused']);
const CATCH_TEXT = '.catch(console.error)';

export default createRule<[], MessageIds>({
  name: 'no-floating-sdk-calls',
  meta: {
    type: 'problem',
    docs: {
      description: 'require the promises of SDK calls to be awaited, returned or given a rejection handler',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      floating:
        'The promise of {{call}} is neither awaited, returned nor given a `.catch`: when the request fails, the rejection goes unhandled, which crashes Node (or is silently lost). Await or return it, or add `.catch(...)` to handle the failure.',
      floatingInTry:
        'The promise of {{call}} is not awaited, so the surrounding `try/catch` catches nothing: when the request fails, the rejection goes unhandled and crashes Node. Await it, or add `.catch(...)`.',
      floatingVoid:
        '`void` only silences linters: the promise of {{call}} still rejects unhandled when the request fails, which crashes Node. Add `.catch(...)` (`void p.catch(...)` to fire and forget) or await it.',
      floatingForEach:
        '`forEach` ignores the promise of {{call}}: when a request fails, the rejection goes unhandled and crashes Node. Add `.catch(...)` inside the callback, or use a `for...of` loop with `await`.',
      unawaitedFlush:
        '{{call}} is not awaited: nothing waits for the queue to drain, so the events still queued are lost if the process exits or is frozen first. Await it (or return it).',
      addCatch: 'Handle the failure here: add `.catch(console.error)` (or your own error reporting).',
      addAwait: 'Await it, so a failure reaches {{where}}.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    const topLevelAwait = context.languageOptions.sourceType === 'module';

    return {
      Program() {
        const reported = new Set<TSESTree.Node>();
        for (const { call, flow } of getSdkPromises(context)) {
          for (const drop of flow.drops) {
            // A flush never rejects; an un-awaited one is `require-flush`'s finding. Only the call of
            // a function that waits for it (`shutdown();`) is left to this rule.
            if (call.method.kind === 'flush' && drop.via.length === 0) continue;
            // One report per place that drops a promise (`Promise.all([a(), b()]);` drops both).
            if (reported.has(drop.chainEnd)) continue;
            reported.add(drop.chainEnd);
            report(call, drop);
          }
        }
      },
    };

    function report(call: SdkCall, drop: PromiseDrop): void {
      const flush = call.method.kind === 'flush';
      const messageId: MessageIds = flush
        ? 'unawaitedFlush'
        : drop.kind === 'void'
          ? 'floatingVoid'
          : drop.kind === 'forEach'
            ? 'floatingForEach'
            : drop.inTry
              ? 'floatingInTry'
              : 'floating';
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      // A flush never rejects: a `.catch` changes nothing, only waiting does.
      if (!flush) {
        suggest.push({
          messageId: 'addCatch',
          fix: (fixer) => fixer.insertTextAfter(drop.chainEnd, CATCH_TEXT),
        });
      }
      const awaitFix = awaitFixOf(sourceCode, drop, topLevelAwait);
      if (awaitFix) {
        suggest.push({
          messageId: 'addAwait',
          data: { where: drop.inTry ? 'the surrounding `catch`' : 'the caller of this function' },
          fix: awaitFix,
        });
      }
      context.report({
        node: drop.origin,
        messageId,
        data: { call: describeSdkPromise(sourceCode, call, drop) },
        suggest,
      });
    }
  },
});

/** `await` in front of the chain (or in place of `void`), where `await` is allowed. */
function awaitFixOf(
  sourceCode: SourceCode,
  drop: PromiseDrop,
  topLevelAwait: boolean,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  if (!AWAITABLE_DROPS.has(drop.kind)) return undefined;
  const fn = enclosingFunction(drop.chainEnd);
  if (fn ? !fn.async : !topLevelAwait) return undefined;
  const statement = drop.statement;
  const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
  if (
    drop.kind === 'void' &&
    expression?.type === AST_NODE_TYPES.UnaryExpression &&
    expression.operator === 'void' &&
    (expression.argument === drop.chainEnd || expression.argument === drop.chainEnd.parent)
  ) {
    const voidToken = sourceCode.getFirstToken(expression);
    if (!voidToken) return undefined;
    return (fixer) => fixer.replaceTextRange([voidToken.range[0], voidToken.range[1]], 'await');
  }
  return (fixer) => fixer.insertTextBefore(drop.chainEnd, 'await ');
}
