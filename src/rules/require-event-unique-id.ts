import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticName, unwrap } from '../analysis/ast.js';
import { getSdkAnalysis, resolveFields, type SdkCall } from '../analysis/sdk-calls.js';
import { followBindings } from '../analysis/values.js';
import type { DedupKey, PayloadAttribute, PayloadModel } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'missing' | 'addRandomId';

/** Modules whose export makes a fresh UUID, by export name. */
const UUID_SOURCES: Readonly<Record<string, readonly string[]>> = {
  crypto: ['randomUUID'],
  'node:crypto': ['randomUUID'],
  uuid: ['v4'],
};

export default createRule<[], MessageIds>({
  name: 'require-event-unique-id',
  meta: {
    type: 'problem',
    docs: {
      description: 'require a unique id on events that the API would otherwise merge',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      missing:
        '`{{method}}` without `{{key}}`: the API then deduplicates on the event time, so of {{merges}} it keeps one and drops the other without an error. Set `{{key}}` to an id of what happened (an order id), or to a fresh UUID.',
      addRandomId: 'Add `{{key}}: {{expression}}` (a fresh id per call: repeats of the same event are no longer merged).',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    const reported = new Set<TSESTree.Node>();
    let uuid: UuidCall | null | undefined;

    /**
     * `randomUUID()`, `crypto.randomUUID()`, `uuidv4()`: only with what the module already imports,
     * and where that name is not shadowed.
     */
    const freshId = (at: TSESTree.Node): string | undefined => {
      if (uuid === undefined) uuid = findUuidCall(sourceCode.ast) ?? null;
      if (!uuid) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(at), uuid.local);
      return variable?.defs.some((def) => def.name === uuid?.binding) ? uuid.text : undefined;
    };

    const check = (call: SdkCall, dedup: DedupKey): void => {
      const path = dedup.at.path ?? [];
      if (path.length === 0) return;
      const key = path[path.length - 1];
      const parent = { ...dedup.at, path: path.slice(0, -1) };
      const [found] = resolveFields([{ role: 'payload', at: parent }], call.node.arguments, call.argMap);
      if (!found) return;
      const object = followBindings(sourceCode, unwrap(found.node));
      if (object.type !== AST_NODE_TYPES.ObjectExpression || reported.has(object)) return;
      // A spread may carry the key; the wire name (5.x's raw JSON, or a typo another rule renames) counts too.
      const names = new Set([key, wireName(call.method.body?.model, parent.path, key)]);
      for (const property of object.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) return;
        if (names.has(staticName(property.key, property.computed) ?? '')) return;
      }
      reported.add(object);
      const expression = freshId(object);
      const data = { method: call.method.name, key, merges: dedup.merges, expression: expression ?? '' };
      context.report({
        node: object,
        messageId: 'missing',
        data,
        suggest: expression ? [{ messageId: 'addRandomId', data, fix: (fixer) => addKey(fixer, object, `${key}: ${expression}`) }] : [],
      });
    };

    const addKey = (fixer: TSESLint.RuleFixer, object: TSESTree.ObjectExpression, text: string): TSESLint.RuleFix => {
      const last = object.properties.at(-1);
      if (!last) return fixer.replaceText(object, `{ ${text} }`);
      return fixer.insertTextAfter(last, `, ${text}`);
    };

    return {
      Program() {
        for (const call of analysis.calls) {
          if (call.method.dedupKey) check(call, call.method.dedupKey);
        }
      },
    };
  },
});

/** The key the attribute is sent as, from the method's body model. */
function wireName(model: PayloadModel | undefined, path: readonly string[], key: string): string {
  let current = model;
  for (const step of path) {
    const attribute: PayloadAttribute | undefined =
      current && Object.hasOwn(current.attributes, step) ? current.attributes[step] : undefined;
    current = attribute?.list ? undefined : attribute?.model;
  }
  const attribute = current && Object.hasOwn(current.attributes, key) ? current.attributes[key] : undefined;
  return attribute?.wire ?? key;
}

interface UuidCall {
  text: string;
  /** The local name it calls, and where that name is declared. */
  local: string;
  binding: TSESTree.Identifier;
}

const uuidCall = (text: string, binding: TSESTree.Identifier): UuidCall => ({ text, local: binding.name, binding });
const namesFrom = (source: string): readonly string[] | undefined =>
  Object.hasOwn(UUID_SOURCES, source) ? UUID_SOURCES[source] : undefined;

/** A call expression for a fresh UUID, built from the module's own imports or requires. */
function findUuidCall(program: TSESTree.Program): UuidCall | undefined {
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const names = namesFrom(statement.source.value);
      if (!names || statement.importKind === 'type') continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
          const imported = staticName(specifier.imported, false);
          if (imported && names.includes(imported) && specifier.importKind !== 'type') {
            return uuidCall(`${specifier.local.name}()`, specifier.local);
          }
        } else if (names.includes('randomUUID')) {
          return uuidCall(`${specifier.local.name}.randomUUID()`, specifier.local);
        }
      }
    }
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init && unwrap(declarator.init);
      if (init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.Identifier) continue;
      const source = init.arguments[0];
      if (init.callee.name !== 'require' || source?.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string') continue;
      const names = namesFrom(source.value);
      if (!names) continue;
      if (declarator.id.type === AST_NODE_TYPES.Identifier && names.includes('randomUUID')) {
        return uuidCall(`${declarator.id.name}.randomUUID()`, declarator.id);
      }
      if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
      for (const property of declarator.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
        const imported = staticName(property.key, property.computed);
        if (imported && names.includes(imported)) return uuidCall(`${property.value.name}()`, property.value);
      }
    }
  }
  return undefined;
}
