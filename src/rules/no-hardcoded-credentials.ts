import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  DISTINCTIVE_NEEDLE,
  MIN_SECRET_LENGTH,
  allowMatcher,
  credentialLabel,
  credentialSites,
  findDistinctive,
  isExpressionPosition,
  isPlaceholder,
  isTypeScriptFile,
  literalSources,
  maskSecret,
  matchesShape,
  objectOf,
  valueAtPath,
  type LiteralSource,
} from '../analysis/credentials.js';
import { AUTH_SCHEME, REQUEST_KEYS, apiHostOf, httpCallOf, mentionsApiHost, urlCredentials, urlPrefix } from '../analysis/http-requests.js';
import { getSdkAnalysis } from '../analysis/sdk-calls.js';
import { isTestFile, staticString } from '../analysis/values.js';
import { credentialSpec } from '../sdk/index.js';
import type { CredentialKind } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ allow?: string[]; checkTests?: boolean }];
type MessageIds =
  | 'hardcoded'
  | 'hardcodedPublic'
  | 'hardcodedFallback'
  | 'keyInSource'
  | 'hardcodedRequest'
  | 'useEnv'
  | 'dropFallback';

type Fix = TSESLint.ReportFixFunction;
type StringNode = TSESTree.StringLiteral | TSESTree.TemplateElement | TSESTree.JSXText;

const NO_VISITORS: TSESLint.RuleListener = {};

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-credentials',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow API keys, site IDs and write keys written in source code',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      hardcoded:
        'The {{label}} {{value}} is written in the source: anyone with access to the repository or its history can use it to act as your account, so a committed key must be rotated. Read it from the environment or a secret manager (process.env.{{envName}}).',
      hardcodedPublic:
        'The {{label}} {{value}} is written in the source: it is not secret alone, but with its API key it authenticates as your workspace, and it ties this code to one workspace. Read it from the environment (process.env.{{envName}}) like its key.',
      hardcodedFallback:
        'The {{label}} falls back to the hard-coded value {{value}}, so it is in the repository all the same and a missing variable silently uses it instead of failing. Drop the fallback (and rotate the value if it is a secret).',
      keyInSource:
        'A {{label}} ({{value}}) is written in the source: anyone with access to the repository or its history can use it to act as your account, so it must be rotated. Read it from the environment or a secret manager (process.env.{{envName}}).',
      hardcodedRequest:
        'A credential ({{value}}) is hard-coded in the {{where}} {{target}}: anyone with access to the repository or its history can use it to act as your account, so it must be rotated. Build the value from the environment or a secret manager.',
      useEnv: 'Read the {{label}} from process.env.{{envName}}.',
      dropFallback: 'Drop the hard-coded fallback.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Values that are not credentials, besides the built-in placeholders: exact strings, or regular expressions written as "/pattern/flags".',
          },
          checkTests: {
            type: 'boolean',
            description: 'Also check test files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`, `fixtures/`), which are skipped by default.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [], checkTests: false }],
  },
  defaultOptions: [{ allow: [], checkTests: false }],
  create(context, [options]) {
    if (!options.checkTests && isTestFile(context.filename)) return NO_VISITORS;
    const sourceCode = context.sourceCode;
    const analysis = getSdkAnalysis(context);
    const scan = DISTINCTIVE_NEEDLE?.test(sourceCode.text) ?? false;
    if (!analysis.active && !scan) return NO_VISITORS;

    const allowed = allowMatcher(options.allow ?? []);
    // Asked only by fixes, which most files never need.
    let typescriptFile: boolean | undefined;
    const typescript = (): boolean => (typescriptFile ??= isTypeScriptFile(context.filename));
    const reported = new Set<TSESTree.Node>();
    const strings: StringNode[] = [];
    const requests: TSESTree.CallExpression[] = [];

    const looksReal = (value: string, kind?: CredentialKind): boolean =>
      !allowed(value) &&
      !/\s/.test(value) &&
      !isPlaceholder(value) &&
      (value.length >= MIN_SECRET_LENGTH || (kind !== undefined && matchesShape(kind, value)));

    const envRead = (envName: string): string => `process.env.${envName}${typescript() ? '!' : ''}`;

    /** `'x' as const` is replaced whole: `process.env.X as const` does not compile. */
    const replaceTarget = (node: TSESTree.Node): TSESTree.Node => {
      const parent = node.parent;
      return parent?.type === AST_NODE_TYPES.TSAsExpression &&
        parent.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference &&
        parent.typeAnnotation.typeName.type === AST_NODE_TYPES.Identifier &&
        parent.typeAnnotation.typeName.name === 'const'
        ? parent
        : node;
    };

    const insideReported = (node: TSESTree.Node): boolean => {
      for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
        if (reported.has(current)) return true;
      }
      return false;
    };

    /** What a fallback leaves behind: the left side (with its parentheses), or the pattern's target. */
    const dropFix = (drop: NonNullable<LiteralSource['drop']>): Fix => {
      const logical = drop.node;
      if (logical.type === AST_NODE_TYPES.LogicalExpression) {
        const operator = sourceCode.getFirstTokenBetween(logical.left, logical.right, (token) => token.value === logical.operator);
        const end = operator ? operator.range[0] : drop.keep.range[1];
        let kept = sourceCode.text.slice(logical.range[0], end).trimEnd();
        const keep = drop.keep;
        const bare = keep.type === AST_NODE_TYPES.MemberExpression || keep.type === AST_NODE_TYPES.Identifier;
        if (bare && typescript() && kept === sourceCode.getText(keep)) kept += '!';
        return (fixer) => fixer.replaceText(logical, kept);
      }
      return (fixer) => fixer.replaceText(drop.node, sourceCode.getText(drop.keep));
    };

    function checkSlots(): void {
      for (const site of credentialSites(sourceCode, analysis.constructions)) {
        for (const source of literalSources(sourceCode, site.node)) {
          if (reported.has(source.node) || !looksReal(source.value, site.kind)) continue;
          reported.add(source.node);
          const data = {
            label: credentialLabel(site.kind),
            value: maskSecret(source.value),
            envName: site.spec.envName,
          };
          if (source.mode === 'fallback' && source.drop) {
            context.report({
              node: source.node,
              messageId: 'hardcodedFallback',
              data,
              suggest: [{ messageId: 'dropFallback', data, fix: dropFix(source.drop) }],
            });
            continue;
          }
          const target = replaceTarget(source.node);
          context.report({
            node: source.node,
            messageId: site.spec.secret ? 'hardcoded' : 'hardcodedPublic',
            data,
            suggest: isExpressionPosition(target)
              ? [{ messageId: 'useEnv', data, fix: (fixer) => fixer.replaceText(target, envRead(site.spec.envName)) }]
              : [],
          });
        }
      }
    }

    /** The credential inside an `Authorization` value: the token, or for Basic auth the secret half. */
    function authSecret(value: TSESTree.Node): string | undefined {
      const text = staticString(sourceCode, value);
      if (text !== undefined) {
        const match = AUTH_SCHEME.exec(text);
        if (!match) return undefined;
        const token = match[2];
        return match[1].toLowerCase() === 'basic' ? basicSecret(decodeBase64(token) ?? token) : token;
      }
      // `Basic ${Buffer.from('site:key').toString('base64')}`, `'Basic ' + btoa(SITE + ':' + KEY)`
      const encoded = findEncodedPair(value, 0);
      return encoded === undefined ? undefined : basicSecret(encoded);
    }

    function findEncodedPair(node: TSESTree.Node, depth: number): string | undefined {
      if (depth > 4) return undefined;
      switch (node.type) {
        case AST_NODE_TYPES.CallExpression: {
          const callee = node.callee;
          const isEncoder =
            (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'btoa') ||
            (callee.type === AST_NODE_TYPES.MemberExpression &&
              callee.object.type === AST_NODE_TYPES.Identifier &&
              callee.object.name === 'Buffer' &&
              callee.property.type === AST_NODE_TYPES.Identifier &&
              callee.property.name === 'from');
          if (isEncoder && node.arguments[0]) {
            const text = staticString(sourceCode, node.arguments[0]);
            if (text?.includes(':')) return text;
          }
          return callee.type === AST_NODE_TYPES.MemberExpression ? findEncodedPair(callee.object, depth + 1) : undefined;
        }
        case AST_NODE_TYPES.TemplateLiteral:
          for (const expression of node.expressions) {
            const found = findEncodedPair(expression, depth + 1);
            if (found !== undefined) return found;
          }
          return undefined;
        case AST_NODE_TYPES.BinaryExpression:
          return findEncodedPair(node.left, depth + 1) ?? findEncodedPair(node.right, depth + 1);
        default:
          return undefined;
      }
    }

    function checkRequestOptions(node: TSESTree.Node, target: string): void {
      // Both keys are looked up in the same options object: resolve it once.
      const config = objectOf(sourceCode, node);
      if (!config) return;
      const authorization = valueAtPath(sourceCode, config, [REQUEST_KEYS.headers, REQUEST_KEYS.authorization], true);
      if (authorization && !insideReported(authorization)) {
        const secret = authSecret(authorization);
        if (secret !== undefined && looksReal(secret)) {
          reported.add(authorization);
          context.report({
            node: authorization,
            messageId: 'hardcodedRequest',
            data: { value: maskSecret(secret), where: 'Authorization header', target },
          });
        }
      }
      const password = valueAtPath(sourceCode, config, [REQUEST_KEYS.basicAuth.object, REQUEST_KEYS.basicAuth.password]);
      const text = password && staticString(sourceCode, password);
      if (password && text !== undefined && looksReal(text) && !insideReported(password)) {
        reported.add(password);
        context.report({
          node: password,
          messageId: 'hardcodedRequest',
          data: { value: maskSecret(text), where: 'basic-auth password', target },
        });
      }
    }

    function checkRequest(node: TSESTree.CallExpression): void {
      const spec = httpCallOf(sourceCode, node);
      if (!spec) return;
      let urlNode: TSESTree.Node | undefined = spec.url === undefined ? undefined : node.arguments[spec.url];
      let config: TSESTree.Node | undefined = node.arguments[spec.config];
      // `axios({ url, headers })`, `got({ url, headers })`: the options come first.
      if (urlNode && objectOf(sourceCode, urlNode)) {
        config = urlNode;
        urlNode = undefined;
      }
      if (!urlNode && config) {
        for (const key of REQUEST_KEYS.url) {
          urlNode = valueAtPath(sourceCode, config, [key]);
          if (urlNode) break;
        }
      }
      const url = urlNode && urlPrefix(sourceCode, urlNode);
      const host = url === undefined ? undefined : apiHostOf(url);
      if (!host || !urlNode) return;
      const target = `of requests to ${host}`;
      const userinfo = url === undefined ? undefined : urlCredentials(url);
      const secret = userinfo?.includes(':') ? basicSecret(userinfo) : undefined;
      if (secret !== undefined && looksReal(secret) && !insideReported(urlNode)) {
        reported.add(urlNode);
        context.report({ node: urlNode, messageId: 'hardcodedRequest', data: { value: maskSecret(secret), where: 'URL', target } });
      }
      if (config && config.type !== AST_NODE_TYPES.SpreadElement) checkRequestOptions(config, target);
    }

    function checkClientOptions(): void {
      for (const construction of analysis.constructions) {
        for (const field of construction.fields) {
          if (field.spec.role !== 'options' || field.spec.at.path) continue;
          checkRequestOptions(field.node, `given to ${construction.client.name}`);
        }
      }
    }

    function checkDistinctive(node: StringNode): void {
      if (insideReported(node)) return;
      const text =
        node.type === AST_NODE_TYPES.TemplateElement ? (node.value.cooked ?? node.value.raw) : node.value;
      const found = findDistinctive(text).filter((item) => !allowed(item.value) && !isPlaceholder(item.value));
      const raw = sourceCode.text.slice(node.range[0], node.range[1]);
      for (const item of found) {
        const offset = raw.indexOf(item.value);
        const start = offset >= 0 ? node.range[0] + offset : node.range[0];
        const end = offset >= 0 ? start + item.value.length : node.range[1];
        const spec = credentialSpec(item.kind);
        const data = { label: credentialLabel(item.kind), value: maskSecret(item.value), envName: spec.envName };
        const fix = found.length === 1 && offset >= 0 ? distinctiveFix(node, text, item.value, start, end, spec.envName) : undefined;
        context.report({
          loc: { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) },
          messageId: 'keyInSource',
          data,
          suggest: fix ? [{ messageId: 'useEnv', data, fix }] : [],
        });
      }
    }

    function distinctiveFix(node: StringNode, text: string, key: string, start: number, end: number, envName: string): Fix | undefined {
      if (node.type === AST_NODE_TYPES.TemplateElement) {
        const template = node.parent;
        if (template?.type !== AST_NODE_TYPES.TemplateLiteral || template.parent?.type === AST_NODE_TYPES.TaggedTemplateExpression) {
          return undefined;
        }
        return (fixer) => fixer.replaceTextRange([start, end], `\${process.env.${envName}}`);
      }
      if (node.type !== AST_NODE_TYPES.Literal) return undefined;
      const target = replaceTarget(node);
      if (!isExpressionPosition(target)) return undefined;
      if (text === key) return (fixer) => fixer.replaceText(target, envRead(envName));
      const at = text.indexOf(key);
      if (/[\r\n\u2028\u2029]/.test(text)) return undefined;
      const escape = (part: string): string => part.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
      const template = `\`${escape(text.slice(0, at))}\${process.env.${envName}}${escape(text.slice(at + key.length))}\``;
      return (fixer) => fixer.replaceText(target, template);
    }

    const visitors: TSESLint.RuleListener = {
      'Program:exit'() {
        if (analysis.active) {
          checkSlots();
          checkClientOptions();
          for (const request of requests) checkRequest(request);
        }
        for (const node of strings) checkDistinctive(node);
      },
    };
    if (analysis.active && mentionsApiHost(sourceCode.text, false)) {
      visitors.CallExpression = (node) => {
        requests.push(node);
      };
    }
    if (scan) {
      visitors.Literal = (node) => {
        if (typeof node.value === 'string') strings.push(node);
      };
      visitors.TemplateElement = (node) => {
        strings.push(node);
      };
      visitors.JSXText = (node) => {
        strings.push(node);
      };
    }
    return visitors;
  },
});

/** The secret half of `user:password` (Track API: `siteId:apiKey`; Pipelines: `writeKey:`). */
function basicSecret(pair: string): string {
  const colon = pair.indexOf(':');
  if (colon < 0) return pair;
  const password = pair.slice(colon + 1);
  return password !== '' ? password : pair.slice(0, colon);
}

function decodeBase64(token: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token) || token.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  return /^[\x20-\x7e]+$/.test(decoded) && decoded.includes(':') ? decoded : undefined;
}
