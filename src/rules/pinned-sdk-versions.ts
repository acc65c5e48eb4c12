import type { JSONRuleVisitor } from '@eslint/json';
import { installedVersion } from '../analysis/installed-version.js';
import { aliasTarget, floatingSpecifier, lowerBound, satisfies, type FloatingSpecifier } from '../analysis/version-ranges.js';
import { SDKS } from '../sdk/index.js';
import { createJsonRule } from '../util/create-rule.js';

type Options = [{ packages?: string[]; ignorePackages?: string[]; allowDevDependencies?: boolean }];
type MessageIds = 'unpinned' | 'pinInstalled' | 'pinLowerBound';

type DocumentNode = Parameters<NonNullable<JSONRuleVisitor['Document']>>[0];
type MemberNode = Parameters<NonNullable<JSONRuleVisitor['Member']>>[0];

/**
 * Peer ranges are meant to be ranges: they state what a library works with, and the consuming
 * app pins. Only the groups that decide what gets installed are checked.
 */
const INSTALLED_GROUPS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

const DEFAULT_REASON =
  'the SDK feeds a background data pipeline, where a changed payload or a new failure mode shows up as missing or wrong customer data rather than as an error';

/** Package name → why a range on it is risky; the packages of every SDK the plugin models. */
const SDK_PACKAGES: ReadonlyMap<string, string> = new Map(
  SDKS.flatMap((sdk) =>
    [sdk.id, ...sdk.modules.map((module) => packageOf(module.specifier))].map((name) => [name, sdk.pinReason ?? DEFAULT_REASON] as const),
  ),
);

/** `@scope/name/sub/path` → `@scope/name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}

const DESCRIBE: Readonly<Record<FloatingSpecifier['kind'], (spec: FloatingSpecifier) => string>> = {
  range: (spec) => `the range \`${spec.range}\``,
  tag: (spec) => `the dist-tag \`${spec.range}\``,
  any: (spec) => (spec.range === '' ? 'an empty version, which allows any release' : `\`${spec.range}\`, which allows any release`),
  git: () => 'a git URL without a commit, which follows the default branch',
};

export default createJsonRule<Options, MessageIds>({
  name: 'pinned-sdk-versions',
  meta: {
    type: 'problem',
    languages: ['json/json'],
    docs: {
      description: 'require exact versions of SDK dependencies in package.json',
    },
    hasSuggestions: true,
    messages: {
      unpinned:
        '`{{name}}` is declared with {{what}}, so an install or a lockfile update can move it to a release nobody reviewed: {{reason}}. Pin an exact version and upgrade it on purpose.',
      pinInstalled: 'Pin `{{name}}` to {{version}}, the version installed in node_modules.',
      pinLowerBound: 'Pin `{{name}}` to {{version}}, the lowest version the range allows; check it against your lockfile.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          packages: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'More packages that must be pinned, besides the SDKs the plugin models, e.g. `@customerio/cdp-analytics-browser` or an in-house wrapper.',
          },
          ignorePackages: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Packages that may keep a range, e.g. an SDK whose patch releases you take unreviewed.',
          },
          allowDevDependencies: {
            type: 'boolean',
            description:
              'Leave `devDependencies` alone: in a library, the SDK is a peer dependency and the dev dependency only runs its tests.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ packages: [], ignorePackages: [], allowDevDependencies: false }],
  },
  create(context) {
    if (!/(?:^|[\\/])package\.json$/.test(context.filename)) return {};
    const [{ packages = [], ignorePackages = [], allowDevDependencies = false }] = context.options;
    const ignored = new Set(ignorePackages);
    const reasonOf = (name: string): string | undefined =>
      ignored.has(name) ? undefined : (SDK_PACKAGES.get(name) ?? (packages.includes(name) ? DEFAULT_REASON : undefined));

    function check(member: MemberNode): void {
      if (member.name.type !== 'String' || member.value.type !== 'String') return;
      const name = member.name.value;
      const value = member.value;
      const target = aliasTarget(value.value);
      const reason = reasonOf(name) ?? (target === undefined ? undefined : reasonOf(target));
      if (reason === undefined) return;
      const spec = floatingSpecifier(value.value);
      if (!spec) return;
      const pin = pinFor(name, spec);
      context.report({
        node: value,
        messageId: 'unpinned',
        data: { name, what: DESCRIBE[spec.kind](spec), reason },
        suggest: pin
          ? [
              {
                messageId: pin.installed ? 'pinInstalled' : 'pinLowerBound',
                data: { name, version: pin.version },
                // A JSON string literal, whatever the prefix holds.
                fix: (fixer) => fixer.replaceText(value, JSON.stringify(`${spec.prefix}${pin.version}`)),
              },
            ]
          : [],
      });
    }

    /**
     * The version to pin to: the one installed next to this package.json when the range allows it
     * (what the lockfile resolved), else the range's own lower bound.
     */
    function pinFor(name: string, spec: FloatingSpecifier): { version: string; installed: boolean } | undefined {
      if (spec.kind === 'git') return undefined;
      const installed = installedVersion(name, context.filename, context.cwd);
      const version = installed.source === 'node_modules' ? installed.version : undefined;
      if (version !== undefined && (spec.kind === 'tag' || satisfies(version, spec.range))) return { version, installed: true };
      const lowest = spec.kind === 'range' ? lowerBound(spec.range) : undefined;
      return lowest === undefined ? undefined : { version: lowest, installed: false };
    }

    return {
      Document(node: DocumentNode) {
        if (node.body.type !== 'Object') return;
        for (const group of node.body.members) {
          if (group.name.type !== 'String' || group.value.type !== 'Object') continue;
          const key = group.name.value;
          if (!(INSTALLED_GROUPS as readonly string[]).includes(key)) continue;
          if (allowDevDependencies && key === 'devDependencies') continue;
          for (const member of group.value.members) check(member);
        }
      },
    };
  },
});
