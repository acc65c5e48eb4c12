import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { httpRequestOf, mentionsApiHost, pathMatches, type HeaderTarget, type HttpRequest, type LiteralTypeOf } from '../analysis/http-requests.js';
import { installedVersion } from '../analysis/installed-version.js';
import { SDKS } from '../sdk/index.js';
import type { RawEndpoint, RequiredHeader, SdkDescriptor } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type PreferSdk = 'always' | 'whenInstalled' | 'never';
type Options = [{ preferSdk?: PreferSdk }];
type MessageIds = 'preferSdk' | 'missingHeader' | 'addHeader';

interface Replacement {
  sdk: SdkDescriptor;
  endpoint: RawEndpoint;
}

// With types, a URL constant imported from another module can be read, so the host need not be in the file.
const CLIENT_NEEDLE = /\b(?:fetch|axios|got|ky|ofetch|undici|https?)\b/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export default createRule<Options, MessageIds>({
  name: 'no-raw-api-requests',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow hand-written HTTP requests to the APIs the SDKs wrap, and requests without the headers those APIs require',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      preferSdk:
        'This `{{client}}` request to {{host}} bypasses {{sdk}}, which {{handles}}; a hand-written request has to redo all of that and breaks when the API changes under it. Use {{use}} instead.',
      missingHeader:
        'This `{{client}}` request to {{host}} sends no `{{header}}` header: {{consequence}}. Send `{{header}}: \'{{value}}\'`{{instead}}.',
      addHeader: "Add the `{{header}}: '{{value}}'` header.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          preferSdk: {
            type: 'string',
            enum: ['always', 'whenInstalled', 'never'],
            description:
              'When to report a request the SDK could make: `always`, `whenInstalled` (the SDK is in `node_modules` or `package.json` of the linted file), or `never` (report only missing required headers).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ preferSdk: 'whenInstalled' }],
  },
  defaultOptions: [{ preferSdk: 'whenInstalled' }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const literalTypeOf = typedLiterals(sourceCode);
    if (literalTypeOf ? !CLIENT_NEEDLE.test(sourceCode.text) : !mentionsApiHost(sourceCode.text, true)) return {};
    const preferSdk = options.preferSdk ?? 'whenInstalled';
    const installed = new Map<SdkDescriptor, boolean>();
    const isInstalled = (sdk: SdkDescriptor): boolean => {
      let value = installed.get(sdk);
      if (value === undefined) {
        value = installedVersion(sdk.id, context.filename, context.cwd).source !== 'unknown';
        installed.set(sdk, value);
      }
      return value;
    };

    return {
      CallExpression(node) {
        const request = httpRequestOf(sourceCode, node, literalTypeOf);
        if (!request) return;
        const replacements = replacementsFor(request);
        const chosen = replacements.find(({ sdk }) => isInstalled(sdk)) ?? replacements[0];
        const missing = missingHeader(request);
        if (missing) {
          const data = {
            client: request.client,
            host: request.url.host,
            header: missing.name,
            value: missing.example,
            consequence: missing.consequence,
            instead: chosen ? `, or use ${chosen.endpoint.use} from ${chosen.sdk.id}, which sends it` : '',
          };
          const target = request.headerTarget;
          context.report({
            node: request.urlNode,
            messageId: 'missingHeader',
            data,
            suggest: target ? [{ messageId: 'addHeader', data, fix: addHeaderFix(sourceCode, target, missing) }] : [],
          });
          return;
        }
        if (!chosen || preferSdk === 'never' || (preferSdk === 'whenInstalled' && !isInstalled(chosen.sdk))) return;
        context.report({
          node: request.urlNode,
          messageId: 'preferSdk',
          data: {
            client: request.client,
            host: request.url.host,
            sdk: chosen.sdk.id,
            use: chosen.endpoint.use,
            handles: chosen.sdk.rawApi?.handles ?? '',
          },
        });
      },
    };
  },
});

/** The SDK clients that make this request, in the order of `SDKS`. */
function replacementsFor(request: HttpRequest): Replacement[] {
  return SDKS.flatMap((sdk) =>
    (sdk.rawApi?.endpoints ?? [])
      .filter((endpoint) => endpoint.hosts.includes(request.url.host) && pathMatches(request.url.path, endpoint.paths))
      .map((endpoint) => ({ sdk, endpoint })),
  );
}

/** A header the API requires that the request certainly does not send. */
function missingHeader(request: HttpRequest): RequiredHeader | undefined {
  const sent = request.headers;
  if (!sent) return undefined;
  for (const sdk of SDKS) {
    if (![...sdk.hosts.US, ...sdk.hosts.EU].includes(request.url.host)) continue;
    for (const header of sdk.rawApi?.requiredHeaders ?? []) {
      if (pathMatches(request.url.path, header.paths) && !sent.has(header.name.toLowerCase())) return header;
    }
  }
  return undefined;
}

function addHeaderFix(sourceCode: Readonly<TSESLint.SourceCode>, target: HeaderTarget, header: RequiredHeader): TSESLint.ReportFixFunction {
  const value = `'${header.example.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const key = IDENTIFIER.test(header.name) ? header.name : `'${header.name}'`;
  switch (target.kind) {
    case 'object':
      return appendFix(sourceCode, target.node, target.node.properties, `${key}: ${value}`);
    case 'pairs':
      return appendFix(sourceCode, target.node, target.node.elements, `['${header.name}', ${value}]`);
    case 'options':
      return appendFix(sourceCode, target.node, target.node.properties, `headers: { ${key}: ${value} }`);
    case 'argument':
      return (fixer) => fixer.insertTextAfter(target.after, `, { headers: { ${key}: ${value} } }`);
  }
}

/** Adds an entry after the last one, on its own line when the literal spans lines. */
function appendFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  container: TSESTree.ObjectExpression | TSESTree.ArrayExpression,
  entries: readonly (TSESTree.Node | null)[],
  text: string,
): TSESLint.ReportFixFunction {
  const last = entries[entries.length - 1];
  if (!last) {
    const [open, close] = container.type === 'ObjectExpression' ? ['{ ', ' }'] : ['[', ']'];
    return (fixer) => fixer.replaceText(container, `${open}${text}${close}`);
  }
  if (last.loc.start.line === container.loc.start.line) return (fixer) => fixer.insertTextAfter(last, `, ${text}`);
  const indent = /^\s*/.exec(sourceCode.lines[last.loc.start.line - 1])?.[0] ?? '';
  return (fixer) => fixer.insertTextAfter(last, `,\n${indent}${text}`);
}

/** With type information, the literal value of a string-literal type (`export const BASE = '…'` elsewhere). */
function typedLiterals(sourceCode: Readonly<TSESLint.SourceCode>): LiteralTypeOf | undefined {
  const services = sourceCode.parserServices;
  const program = services?.program;
  if (!program || !services.esTreeNodeToTSNodeMap) return undefined;
  const checker = program.getTypeChecker();
  const map = services.esTreeNodeToTSNodeMap;
  return (node) => {
    const tsNode = map.get(node as never);
    if (!tsNode) return undefined;
    const type = checker.getTypeAtLocation(tsNode);
    return type.isStringLiteral() ? type.value : undefined;
  };
}
