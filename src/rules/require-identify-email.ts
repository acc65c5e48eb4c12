import type { TSESTree } from '@typescript-eslint/utils';
import { IdentityClassifier, knownObject, objectKeys } from '../analysis/identity.js';
import { fieldOf, getSdkAnalysis } from '../analysis/sdk-calls.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ requiredAttributes?: string[] }];
type MessageIds = 'missingEmail' | 'missingAttributes';

const DEFAULT_REQUIRED = ['email'];

const quoted = (keys: readonly string[]): string => keys.map((key) => `\`${key}\``).join(', ');

export default createRule<Options, MessageIds>({
  name: 'require-identify-email',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'require an email (or other configured attributes) in the attributes of identify calls',
      recommended: 'strict',
    },
    messages: {
      missingEmail:
        'This `{{method}}()` sends attributes without `email`: a person created this way has no address, so email campaigns, newsletters and transactional emails sent by person skip them. Add `email` to the attributes, or disable the rule for calls that only update people who already have one.',
      missingAttributes:
        'This `{{method}}()` sends attributes without {{missing}}, which this project requires on every profile: a person created without them is left out of the messages and segments that rely on them. Add them to the attributes, or disable the rule for calls that only update people who already have them.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          requiredAttributes: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Attribute names every identify must send, checked as written in the attributes object (Customer.io attributes, Data Pipelines `traits`, Klaviyo profile `attributes`). Defaults to `["email"]`.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requiredAttributes: DEFAULT_REQUIRED }],
  },
  defaultOptions: [{ requiredAttributes: DEFAULT_REQUIRED }],
  create(context, [options]) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const required = options.requiredAttributes ?? DEFAULT_REQUIRED;
    if (required.length === 0) return {};
    const sourceCode = context.sourceCode;
    const constructed = new Set<TSESTree.Node>(analysis.constructions.map((construction) => construction.node));
    const isSdkCall = (node: TSESTree.Node): boolean => analysis.callByNode.has(node) || constructed.has(node);

    return {
      Program() {
        const classifier = new IdentityClassifier(sourceCode);
        const seen = new Set<TSESTree.Node>();
        for (const call of analysis.calls) {
          if (call.method.kind !== 'identify') continue;
          const attributes = fieldOf(call, 'attributes');
          if (!attributes || seen.has(attributes.node)) continue;
          seen.add(attributes.node);
          // Identified by the email itself: the address is on the profile (and `no-email-as-identifier` has a word).
          const personId = fieldOf(call, 'personId');
          if (personId && classifier.classify(personId.node).kind === 'email') continue;
          const known = knownObject(sourceCode, attributes.node, isSdkCall);
          if (!known) continue;
          const { keys, complete } = objectKeys(known.object);
          if (!complete) continue;
          const missing = required.filter((key) => !keys.has(key));
          if (missing.length === 0) continue;
          const onlyEmail = missing.length === 1 && missing[0] === 'email';
          context.report({
            node: attributes.node,
            messageId: onlyEmail ? 'missingEmail' : 'missingAttributes',
            data: { method: call.method.name, missing: quoted(missing) },
          });
        }
      },
    };
  },
});
