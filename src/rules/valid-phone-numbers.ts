import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isE164, knownObject, objectKeys, staticPhone, toE164 } from '../analysis/identity.js';
import { getSdkAnalysis, type ResolvedField } from '../analysis/sdk-calls.js';
import type { SdkDescriptor } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ phoneAttributes?: string[] }];
type MessageIds = 'notE164' | 'numberNotString' | 'useE164';

/** How a phone value is shown in a message: never more than a short excerpt. */
function shown(value: string): string {
  const text = value.replace(/\s+/g, ' ');
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

export default createRule<Options, MessageIds>({
  name: 'valid-phone-numbers',
  meta: {
    type: 'problem',
    docs: {
      description: 'enforce E.164 phone numbers (`+15551234567`) where the SDKs send a phone number',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      notE164:
        '`{{value}}` is not an E.164 phone number, which {{sdk}} needs here: the number is rejected or ignored, so the person gets no SMS or WhatsApp messages. Write a `+`, the country code and the number, digits only (e.g. `+15551234567`).',
      numberNotString:
        'This phone number is a number, so it has no leading `+` and {{sdk}} cannot read it as E.164: the person gets no SMS or WhatsApp messages. Write it as a string with a `+`, the country code and the number (e.g. `\'+15551234567\'`).',
      useE164: 'Write it in E.164: `{{fixed}}`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          phoneAttributes: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Attribute names that hold phone numbers in your workspace besides the SDK model’s (`phone`, `phone_number`), e.g. `mobile`. They are checked in Customer.io identify attributes and Data Pipelines identify traits.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ phoneAttributes: [] }],
  },
  defaultOptions: [{ phoneAttributes: [] }],
  create(context, [options]) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    const extra = options.phoneAttributes ?? [];
    const constructed = new Set<TSESTree.Node>(analysis.constructions.map((construction) => construction.node));
    const isSdkCall = (node: TSESTree.Node): boolean => analysis.callByNode.has(node) || constructed.has(node);
    const seen = new Set<TSESTree.Node>();

    const check = (node: TSESTree.Node, sdk: SdkDescriptor): void => {
      if (seen.has(node)) return;
      seen.add(node);
      const phone = staticPhone(sourceCode, node);
      if (!phone) return;
      if (typeof phone.value === 'number') {
        context.report({ node, messageId: 'numberNotString', data: { sdk: sdk.displayName } });
        return;
      }
      // An empty string clears the attribute on purpose.
      if (phone.value.trim() === '' || isE164(phone.value)) return;
      const fixed = toE164(phone.value);
      const literal = phone.literal;
      context.report({
        node,
        messageId: 'notE164',
        data: { sdk: sdk.displayName, value: shown(phone.value) },
        suggest:
          fixed && literal
            ? [
                {
                  messageId: 'useE164',
                  data: { fixed },
                  fix: (fixer: TSESLint.RuleFixer) => {
                    const raw = sourceCode.getText(literal);
                    const quote = literal.type === AST_NODE_TYPES.TemplateLiteral ? '`' : raw[0] === '"' ? '"' : "'";
                    return fixer.replaceText(literal, `${quote}${fixed}${quote}`);
                  },
                },
              ]
            : [],
      });
    };

    /** The phone keys of an attributes object (`phone` in Customer.io identify attributes). */
    const checkAttributes = (field: ResolvedField, names: readonly string[], sdk: SdkDescriptor): void => {
      const known = knownObject(sourceCode, field.node, isSdkCall);
      if (!known) return;
      const { keys } = objectKeys(known.object);
      for (const name of new Set([...names, ...extra])) {
        const property = keys.get(name);
        if (!property || property.kind !== 'init' || property.method) continue;
        if (property.value.type === AST_NODE_TYPES.AssignmentPattern) continue;
        check(property.value, sdk);
      }
    };

    const checkFields = (fields: readonly ResolvedField[], sdk: SdkDescriptor): void => {
      for (const field of fields) {
        if (field.spec.role === 'phone') check(field.node, sdk);
        else if (field.spec.role === 'attributes' && field.spec.phoneKeys) checkAttributes(field, field.spec.phoneKeys, sdk);
      }
    };

    return {
      Program() {
        for (const call of analysis.calls) checkFields(call.fields, call.sdk);
        for (const construction of analysis.constructions) checkFields(construction.fields, construction.sdk);
      },
    };
  },
});
