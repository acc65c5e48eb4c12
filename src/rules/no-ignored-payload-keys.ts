import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticName, unwrap } from '../analysis/ast.js';
import { majorSatisfies, majorVersions } from '../analysis/installed-version.js';
import { getSdkAnalysis, resolveFields, type SdkCall } from '../analysis/sdk-calls.js';
import { followBindings } from '../analysis/values.js';
import type { PayloadAttribute, PayloadModel } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'ignored' | 'ignoredDuplicate' | 'rename' | 'remove';

/** Wire key → attribute name, for the attributes whose two names differ. */
const wireNames = new WeakMap<PayloadModel, ReadonlyMap<string, string>>();
function renamedFrom(model: PayloadModel): ReadonlyMap<string, string> {
  let map = wireNames.get(model);
  if (!map) {
    map = new Map(
      Object.entries(model.attributes).flatMap(([name, attribute]) =>
        attribute.wire && attribute.wire !== name ? [[attribute.wire, name] as const] : [],
      ),
    );
    wireNames.set(model, map);
  }
  return map;
}

/** The model an object at `path` inside the body must follow; undefined where none is known. */
function modelAt(model: PayloadModel, path: readonly string[]): PayloadModel | undefined {
  let current = model;
  for (const key of path) {
    const attribute: PayloadAttribute | undefined = Object.hasOwn(current.attributes, key) ? current.attributes[key] : undefined;
    if (!attribute?.model || attribute.list) return undefined;
    current = attribute.model;
  }
  return current;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export default createRule<[], MessageIds>({
  name: 'no-ignored-payload-keys',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow request body keys that the SDK’s models drop before sending',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      ignored:
        '`{{key}}` is never sent: {{sdk}} serialises the body of `{{method}}` through its models, which know this field only as `{{attribute}}` and drop `{{key}}` without an error. Write the key as `{{attribute}}` (it goes out as `{{key}}`).',
      ignoredDuplicate:
        '`{{key}}` is never sent: {{sdk}} serialises the body of `{{method}}` through its models, which drop it without an error; `{{attribute}}`, which goes out as `{{key}}`, is already set here. Remove `{{key}}`.',
      rename: 'Rename `{{key}}` to `{{attribute}}`.',
      remove: 'Remove `{{key}}`, which is dropped before sending.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    const majorOf = majorVersions(context);
    const reported = new Set<TSESTree.Node>();

    /**
     * Does the call's body model apply to the installed major? Asked only once a key would be
     * reported: finding the installed version reads the file system, and most bodies have no
     * dropped key to report.
     */
    const modelApplies = (call: SdkCall): boolean => {
      const body = call.method.body;
      return body !== undefined && majorSatisfies(majorOf(call.sdk.id), body.versions);
    };

    /** Checks an object (or, for lists, each object of an array) against its model. */
    const checkValue = (call: SdkCall, node: TSESTree.Node, model: PayloadModel, list: boolean, indirect: boolean): void => {
      const written = unwrap(node);
      const value = followBindings(sourceCode, written);
      const through = indirect || value !== written;
      if (list) {
        if (value.type !== AST_NODE_TYPES.ArrayExpression) return;
        for (const element of value.elements) {
          if (element && element.type !== AST_NODE_TYPES.SpreadElement) checkValue(call, element, model, false, through);
        }
        return;
      }
      if (value.type === AST_NODE_TYPES.ObjectExpression) checkObject(call, value, model, through);
    };

    const checkObject = (call: SdkCall, object: TSESTree.ObjectExpression, model: PayloadModel, indirect: boolean): void => {
      const keys = new Set<string>();
      let spread = false;
      for (const property of object.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) spread = true;
        else {
          const key = staticName(property.key, property.computed);
          if (key !== undefined) keys.add(key);
        }
      }
      for (const property of object.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = staticName(property.key, property.computed);
        if (key === undefined) continue;
        if (Object.hasOwn(model.attributes, key)) {
          const attribute = model.attributes[key];
          if (attribute.model && property.kind === 'init' && !property.method) {
            checkValue(call, property.value, attribute.model, attribute.list === true, indirect);
          }
          continue;
        }
        const attribute = renamedFrom(model).get(key);
        if (attribute === undefined || reported.has(property) || !modelApplies(call)) continue;
        reported.add(property);
        report(call, property, key, attribute, { duplicate: keys.has(attribute), spread, indirect });
      }
    };

    const report = (
      call: SdkCall,
      property: TSESTree.Property,
      key: string,
      attribute: string,
      how: { duplicate: boolean; spread: boolean; indirect: boolean },
    ): void => {
      const data = { key, attribute, sdk: call.sdk.displayName, method: call.method.name };
      if (how.duplicate) {
        context.report({
          node: property.key,
          messageId: 'ignoredDuplicate',
          data,
          suggest: [{ messageId: 'remove', data, fix: (fixer) => removeProperty(fixer, property) }],
        });
        return;
      }
      const rename = renameFix(property, attribute);
      // The rename is what the author meant. It is applied only where it can do nothing else: in
      // an object written in the call, with no spread whose keys it could override.
      const automatic = rename && !how.spread && !how.indirect;
      context.report({
        node: property.key,
        messageId: 'ignored',
        data,
        fix: automatic ? rename : null,
        suggest: rename && !automatic ? [{ messageId: 'rename', data, fix: rename }] : [],
      });
    };

    const renameFix = (property: TSESTree.Property, attribute: string): TSESLint.ReportFixFunction | undefined => {
      if (property.kind !== 'init' || property.method) return undefined;
      if (property.shorthand) {
        return (fixer) => fixer.replaceText(property, `${attribute}: ${sourceCode.getText(property.value)}`);
      }
      const text = IDENTIFIER.test(attribute) && !property.computed ? attribute : `'${attribute}'`;
      return (fixer) => fixer.replaceText(property.key, text);
    };

    const removeProperty = (fixer: TSESLint.RuleFixer, property: TSESTree.Property): TSESLint.RuleFix => {
      const after = sourceCode.getTokenAfter(property);
      if (after?.value === ',') return fixer.removeRange([property.range[0], after.range[1]]);
      const before = sourceCode.getTokenBefore(property);
      return before?.value === ',' ? fixer.removeRange([before.range[0], property.range[1]]) : fixer.remove(property);
    };

    return {
      Program() {
        for (const call of analysis.calls) {
          const body = call.method.body;
          if (!body) continue;
          // Each argument lands somewhere in the body: for a direct call the body itself, for a
          // wrapper's call site the part of it that the wrapper fills with that argument.
          for (const binding of call.argMap) {
            if (binding.landing.index !== body.index) continue;
            const model = modelAt(body.model, binding.landing.path ?? []);
            if (!model) continue;
            const [found] = resolveFields([{ role: 'payload', at: binding.landing }], call.node.arguments, [binding]);
            // A wrapper may also use what it is given elsewhere, where the snake_case key is right.
            const wrapped = call.inner !== undefined || call.receiver === undefined;
            if (found) checkValue(call, found.node, model, false, found.indirect || wrapped);
          }
        }
      },
    };
  },
});
