import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  MIN_SECRET_LENGTH,
  VENDORS,
  VENDOR_OF,
  confusedShapes,
  credentialLabel,
  credentialSites,
  hasCredentialShape,
  isPlaceholder,
  kindsLabel,
  literalSources,
  maskInText,
  maskSecret,
  nameEvidence,
  namesCredential,
  objectOf,
  segmentsOf,
  type CredentialSite,
  type NameEvidence,
} from '../analysis/credentials.js';
import { unwrap } from '../analysis/ast.js';
import { getSdkAnalysis, type Construction } from '../analysis/sdk-calls.js';
import { staticString } from '../analysis/values.js';
import type { ClientSpec, CredentialKind, FieldSpec } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'wrongName' | 'wrongShape' | 'swapped' | 'extraCredential' | 'notAnOptionsObject' | 'swapArguments' | 'wrapInOptions';

interface Judged {
  site: CredentialSite;
  /** The nearest name that contradicts the slot, when no name agrees with it. */
  wrong?: NameEvidence;
}

interface OptionsSlot {
  /** The constructor's options argument. */
  options: FieldSpec;
  /** The credential the options object holds at its top level. */
  inside?: FieldSpec;
  /** The credential arguments before the options. */
  before: readonly FieldSpec[];
}

const NO_SWAPS: ReadonlySet<Judged> = new Set();

const isCredential = (field: FieldSpec): field is FieldSpec & { credential: CredentialKind } =>
  field.role === 'credential' && field.credential !== undefined;

/** What the model says of each client's options argument, read once per client. */
const optionsSlots = new WeakMap<ClientSpec, OptionsSlot | null>();

function optionsSlotOf(client: ClientSpec): OptionsSlot | undefined {
  let slot = optionsSlots.get(client);
  if (slot === undefined) {
    const fields = client.ctorFields;
    const options = fields.find((field) => field.role === 'options' && !field.at.path);
    slot = options
      ? {
          options,
          inside: fields.find(
            (field) => isCredential(field) && field.at.index === options.at.index && field.at.path?.length === 1,
          ),
          before: fields.filter((field) => isCredential(field) && !field.at.path && field.at.index < options.at.index),
        }
      : null;
    optionsSlots.set(client, slot);
  }
  return slot ?? undefined;
}

export default createRule<[], MessageIds>({
  name: 'no-mismatched-credentials',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow passing one kind of credential where an SDK expects another',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      wrongName:
        '`{{name}}` is named like a {{hinted}}, but it is passed as the {{label}} of {{client}}. Each key works only for its own API, so every request fails with 401, and only once deployed; pass the {{label}} here.',
      wrongShape:
        'The value {{value}} has the shape of a {{hinted}}, but it is passed as the {{label}} of {{client}}. The API rejects it with 401, and only once deployed; pass the {{label}} here.',
      swapped:
        'The {{first}} and the {{second}} of {{client}} look swapped: `{{firstName}}` is named like the {{second}} and `{{secondName}}` like the {{first}}. Requests are signed with the wrong pair and fail with 401; pass them in the order {{client}} takes them.',
      extraCredential:
        '{{client}} authenticates with the {{label}} alone and takes an options object as argument {{position}}, but this passes a second credential-like value (`{{name}}`) there. The extra value is ignored and, if the first one is not the {{label}}, every request fails with 401; pass only the {{label}}, then the options.',
      notAnOptionsObject:
        '{{client}} takes an options object with the {{label}} in `{{key}}`, not the key itself: given `{{name}}`, the client has no key and cannot send anything. Pass `{ {{key}}: … }`.',
      swapArguments: 'Swap the two arguments.',
      wrapInOptions: 'Pass it as `{ {{key}}: … }`.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;

    const show = (node: TSESTree.Node): string => {
      const text = sourceCode.getText(unwrap(node)).replace(/\s+/g, ' ');
      return maskInText(text.length > 60 ? `${text.slice(0, 59)}…` : text);
    };

    const hinted = (evidence: NameEvidence, slot: CredentialKind): string =>
      evidence.vendorOnly ? `${VENDORS[VENDOR_OF[evidence.kinds[0]]].name} credential` : kindsLabel(evidence.kinds, slot);

    /**
     * The nearest name that says the value is something else, unless some name agrees with the slot.
     * Another vendor's key counts only when the name says whose it is (`KLAVIYO_PUBLIC_KEY`, not `publicKey`).
     */
    function contradiction(site: CredentialSite): NameEvidence | undefined {
      const evidence = nameEvidence(sourceCode, site.node);
      if (evidence.some((item) => item.kinds.includes(site.kind))) return undefined;
      const vendor = VENDOR_OF[site.kind];
      return evidence.find((item) => item.vendorNamed || item.kinds.some((kind) => VENDOR_OF[kind] === vendor));
    }

    /** A value that is certainly not an options object and is named or shaped like a credential. */
    function credentialLike(node: TSESTree.Node): boolean {
      if (objectOf(sourceCode, node)) return false;
      const value = staticString(sourceCode, node);
      if (value !== undefined) {
        return !isPlaceholder(value) && (value.length >= MIN_SECRET_LENGTH || hasCredentialShape(value));
      }
      return namesCredential(segmentsOf(node));
    }

    /** `new APIClient(siteId, key)`, `new Analytics('write-key')`: a credential where options go. */
    function checkOptionsSlot(construction: Construction): boolean {
      const slot = optionsSlotOf(construction.client);
      if (!slot) return false;
      const { options, inside, before } = slot;
      const arg = construction.node.arguments[options.at.index];
      if (!arg || arg.type === AST_NODE_TYPES.SpreadElement || !credentialLike(arg)) return false;
      if (inside?.credential && inside.at.path) {
        const key = inside.at.path[0];
        const data = { client: construction.client.name, label: credentialLabel(inside.credential), key, name: show(arg) };
        context.report({
          node: arg,
          messageId: 'notAnOptionsObject',
          data,
          suggest: [
            {
              messageId: 'wrapInOptions',
              data,
              fix: (fixer) => fixer.replaceText(arg, `{ ${key}: ${sourceCode.getText(arg)} }`),
            },
          ],
        });
        return true;
      }
      if (before.length !== 1 || !before[0].credential) return false;
      context.report({
        node: arg,
        messageId: 'extraCredential',
        data: {
          client: construction.client.name,
          label: credentialLabel(before[0].credential),
          position: String(options.at.index + 1),
          name: show(arg),
        },
      });
      return true;
    }

    /** Two values of one call, each named like the other's slot. */
    function reportSwap(a: Judged, b: Judged, call: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const [first, second] = a.site.field.spec.at.index <= b.site.field.spec.at.index ? [a, b] : [b, a];
      const firstNode = first.site.node;
      const secondNode = second.site.node;
      const direct = call.arguments.includes(firstNode) &&
        call.arguments.includes(secondNode);
      context.report({
        node: call,
        messageId: 'swapped',
        data: {
          client: first.site.construction.client.name,
          first: credentialLabel(first.site.kind),
          second: credentialLabel(second.site.kind),
          firstName: show(firstNode),
          secondName: show(secondNode),
        },
        suggest: direct
          ? [
              {
                messageId: 'swapArguments',
                fix: (fixer) => [
                  fixer.replaceText(firstNode, sourceCode.getText(secondNode)),
                  fixer.replaceText(secondNode, sourceCode.getText(firstNode)),
                ],
              },
            ]
          : [],
      });
    }

    /** Reports the pairs of one call's values that look swapped, and returns them. */
    function reportSwaps(group: readonly Judged[], call: TSESTree.CallExpression | TSESTree.NewExpression): ReadonlySet<Judged> {
      const swapped = new Set<Judged>();
      for (const a of group) {
        for (const b of group) {
          if (a === b || swapped.has(a) || swapped.has(b) || a.site.kind === b.site.kind) continue;
          if (!a.wrong || !b.wrong || a.wrong.vendorOnly || b.wrong.vendorOnly) continue;
          if (!a.wrong.kinds.includes(b.site.kind) || !b.wrong.kinds.includes(a.site.kind)) continue;
          swapped.add(a).add(b);
          reportSwap(a, b, call);
        }
      }
      return swapped;
    }

    return {
      Program() {
        const misplaced = new Set<Construction>();
        for (const construction of analysis.constructions) {
          if (checkOptionsSlot(construction)) misplaced.add(construction);
        }

        const groups = new Map<TSESTree.Node, Judged[]>();
        for (const site of credentialSites(sourceCode, analysis.constructions)) {
          // The options report already explains a wrong first argument.
          if (!site.via && misplaced.has(site.construction)) continue;
          const call = site.via ?? site.construction.node;
          const group = groups.get(call) ?? [];
          group.push({ site, wrong: contradiction(site) });
          groups.set(call, group);
        }

        const shown = new Set<TSESTree.Node>();
        for (const [call, group] of groups) {
          // A swap takes two values: most calls pass one credential.
          const swapped = group.length > 1 ? reportSwaps(group, call as TSESTree.CallExpression | TSESTree.NewExpression) : NO_SWAPS;
          for (const judged of group) {
            if (swapped.has(judged)) continue;
            const { site, wrong } = judged;
            const client = site.construction.client.name;
            const label = credentialLabel(site.kind);
            if (wrong) {
              if (shown.has(site.node)) continue;
              shown.add(site.node);
              context.report({
                node: site.node,
                messageId: 'wrongName',
                data: { name: show(wrong.node), hinted: hinted(wrong, site.kind), label, client },
              });
              continue;
            }
            for (const source of literalSources(sourceCode, site.node)) {
              if (shown.has(source.node) || isPlaceholder(source.value)) continue;
              const kinds = confusedShapes(site.kind, source.value);
              if (kinds.length === 0) continue;
              shown.add(source.node);
              context.report({
                node: source.node,
                messageId: 'wrongShape',
                data: { value: maskSecret(source.value), hinted: kindsLabel(kinds, site.kind), label, client },
              });
            }
          }
        }
      },
    };
  },
});
