import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticName, unwrap } from '../analysis/ast.js';
import { getSdkAnalysis, type SdkCall } from '../analysis/sdk-calls.js';
import { followBindings } from '../analysis/values.js';
import type { MisplacedKeys } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'misplaced' | 'moveToSlot';
type SourceCode = Readonly<TSESLint.SourceCode>;

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
const ordinal = (index: number): string => ORDINALS[index] ?? `#${index + 1}`;

export default createRule<[], MessageIds>({
  name: 'no-recipients-in-broadcast-data',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow broadcast recipients passed in the template data argument',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      misplaced:
        '`{{key}}` selects {{label}}, but it is in the {{slot}} argument of `{{method}}`, which only carries template data: the selector is ignored and the broadcast goes to its whole configured audience. Pass the {{label}} as the {{target}} argument: `{{method}}(id, {}, { {{key}}: … })`.',
      moveToSlot: 'Move the {{label}} ({{keys}}) to the {{target}} argument.',
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
        const reported = new Set<TSESTree.Node>();
        for (const call of analysis.calls) {
          const spec = call.method.misplacedKeys;
          if (!spec) continue;
          const field = call.fields.find((f) => f.spec.at.index === spec.index && !f.spec.at.path);
          if (!field || reported.has(field.node)) continue;
          const object = followBindings(sourceCode, field.node);
          if (object.type !== AST_NODE_TYPES.ObjectExpression) continue;
          const selectors = object.properties.filter(
            (property): property is TSESTree.Property =>
              property.type === AST_NODE_TYPES.Property && spec.keys.includes(keyOf(property) ?? ''),
          );
          if (selectors.length === 0) continue;
          // With the selector slot filled, keys of the same name in the data are the author's data.
          if (slotProvided(call, spec.belongsAt) !== false) continue;
          reported.add(field.node);
          const key = keyOf(selectors[0])!;
          const written = unwrap(field.node) === object;
          const move = suggestion(sourceCode, call, field.node, object, spec, written);
          context.report({
            node: written ? selectors[0] : field.node,
            messageId: 'misplaced',
            data: {
              key,
              label: spec.label,
              slot: ordinal(spec.index),
              target: ordinal(spec.belongsAt),
              method: call.method.name,
            },
            suggest: move
              ? [
                  {
                    messageId: 'moveToSlot',
                    data: { label: spec.label, target: ordinal(spec.belongsAt), keys: move.keys },
                    fix: move.fix,
                  },
                ]
              : [],
          });
        }
      },
    };
  },
});

function keyOf(property: TSESTree.Property): string | undefined {
  return staticName(property.key, property.computed);
}

/**
 * The mechanical move, for a direct call whose data argument is the last one: the selector keys
 * (and their companion flags) go to a new argument in the selector slot, the rest stay as data.
 * An object from a `const` moves whole, and only when it holds nothing but selector keys.
 */
function suggestion(
  sourceCode: SourceCode,
  call: SdkCall,
  arg: TSESTree.Expression,
  object: TSESTree.ObjectExpression,
  spec: MisplacedKeys,
  written: boolean,
): { keys: string; fix: TSESLint.ReportFixFunction } | undefined {
  const args = call.node.arguments;
  if (!call.receiver || call.inner || spec.belongsAt !== spec.index + 1) return undefined;
  if (args.length !== spec.index + 1 || args[spec.index] !== arg) return undefined;
  const moving = new Set([...spec.keys, ...spec.companions]);
  const properties: TSESTree.Property[] = [];
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init' || property.method) return undefined;
    if (keyOf(property) === undefined) return undefined;
    properties.push(property);
  }
  const recipients = properties.filter((p) => moving.has(keyOf(p)!));
  const data = properties.filter((p) => !moving.has(keyOf(p)!));
  const keys = recipients.map((p) => `\`${keyOf(p)!}\``).join(', ');
  if (!written) {
    if (data.length > 0) return undefined;
    return { keys, fix: (fixer) => fixer.replaceText(arg, `{}, ${sourceCode.getText(arg)}`) };
  }
  const text = (list: TSESTree.Property[]): string =>
    list.length === 0 ? '{}' : `{ ${list.map((p) => sourceCode.getText(p)).join(', ')} }`;
  return { keys, fix: (fixer) => fixer.replaceText(arg, `${text(data)}, ${text(recipients)}`) };
}

/** `undefined`, `void 0` and `null`: the SDK treats these as "not given". */
function isAbsentValue(node: TSESTree.Node): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name === 'undefined';
  if (target.type === AST_NODE_TYPES.Literal) return target.value === null && !('regex' in target);
  return target.type === AST_NODE_TYPES.UnaryExpression && target.operator === 'void';
}

/**
 * Does the SDK call receive argument `index`? For a wrapper, the argument is given when the
 * wrapper writes it itself, or when the caller passes the parameter it comes from. Undefined when
 * a spread hides the arguments.
 */
function slotProvided(call: SdkCall, index: number): boolean | undefined {
  const args = call.node.arguments;
  if (args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const passed = (position: number): boolean => position < args.length && !isAbsentValue(args[position]);
  if (call.receiver && !call.inner) return passed(index);
  const whole = call.argMap.filter((binding) => binding.landing.index === index && !binding.landing.path?.length);
  if (call.inner) {
    const inside = slotProvided(call.inner, index);
    if (inside !== true || whole.length === 0) return inside;
  } else if (whole.length === 0) {
    return false; // a declared wrapper that maps none of its arguments there
  }
  // The argument is a parameter of the wrapper, or a property read from one (unknown).
  if (whole.some((binding) => binding.path.length === 0 && passed(binding.arg))) return true;
  if (whole.some((binding) => binding.path.length > 0 && passed(binding.arg))) return undefined;
  return false;
}
