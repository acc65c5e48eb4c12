import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, memberName, staticName, unwrap } from '../analysis/ast.js';
import { objectOf } from '../analysis/credentials.js';
import {
  closestName,
  convert,
  CONVENTION_EXAMPLES,
  CONVENTIONS,
  follows,
  staticEventName,
  type Convention,
} from '../analysis/naming.js';
import { getSdkAnalysis, type SdkCall } from '../analysis/sdk-calls.js';
import { cannotBeLiteralTyped, typeAt } from '../analysis/literal-types.js';
import { singleValueOf, variableOf } from '../analysis/values.js';
import type { FieldSpec } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ convention?: Convention; allow?: string[] }];
type MessageIds =
  | 'wrongConvention'
  | 'unknownEvent'
  | 'surroundingSpaces'
  | 'blankName'
  | 'tooLong'
  | 'renameEvent'
  | 'usePlannedName'
  | 'trimName';
type SourceCode = Readonly<TSESLint.SourceCode>;

/** A static event name, where it is reported, and the literal that spells it, if it is in this file. */
interface Candidate {
  name: string;
  node: TSESTree.Node;
  literal?: TSESTree.StringLiteral | TSESTree.TemplateLiteral;
}

const MAX_SHOWN = 60;
const encoder = new TextEncoder();

/** The name as messages show it: shortened, never a wall of text. */
function shown(name: string): string {
  return name.length > MAX_SHOWN ? `${name.slice(0, MAX_SHOWN - 1)}…` : name;
}

function isLiteralName(node: TSESTree.Node): node is TSESTree.StringLiteral | TSESTree.TemplateLiteral {
  return (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') ||
    (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0)
  );
}

/** The literal a static name is spelled in: in place, behind `const` bindings, or in a local object constant. */
function literalOf(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): Candidate['literal'] {
  const target = unwrap(node);
  if (depth > 6) return undefined;
  if (isLiteralName(target)) return target;
  if (target.type === AST_NODE_TYPES.Identifier) {
    const value = singleValueOf(sourceCode, target);
    return value ? literalOf(sourceCode, value, depth + 1) : undefined;
  }
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const key = memberName(target);
    const owner = unwrap(target.object);
    const def = owner.type === AST_NODE_TYPES.Identifier ? variableOf(sourceCode, owner)?.defs[0] : undefined;
    if (def?.type === 'TSEnumName' && def.node.type === AST_NODE_TYPES.TSEnumDeclaration) {
      // `EventName.SignedUp` of a local `enum EventName { SignedUp = 'signed_up' }`.
      const member = def.node.body.members.find((candidate) => staticName(candidate.id, candidate.computed ?? false) === key);
      return member?.initializer ? literalOf(sourceCode, member.initializer, depth + 1) : undefined;
    }
    const object = key === undefined ? undefined : objectOf(sourceCode, target.object);
    const property = object && key !== undefined ? findProperty(object, key) : undefined;
    return property && property.kind === 'init' && property.value.type !== AST_NODE_TYPES.AssignmentPattern
      ? literalOf(sourceCode, property.value, depth + 1)
      : undefined;
  }
  return undefined;
}

function literalValue(literal: NonNullable<Candidate['literal']>): string {
  return literal.type === AST_NODE_TYPES.Literal ? literal.value : (literal.quasis[0].value.cooked ?? '');
}

/** The source text of a string literal holding `value`, in the quotes of the literal it replaces. */
function quoted(value: string, literal: NonNullable<Candidate['literal']>): string {
  if (literal.type === AST_NODE_TYPES.TemplateLiteral) {
    return `\`${value.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${')}\``;
  }
  const quote = literal.raw.startsWith('"') ? '"' : "'";
  const body = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"');
  return quote === '"' ? `"${body.replace(/"/g, '\\"')}"` : `'${body.replace(/'/g, "\\'")}'`;
}

/** The checker's answers, once per node: a name is asked about by every call that sends it. */
const typedNames = new WeakMap<TSESTree.Node, string | null>();

/** With type information: a value whose type is one string literal (`EVENTS.SIGNED_UP` imported `as const`). */
function typedName(sourceCode: SourceCode, node: TSESTree.Node): string | undefined {
  const services = sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return undefined;
  const known = typedNames.get(node);
  if (known !== undefined) return known ?? undefined;
  const type = cannotBeLiteralTyped(sourceCode, node) ? undefined : typeAt(sourceCode, node);
  const name = type?.isStringLiteral() ? type.value : undefined;
  typedNames.set(node, name ?? null);
  return name;
}

export default createRule<Options, MessageIds>({
  name: 'event-name-casing',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'enforce one naming convention for event names, and the names of a tracking plan when one is configured',
      recommended: 'strict',
    },
    messages: {
      wrongConvention:
        "The event name '{{ name }}' is not {{ convention }} (like '{{ example }}'), the convention for event names here: names in mixed styles split one action into several event types, and campaigns, segments and reports built on one spelling miss the others. Rename it to follow the convention.",
      unknownEvent:
        "The event name '{{ name }}' is not in the tracking plan (`settings.cdp.events`){{ hint }}: campaigns, segments and reports are built on the planned names, so this event reaches none of them. Use a planned name, or add this one to the plan.",
      surroundingSpaces:
        "The event name '{{ name }}' starts or ends with whitespace: depending on the workspace it is trimmed, or recorded as a separate event that looks identical to the real one in every list. Remove the whitespace.",
      blankName: 'This event name is empty: the API rejects an event without a name, so the event is lost. Pass the name of the event.',
      tooLong:
        'This event name is {{ bytes }} bytes long, and {{ sdk }} rejects event names over {{ max }} bytes, so the event is lost. Use a short name and send the details in the event\'s properties.',
      renameEvent: "Rename to '{{ name }}' (update the campaigns, segments and reports that use the old name).",
      usePlannedName: "Use '{{ name }}' from the tracking plan.",
      trimName: "Remove the whitespace: '{{ name }}'.",
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          convention: {
            type: 'string',
            enum: [...CONVENTIONS],
            description:
              "The convention event names follow: 'snake_case' (order_completed), 'camelCase' (orderCompleted), 'PascalCase' (OrderCompleted), 'kebab-case' (order-completed), 'Title Case' (Order Completed) or 'Object Action' (Title Case, an object then a past-tense action: Order Completed).",
          },
          allow: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Event names accepted as they are, whatever the convention and the tracking plan: names other tools define, legacy names that campaigns depend on.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ convention: 'snake_case', allow: [] }],
  },
  defaultOptions: [{ convention: 'snake_case', allow: [] }],
  create(context, [options]) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    const convention: Convention = options.convention ?? 'snake_case';
    const allowed = new Set(options.allow ?? []);
    const plan = analysis.settings.events && analysis.settings.events.size > 0 ? analysis.settings.events : undefined;

    /** The static names an event-name expression can have: one, or one per branch of a conditional. */
    const candidates = (node: TSESTree.Node, depth = 0): Candidate[] => {
      const target = unwrap(node);
      if (depth > 4) return [];
      const name = staticEventName(sourceCode, target);
      if (name !== undefined) return [{ name, node: target, literal: literalOf(sourceCode, target) }];
      if (target.type === AST_NODE_TYPES.ConditionalExpression) {
        return [...candidates(target.consequent, depth + 1), ...candidates(target.alternate, depth + 1)];
      }
      if (target.type === AST_NODE_TYPES.LogicalExpression) {
        // `EVENTS[kind] ?? 'other'`: each side is a name the call can send.
        return [...candidates(target.left, depth + 1), ...candidates(target.right, depth + 1)];
      }
      // A member of a local enum: its initialiser.
      const literal = literalOf(sourceCode, target);
      if (literal) return [{ name: literalValue(literal), node: target, literal }];
      const typed = typedName(sourceCode, target);
      return typed === undefined ? [] : [{ name: typed, node: target }];
    };

    const rename = (candidate: Candidate, messageId: 'renameEvent' | 'usePlannedName' | 'trimName', name: string) => {
      const { literal } = candidate;
      if (!literal || name === candidate.name) return [];
      return [
        {
          messageId,
          data: { name: shown(name) },
          fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(literal, quoted(name, literal)),
        },
      ];
    };

    const check = (candidate: Candidate, call: SdkCall, spec: FieldSpec): void => {
      const { name, node } = candidate;
      if (allowed.has(name)) return;
      if (name.trim() === '') {
        context.report({ node, messageId: 'blankName' });
        return;
      }
      if (name !== name.trim()) {
        context.report({
          node,
          messageId: 'surroundingSpaces',
          data: { name: shown(name) },
          suggest: rename(candidate, 'trimName', name.trim()),
        });
        return;
      }
      // UTF-8 takes at most three bytes per UTF-16 unit: most names need no encoding to pass.
      const bytes = spec.maxBytes !== undefined && name.length * 3 > spec.maxBytes ? encoder.encode(name).length : 0;
      if (spec.maxBytes !== undefined && bytes > spec.maxBytes) {
        context.report({
          node,
          messageId: 'tooLong',
          data: { bytes: String(bytes), max: String(spec.maxBytes), sdk: call.sdk.displayName },
        });
        return;
      }
      if (plan) {
        if (plan.has(name)) return;
        const closest = closestName(name, plan);
        context.report({
          node,
          messageId: 'unknownEvent',
          data: { name: shown(name), hint: closest === undefined ? '' : ` (the closest planned name is '${shown(closest)}')` },
          suggest: closest === undefined ? [] : rename(candidate, 'usePlannedName', closest),
        });
        return;
      }
      if (follows(name, convention)) return;
      const converted = convert(name, convention);
      context.report({
        node,
        messageId: 'wrongConvention',
        data: { name: shown(name), convention, example: CONVENTION_EXAMPLES[convention] },
        suggest: converted === undefined ? [] : rename(candidate, 'renameEvent', converted),
      });
    };

    return {
      Program() {
        const seen = new Set<TSESTree.Node>();
        for (const call of analysis.calls) {
          for (const field of call.fields) {
            if (field.spec.role !== 'eventName' || seen.has(field.node)) continue;
            seen.add(field.node);
            for (const candidate of candidates(field.node)) check(candidate, call, field.spec);
          }
        }
      },
    };
  },
});
