import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberChain, staticName, unwrap } from '../analysis/ast.js';
import { objectOf, valueAtPath, VENDOR_OF } from '../analysis/credentials.js';
import { staticEventName } from '../analysis/naming.js';
import { fieldOf, getSdkAnalysis, type SdkCall } from '../analysis/sdk-calls.js';
import { writesMember } from '../analysis/time-units.js';
import { typedValueType, ValueTypeClassifier, WIRE_TYPE, type ValueType } from '../analysis/value-types.js';
import { variableOf } from '../analysis/values.js';
import type { ArgPath, FieldRole, SdkDescriptor } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ checkEventProperties?: boolean; ignoreAttributes?: string[] }];
type MessageIds = 'mixedAttributeTypes' | 'mixedPropertyTypes' | 'convertValue';
type SourceCode = Readonly<TSESLint.SourceCode>;

/** One value sent for one key: an attribute of a person, or a property of one event. */
interface Entry {
  /** Attributes of one service's people, or properties of one event of one service. */
  group: string;
  key: string;
  node: TSESTree.Expression;
  /** For event properties: the event's name. */
  event?: string;
  type?: ValueType;
}

const LABELS: Readonly<Record<ValueType, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  date: 'a date (sent as an ISO string)',
  array: 'an array',
  object: 'an object',
};

const NUMERIC_STRING = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** SDKs of one vendor write to the same people: their attributes share one set of types. */
function serviceOf(sdk: SdkDescriptor): string {
  const kind = sdk.credentials[0]?.kind;
  return kind ? VENDOR_OF[kind] : sdk.id;
}

/** The group of people's attributes, one per SDK descriptor (the model is fixed: no need to bound it). */
const attributeGroups = new WeakMap<SdkDescriptor, { group: string }>();

function attributesGroup(sdk: SdkDescriptor): { group: string } {
  let group = attributeGroups.get(sdk);
  if (!group) {
    group = { group: `${serviceOf(sdk)}\u0000attributes` };
    attributeGroups.set(sdk, group);
  }
  return group;
}

function isUnder(outer: ArgPath, inner: ArgPath): boolean {
  const prefix = outer.path ?? [];
  const path = inner.path ?? [];
  return outer.index === inner.index && path.length === prefix.length + 1 && prefix.every((key, i) => path[i] === key);
}

/** `Object.assign(attrs, …)` anywhere in the file: the object's keys are not what the literal says. */
function assignedInto(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  const variable = variableOf(sourceCode, identifier);
  return (
    variable?.references.some((reference) => {
      const parent = reference.identifier.parent;
      return (
        parent.type === AST_NODE_TYPES.CallExpression &&
        parent.arguments[0] === reference.identifier &&
        memberChain(parent.callee)?.join('.') === 'Object.assign'
      );
    }) ?? false
  );
}

/**
 * The literal text that sends a literal value as `target` without losing anything: `'42'` → `42`,
 * `'true'` → `true`, `3` → `'3'`. Undefined for anything else.
 */
function convertedLiteral(node: TSESTree.Expression, target: ValueType, quote: string): string | undefined {
  if (node.type !== AST_NODE_TYPES.Literal) return undefined;
  const { value } = node;
  if (target === 'number' && typeof value === 'string' && NUMERIC_STRING.test(value)) return value;
  if (target === 'boolean' && (value === 'true' || value === 'false')) return value;
  if (target === 'string' && (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))) {
    return `${quote}${String(value)}${quote}`;
  }
  return undefined;
}

export default createRule<Options, MessageIds>({
  name: 'consistent-attribute-types',
  meta: {
    type: 'problem',
    docs: {
      description: 'enforce one value type per person attribute and per event property within a file',
      recommended: 'strict',
    },
    messages: {
      mixedAttributeTypes:
        'The attribute `{{ key }}` is sent as {{ type }} here but as {{ firstType }} on line {{ line }}: segment and campaign conditions are written for one type, so people whose value has the other type silently fail to match. Send `{{ key }}` as one type everywhere.',
      mixedPropertyTypes:
        "The property `{{ key }}` of event '{{ event }}' is sent as {{ type }} here but as {{ firstType }} on line {{ line }}: trigger filters and segment conditions on event data are written for one type, so events with the other type silently fail to match. Send `{{ key }}` as one type everywhere.",
      convertValue: 'Send {{ value }} instead, {{ firstType }} as on line {{ line }}.',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkEventProperties: {
            type: 'boolean',
            description:
              'Also compare the top-level properties of events with the same name (`data` of Customer.io `track`, `properties` of Data Pipelines `track`).',
          },
          ignoreAttributes: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Attribute and property names whose values may have different types.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkEventProperties: true, ignoreAttributes: [] }],
  },
  defaultOptions: [{ checkEventProperties: true, ignoreAttributes: [] }],
  create(context, [options]) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    const ignored = new Set(options.ignoreAttributes ?? []);
    const checkEventProperties = options.checkEventProperties !== false;

    return {
      Program() {
        const entries: Entry[] = [];
        const seen = new Set<TSESTree.Node>();
        const add = (entry: Entry): void => {
          if (ignored.has(entry.key) || seen.has(entry.node)) return;
          seen.add(entry.node);
          entries.push(entry);
        };

        /** Each top-level key of an object literal, written in the call or built earlier in the file. */
        const addObject = (node: TSESTree.Expression, group: string, event: string | undefined): void => {
          const written = unwrap(node);
          const object = objectOf(sourceCode, written);
          if (!object) return;
          const holder = written.type === AST_NODE_TYPES.Identifier ? written : undefined;
          if (holder && assignedInto(sourceCode, holder)) return;
          // The effective properties: a later duplicate wins, a later spread may override anything.
          const effective = new Map<string, TSESTree.Property>();
          for (const property of object.properties) {
            if (property.type === AST_NODE_TYPES.SpreadElement) {
              effective.clear();
              continue;
            }
            const key = staticName(property.key, property.computed);
            if (key !== undefined) effective.set(key, property);
          }
          for (const [key, property] of effective) {
            if (property.kind !== 'init' || property.method || property.value.type === AST_NODE_TYPES.AssignmentPattern) continue;
            if (holder && writesMember(sourceCode, holder, key)) continue;
            add({ group, key, node: property.value as TSESTree.Expression, event });
          }
        };

        const groupOf = (call: SdkCall, role: FieldRole): { group: string; event?: string } | undefined => {
          if (role === 'attributes') {
            // Traits of `group` calls describe companies, not people.
            return call.method.kind === 'identify' ? attributesGroup(call.sdk) : undefined;
          }
          if (role !== 'eventProperties' || !checkEventProperties) return undefined;
          const name = fieldOf(call, 'eventName');
          const event = name && staticEventName(sourceCode, name.node);
          return event === undefined ? undefined : { group: `${serviceOf(call.sdk)}\u0000event\u0000${event}`, event };
        };

        for (const call of analysis.calls) {
          for (const field of call.fields) {
            const where = groupOf(call, field.spec.role);
            if (where) addObject(field.node, where.group, where.event);
          }
          // A wrapper whose parameter becomes one key (`setPlan(id, plan)` → `identify(id, { plan })`).
          for (const binding of call.argMap) {
            const arg = call.node.arguments[binding.arg] as TSESTree.CallExpressionArgument | undefined;
            if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) continue;
            for (const spec of call.method.fields) {
              if (!isUnder(spec.at, binding.landing)) continue;
              const where = groupOf(call, spec.role);
              const key = binding.landing.path?.at(-1);
              const value = binding.path.length > 0 ? valueAtPath(sourceCode, arg, binding.path) : arg;
              if (where && key !== undefined && value) add({ group: where.group, key, node: value, event: where.event });
            }
          }
        }
        if (entries.length < 2) return;

        const byKey = new Map<string, Entry[]>();
        const listOf: Entry[][] = [];
        let repeated = false;
        for (const entry of entries) {
          const id = `${entry.group}\u0000${entry.key}`;
          let list = byKey.get(id);
          if (list) {
            list.push(entry);
            repeated = true;
          } else {
            list = [entry];
            byKey.set(id, list);
          }
          listOf.push(list);
        }
        if (!repeated) return;
        // Only keys sent more than once are compared: most values are never classified. The rest are
        // classified in the order they were found, as the classifier remembers results per node.
        const classifier = new ValueTypeClassifier(sourceCode);
        for (let i = 0; i < entries.length; i++) {
          if (listOf[i].length > 1) entries[i].type = classifier.classify(entries[i].node);
        }
        const typed = Boolean(sourceCode.parserServices?.program);

        for (const list of byKey.values()) {
          if (list.length < 2) continue;
          if (typed) {
            // Types are asked only for keys sent more than once, and only where the syntax said nothing.
            for (const entry of list) {
              if (entry.type === undefined && !classifier.isAbsent(entry.node)) entry.type = typedValueType(sourceCode, entry.node);
            }
          }
          list.sort((a, b) => a.node.range[0] - b.node.range[0]);
          const first = list.find((entry) => entry.type !== undefined);
          if (!first?.type) continue;
          const firstType = first.type;
          const line = String(first.node.loc.start.line);
          const quote = first.node.type === AST_NODE_TYPES.Literal && first.node.raw.startsWith('"') ? '"' : "'";
          for (const entry of list) {
            if (entry === first || entry.type === undefined || WIRE_TYPE[entry.type] === WIRE_TYPE[firstType]) continue;
            const replacement = firstType === 'date' ? undefined : convertedLiteral(entry.node, firstType, quote);
            context.report({
              node: entry.node,
              messageId: entry.event === undefined ? 'mixedAttributeTypes' : 'mixedPropertyTypes',
              data: { key: entry.key, type: LABELS[entry.type], firstType: LABELS[firstType], line, event: entry.event ?? '' },
              suggest:
                replacement === undefined
                  ? []
                  : [
                      {
                        messageId: 'convertValue',
                        data: { value: replacement, firstType: LABELS[firstType], line },
                        fix: (fixer) => fixer.replaceText(entry.node, replacement),
                      },
                    ],
            });
          }
        }
      },
    };
  },
});
