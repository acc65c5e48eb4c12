import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticName } from '../analysis/ast.js';
import { IdentityClassifier, knownObject, objectKeys } from '../analysis/identity.js';
import { getSdkAnalysis, type ResolvedField, type SdkCall } from '../analysis/sdk-calls.js';
import type { ArgPath, FieldSpec } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'emailAsId' | 'useEmailIdentifier';
type SourceCode = Readonly<TSESLint.SourceCode>;

/** The field of the same object that takes an email (`identifiers.email` next to `identifiers.id`). */
function emailSibling(spec: FieldSpec, specs: readonly FieldSpec[]): FieldSpec | undefined {
  const path = spec.at.path ?? [];
  if (path.length === 0) return undefined;
  const parent = path.slice(0, -1);
  return specs.find((other) => {
    const otherPath = other.at.path ?? [];
    return (
      other.role === 'email' &&
      other.at.index === spec.at.index &&
      otherPath.length === path.length &&
      parent.every((key, k) => otherPath[k] === key)
    );
  });
}

function excerpt(sourceCode: SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node).replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export default createRule<[], MessageIds>({
  name: 'no-email-as-identifier',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow email addresses as the person id of SDK calls',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      emailAsId:
        '{{what}} is used as the person id of `{{where}}`, but it is an email address: people change their email, and the new address then starts a second profile without the history, segments and subscriptions of the first. Identify people by an id that never changes (your database\'s user id) and send the email as an attribute.',
      useEmailIdentifier: 'Identify the person by `{{emailKey}}` instead of `{{idKey}}`.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    // Only calls that state an identifier kind ask; most files have none.
    let constructed: Set<TSESTree.Node> | undefined;
    const isSdkCall = (node: TSESTree.Node): boolean => {
      constructed ??= new Set(analysis.constructions.map((construction) => construction.node));
      return analysis.callByNode.has(node) || constructed.has(node);
    };

    /** The call states the identifier kind (`getAttributes(email, 'email')`): an email may be meant. */
    const idTypeGiven = (call: SdkCall, at: ArgPath): boolean => {
      let direct = call;
      while (direct.inner) direct = direct.inner;
      // A declared wrapper: the kind is given when the call passes an argument that lands there.
      if (!direct.receiver) {
        return call.argMap.some((binding) => binding.landing.index === at.index && binding.arg < call.node.arguments.length);
      }
      const arg = direct.node.arguments[at.index] as TSESTree.CallExpressionArgument | undefined;
      if (!arg) return false;
      if (!at.path || at.path.length === 0 || arg.type === AST_NODE_TYPES.SpreadElement) return true;
      const known = knownObject(sourceCode, arg, isSdkCall);
      if (!known) return true;
      const { keys, complete } = objectKeys(known.object);
      return !complete || keys.has(at.path[0]);
    };

    return {
      Program() {
        const classifier = new IdentityClassifier(sourceCode);
        const reported = new Set<TSESTree.Node>();
        const isEmail = (field: ResolvedField): boolean => classifier.classify(field.node).kind === 'email';

        /** A wrapper call whose wrapper already shows the email (`user.email` inside it): reported there. */
        const reportedInside = (call: SdkCall, spec: FieldSpec): boolean => {
          for (let inner = call.inner; inner; inner = inner.inner) {
            if (inner.fields.some((field) => field.spec === spec && isEmail(field))) return true;
          }
          return false;
        };

        const check = (
          field: ResolvedField,
          where: string,
          specs: readonly FieldSpec[],
          suggestable: boolean,
        ): void => {
          if (reported.has(field.node)) return;
          const value = classifier.classify(field.node);
          if (value.kind !== 'email') return;
          reported.add(field.node);
          const what = value.how === 'literal' ? 'This literal' : `\`${excerpt(sourceCode, field.node)}\``;
          context.report({
            node: field.node,
            messageId: 'emailAsId',
            data: { what, where },
            suggest: suggestable ? renameSuggestion(field, specs) : [],
          });
        };

        /** `identifiers: { id: user.email }` → `identifiers: { email: user.email }`, when the SDK has that key. */
        const renameSuggestion = (
          field: ResolvedField,
          specs: readonly FieldSpec[],
        ): TSESLint.SuggestionReportDescriptor<MessageIds>[] => {
          const sibling = emailSibling(field.spec, specs);
          const property = field.node.parent;
          if (!sibling || property?.type !== AST_NODE_TYPES.Property || property.value !== field.node) return [];
          const idKey = field.spec.at.path!.at(-1)!;
          const emailKey = sibling.at.path!.at(-1)!;
          if (staticName(property.key, property.computed) !== idKey || property.computed) return [];
          if (property.parent.type !== AST_NODE_TYPES.ObjectExpression) return [];
          const { keys, complete } = objectKeys(property.parent);
          if (!complete || keys.has(emailKey)) return [];
          return [
            {
              messageId: 'useEmailIdentifier',
              data: { emailKey, idKey },
              fix: (fixer) =>
                property.shorthand
                  ? fixer.replaceText(property, `${emailKey}: ${sourceCode.getText(property.value)}`)
                  : fixer.replaceText(property.key, emailKey),
            },
          ];
        };

        for (const call of analysis.calls) {
          for (const field of call.fields) {
            if (field.spec.role !== 'personId') continue;
            if (field.spec.idTypeAt && idTypeGiven(call, field.spec.idTypeAt)) continue;
            if (call.inner && reportedInside(call, field.spec)) continue;
            check(field, `${call.method.name}()`, call.method.fields, call.receiver !== undefined);
          }
        }
        for (const construction of analysis.constructions) {
          for (const field of construction.fields) {
            if (field.spec.role !== 'personId') continue;
            check(field, `new ${construction.client.name}(…)`, construction.client.ctorFields, true);
          }
        }
      },
    };
  },
});
