import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticName, unwrap } from '../analysis/ast.js';
import { describeInstalled, describeMajorRange, installedVersion, majorSatisfies } from '../analysis/installed-version.js';
import { getSdkAnalysis, type SdkCall } from '../analysis/sdk-calls.js';
import { followBindings } from '../analysis/values.js';
import type { Arity, FieldRole, FieldSpec } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type MessageIds =
  | 'objectAsId'
  | 'legacyShape'
  | 'notAnObject'
  | 'tooFew'
  | 'tooMany'
  | 'moveIdOut'
  | 'wrapInObject';
type SourceCode = Readonly<TSESLint.SourceCode>;

/** Positional id slots: an object there is turned into the string "[object Object]". */
const ID_ROLES: Partial<Record<FieldRole, string>> = { personId: 'person id', anonymousId: 'anonymous id' };

export default createRule<[], MessageIds>({
  name: 'valid-call-signatures',
  meta: {
    type: 'problem',
    docs: {
      description: 'enforce the argument shapes and counts the SDK methods take',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      objectAsId:
        '`{{method}}` takes the {{role}} as its {{position}} argument, but this passes an object: it is sent as the string "[object Object]", so {{consequence}}. Pass the id itself there, and the rest as the next argument.',
      legacyShape:
        '`{{method}}` with {{count}} is the call shape of {{sdk}} {{range}}, and {{installed}}: the method now takes {{expected}}, starting with the {{role}}, so the arguments land in the wrong parameters and the call throws before sending. Pass the {{role}} first.',
      notAnObject:
        'The {{position}} argument of `{{method}}` must be an object with `{{key}}` (`{ {{key}}: … }`), but this passes {{kind}}: the SDK finds no `{{key}}` in it and throws before sending.',
      tooFew:
        '`{{method}}` takes {{expected}}, but this call passes {{count}}: without the missing ones the SDK throws before sending, or the API rejects the request. Pass every argument the method needs.',
      tooMany:
        '`{{method}}` takes {{expected}}, but this call passes {{count}}: the SDK ignores the extra ones, so what they carry (a callback, more data) is silently dropped. Remove them, or move their data into an argument the method reads.',
      moveIdOut: 'Pass `{{key}}` as the {{role}} and the rest of the object as the next argument.',
      wrapInObject: 'Pass `{ {{keys}} }` as the {{position}} argument.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    const versions = new Map<string, ReturnType<typeof installedVersion>>();
    const versionOf = (sdkId: string): ReturnType<typeof installedVersion> => {
      let version = versions.get(sdkId);
      if (!version) {
        version = installedVersion(sdkId, context.physicalFilename, context.cwd);
        versions.set(sdkId, version);
      }
      return version;
    };

    return {
      Program() {
        const reported = new Set<TSESTree.Node>();
        for (const call of analysis.calls) {
          const root = rootCall(call);
          // A client whose class was guessed from the method name (`settings.cdp.clients` without
          // a class) may be another SDK with another signature: say nothing.
          if (root.receiver && !analysis.clientOf(root.receiver)) continue;
          const legacy = legacyShape(root);
          if (legacy) {
            if (majorSatisfies(versionOf(root.sdk.id).major, legacy.versions)) continue; // right for the installed major
            if (call === root) reportLegacy(call, legacy);
            continue;
          }
          if (checkObjectAsId(call, reported)) continue;
          // Argument counts are those of the SDK method: only for calls written against it.
          if (call !== root || !call.receiver || !call.method.arity) continue;
          if (call.node.arguments.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) continue;
          if (checkNotAnObject(call)) continue;
          checkArity(call, call.method.arity);
        }
      },
    };

    /** An object literal (written here, or a `const` bound to one) in a positional id slot. */
    function checkObjectAsId(call: SdkCall, reported: Set<TSESTree.Node>): boolean {
      for (const field of call.fields) {
        const role = ID_ROLES[field.spec.role];
        if (!role || field.spec.at.path || reported.has(field.node)) continue;
        const object = followBindings(sourceCode, field.node);
        if (object.type !== AST_NODE_TYPES.ObjectExpression) continue;
        reported.add(field.node);
        const direct = call.receiver !== undefined && !call.inner;
        const arity = call.method.arity;
        const throws = direct && arity !== undefined && call.node.arguments.length < arity.min;
        const move = direct ? moveIdOut(sourceCode, call, field.spec, object) : undefined;
        context.report({
          node: field.node,
          messageId: 'objectAsId',
          data: {
            method: call.method.name,
            role,
            position: ordinal(field.spec.at.index),
            consequence: throws
              ? 'and with nothing after it, the call throws before sending'
              : 'the call acts on one bogus person with that id instead of the real one',
          },
          suggest: move ? [{ messageId: 'moveIdOut', data: { key: move.key, role }, fix: move.fix }] : [],
        });
        return true;
      }
      return false;
    }

    function reportLegacy(call: SdkCall, legacy: Arity & { versions: string }): void {
      const arity = call.method.arity!;
      const first = call.method.fields.find((f) => f.at.index === 0 && !f.at.path && ID_ROLES[f.role]);
      const role = first ? ID_ROLES[first.role]! : 'first argument';
      const arg = call.node.arguments[0] as TSESTree.Expression | undefined;
      const object = arg && followBindings(sourceCode, arg);
      const move =
        first && object?.type === AST_NODE_TYPES.ObjectExpression ? moveIdOut(sourceCode, call, first, object) : undefined;
      context.report({
        node: call.node,
        messageId: 'legacyShape',
        data: {
          method: call.method.name,
          count: countText(call.node.arguments.length, true),
          sdk: call.sdk.id,
          range: describeMajorRange(legacy.versions),
          installed: describeInstalled(versionOf(call.sdk.id)),
          expected: arityText(arity),
          role,
        },
        suggest: move ? [{ messageId: 'moveIdOut', data: { key: move.key, role }, fix: move.fix }] : [],
      });
    }

    /** `track(id, 'signed_up')`: a bare value where the method reads keys of an object. */
    function checkNotAnObject(call: SdkCall): boolean {
      const args = call.node.arguments;
      for (const spec of call.method.fields) {
        if (spec.role !== 'eventName' || spec.at.path?.length !== 1) continue;
        const index = spec.at.index;
        const arg = args[index] as TSESTree.Expression | undefined;
        if (!arg) continue;
        const kind = primitiveKind(followBindings(sourceCode, arg));
        if (!kind) continue;
        const key = spec.at.path[0];
        const wrap = wrapInObject(sourceCode, call, spec);
        context.report({
          node: arg,
          messageId: 'notAnObject',
          data: { method: call.method.name, position: ordinal(index), key, kind },
          suggest: wrap
            ? [{ messageId: 'wrapInObject', data: { keys: wrap.keys, position: ordinal(index) }, fix: wrap.fix }]
            : [],
        });
        return true;
      }
      return false;
    }

    function checkArity(call: SdkCall, arity: Arity): void {
      const count = call.node.arguments.length;
      if (count >= arity.min && count <= arity.max) return;
      const node = count > arity.max ? call.node.arguments[arity.max] : call.node;
      context.report({
        node,
        messageId: count < arity.min ? 'tooFew' : 'tooMany',
        data: { method: call.method.name, expected: arityText(arity), count: countText(count, false) },
      });
    }
  },
});

function rootCall(call: SdkCall): SdkCall {
  let root = call;
  for (let i = 0; root.inner && i < 8; i++) root = root.inner;
  return root;
}

/** The call matches an older major's shape and not the current one (`trackAnonymous(data)`). */
function legacyShape(call: SdkCall): (Arity & { versions: string }) | undefined {
  const { arity, legacyArity } = call.method;
  if (!arity || !legacyArity || !call.receiver || call.inner) return undefined;
  const args = call.node.arguments;
  if (args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const count = args.length;
  const fitsLegacy = count >= legacyArity.min && count <= legacyArity.max;
  const fitsCurrent = count >= arity.min && count <= arity.max;
  return fitsLegacy && !fitsCurrent ? legacyArity : undefined;
}

/**
 * `identify({ id, email })` → `identify(id, { email })`: when the object is written in the call,
 * is the last argument, has a plain `id` property (the method's `payloadIdKey`) and no spread or
 * computed keys, and the result still has the arguments the method needs.
 */
function moveIdOut(
  sourceCode: SourceCode,
  call: SdkCall,
  spec: FieldSpec,
  object: TSESTree.ObjectExpression,
): { key: string; fix: TSESLint.ReportFixFunction } | undefined {
  const key = call.method.payloadIdKey;
  const arity = call.method.arity;
  const args = call.node.arguments;
  const index = spec.at.index;
  if (!key || !arity || args.length !== index + 1 || unwrap(args[index]) !== object) return undefined;
  let id: TSESTree.Property | undefined;
  const rest: TSESTree.Property[] = [];
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init' || property.method) return undefined;
    const name = staticName(property.key, property.computed);
    if (name === undefined) return undefined;
    if (name !== key) {
      rest.push(property);
    } else if (id) {
      return undefined; // a duplicate key: which one wins is not for a suggestion to decide
    } else {
      id = property;
    }
  }
  if (!id) return undefined;
  const count = rest.length > 0 ? index + 2 : index + 1;
  if (count < arity.min || count > arity.max) return undefined;
  const value = id.value as TSESTree.Expression;
  const idText = value.type === AST_NODE_TYPES.SequenceExpression ? `(${sourceCode.getText(value)})` : sourceCode.getText(value);
  const restText = rest.length > 0 ? `, { ${rest.map((p) => sourceCode.getText(p)).join(', ')} }` : '';
  const target = args[index];
  return { key, fix: (fixer) => fixer.replaceText(target, `${idText}${restText}`) };
}

/**
 * `track(id, 'signed_up', { plan })` → `track(id, { name: 'signed_up', data: { plan } })`: the bare
 * value becomes the event name, and one more argument (if any) the event properties.
 */
function wrapInObject(
  sourceCode: SourceCode,
  call: SdkCall,
  nameSpec: FieldSpec,
): { keys: string; fix: TSESLint.ReportFixFunction } | undefined {
  const args = call.node.arguments;
  const index = nameSpec.at.index;
  const nameKey = nameSpec.at.path![0];
  const dataSpec = call.method.fields.find(
    (f) => f.role === 'eventProperties' && f.at.index === index && f.at.path?.length === 1,
  );
  if (args.length > index + 2 || (args.length === index + 2 && !dataSpec)) return undefined;
  const text = (node: TSESTree.Node): string =>
    node.type === AST_NODE_TYPES.SequenceExpression ? `(${sourceCode.getText(node)})` : sourceCode.getText(node);
  const parts = [`${nameKey}: ${text(args[index])}`];
  const keys = [nameKey];
  if (args.length === index + 2 && dataSpec) {
    parts.push(`${dataSpec.at.path![0]}: ${text(args[index + 1])}`);
    keys.push(dataSpec.at.path![0]);
  }
  const range: [number, number] = [args[index].range[0], args[args.length - 1].range[1]];
  return {
    keys: keys.map((k) => `${k}: …`).join(', '),
    fix: (fixer) => fixer.replaceTextRange(range, `{ ${parts.join(', ')} }`),
  };
}

function primitiveKind(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return 'a string';
  if (node.type !== AST_NODE_TYPES.Literal) return undefined;
  switch (typeof node.value) {
    case 'string':
      return 'a string';
    case 'number':
    case 'bigint':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return undefined;
  }
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
function ordinal(index: number): string {
  return ORDINALS[index] ?? `#${index + 1}`;
}

function arityText({ min, max }: Arity): string {
  const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
  if (min === max) return min === 0 ? 'no arguments' : `exactly ${plural(min)}`;
  return max === min + 1 ? `${min} or ${plural(max)}` : `${min} to ${plural(max)}`;
}

function countText(count: number, withNoun: boolean): string {
  if (count === 0) return withNoun ? 'no arguments' : 'none';
  return withNoun ? `${count} argument${count === 1 ? '' : 's'}` : String(count);
}
