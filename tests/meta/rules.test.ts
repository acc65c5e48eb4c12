// Every rule the plugin ships is registered, documented, tested and described the same way.
// These tests read the registry and the file system, so they cover rules added later unchanged.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { rules } from '../../src/rules/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };

const ruleFiles = readdirSync(path.join(root, 'src/rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && !file.endsWith('.d.ts'))
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();
const ruleNames = Object.keys(rules).sort();

/** The `##` sections every rule doc has, in this order. */
const REQUIRED_SECTIONS = ['Rule Details', 'Examples', 'Options', 'Known Limitations', 'When Not To Use It'];
const HEADER_END = '<!-- end auto-generated rule header -->';
const DESCRIPTION = /^(?:disallow|require|enforce) \S/;
/** A credential-looking literal: a long hex run (Customer.io keys) or a Klaviyo private key. */
const SECRET_LIKE = /[0-9a-f]{20,}|[0-9A-F]{20,}|\bpk_[A-Za-z0-9]{4,}/;

type JsonSchema = Record<string, unknown>;

/** Every object schema inside a rule's schema, with a path for messages. */
function objectSchemas(schema: unknown, at: string): { at: string; schema: JsonSchema }[] {
  if (!schema || typeof schema !== 'object') return [];
  if (Array.isArray(schema)) return schema.flatMap((item: unknown, i) => objectSchemas(item, `${at}[${i}]`));
  const node = schema as JsonSchema;
  const found: { at: string; schema: JsonSchema }[] = [];
  if (node.type === 'object' || node.properties !== undefined) found.push({ at, schema: node });
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, property] of Object.entries(value as JsonSchema)) {
        found.push(...objectSchemas(property, `${at}.properties.${name}`));
      }
    } else if (['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties', 'definitions', '$defs'].includes(key)) {
      found.push(...objectSchemas(value, `${at}.${key}`));
    }
  }
  return found;
}

function sectionsOf(markdown: string): string[] {
  const body = markdown.slice(markdown.indexOf(HEADER_END) + HEADER_END.length);
  // Headings inside fenced code blocks are code, not sections.
  const withoutCode = body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  return [...withoutCode.matchAll(/^## (.+?)\s*$/gm)].map((match) => match[1]);
}

function sectionText(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) return '';
  const rest = markdown.slice(start + title.length + 5);
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

describe('the rules registry', () => {
  it('has at least one rule', () => {
    expect(ruleNames.length).toBeGreaterThan(0);
  });

  it('registers every file in src/rules under its file name, and nothing else', () => {
    expect(ruleNames).toEqual(ruleFiles);
  });

  it('is what the plugin exports', () => {
    expect(plugin.rules).toBe(rules);
  });

  it.each(ruleFiles)('registers the default export of src/rules/%s.ts', async (name) => {
    const module = (await import(pathToFileURL(path.join(root, 'src/rules', `${name}.ts`)).href)) as {
      default: unknown;
    };
    expect(rules[name]).toBe(module.default);
  });
});

describe.each(ruleNames)('rule %s', (name) => {
  const rule = rules[name];
  const { meta } = rule;
  const docPath = path.join(root, 'docs/rules', `${name}.md`);

  it('has a kebab-case name', () => {
    expect(name).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
  });

  it('has a type', () => {
    expect(['problem', 'suggestion', 'layout']).toContain(meta.type);
  });

  it('has a description that starts with "disallow", "require" or "enforce"', () => {
    const description = meta.docs?.description ?? '';
    expect(description).toMatch(DESCRIPTION);
    expect(description).toBe(description.trim());
    expect(description).not.toMatch(/\.$/);
  });

  it('names its lowest preset, if any, as "recommended" or "strict"', () => {
    expect([undefined, 'recommended', 'strict']).toContain(meta.docs?.recommended);
  });

  it('links to its own doc, pinned to the package version', () => {
    const url = meta.docs?.url ?? '';
    expect(url.endsWith(`/docs/rules/${name}.md`)).toBe(true);
    expect(url).toContain(`/v${pkg.version}/`);
  });

  it('has a test file', () => {
    const testPath = path.join(root, 'tests/rules', `${name}.test.ts`);
    expect(existsSync(testPath), `tests/rules/${name}.test.ts`).toBe(true);
    expect(readFileSync(testPath, 'utf8')).toMatch(new RegExp(`src/rules/${name}\\.js['"]`));
  });

  it('has messages that never contain a credential-looking literal', () => {
    const messages = Object.entries(meta.messages ?? {});
    expect(messages.length).toBeGreaterThan(0);
    for (const [id, message] of messages) {
      expect(message.trim().length, id).toBeGreaterThan(0);
      expect(message, id).not.toMatch(SECRET_LIKE);
    }
  });

  it('declares fixes and suggestions consistently', () => {
    if (meta.fixable !== undefined) expect(['code', 'whitespace']).toContain(meta.fixable);
    if (meta.hasSuggestions !== undefined) expect(typeof meta.hasSuggestions).toBe('boolean');
  });

  it('describes every option, forbids unknown ones and declares its defaults', () => {
    const schema = meta.schema as unknown;
    const list = Array.isArray(schema) ? (schema as unknown[]) : [schema];
    for (const { at, schema: object } of objectSchemas(list, 'schema')) {
      expect(object.additionalProperties, `${at}.additionalProperties`).toBe(false);
      for (const [property, spec] of Object.entries((object.properties ?? {}) as Record<string, JsonSchema>)) {
        expect(typeof spec.description, `${at}.properties.${property}.description`).toBe('string');
        expect(spec.default, `${at}.properties.${property}.default (use meta.defaultOptions)`).toBeUndefined();
      }
    }
    const hasOptions = Array.isArray(schema) ? schema.length > 0 : schema !== undefined && schema !== false;
    const metaDefaults = (meta as { defaultOptions?: unknown[] }).defaultOptions;
    if (hasOptions) {
      expect(metaDefaults, 'meta.defaultOptions').toBeDefined();
      // typescript-eslint's rules repeat them; ESLint applies `meta.defaultOptions` for the others.
      if ('defaultOptions' in rule) expect(rule.defaultOptions).toEqual(metaDefaults);
    }
  });

  describe('docs', () => {
    const markdown = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';

    it('exist', () => {
      expect(existsSync(docPath), `docs/rules/${name}.md`).toBe(true);
    });

    it('start with the rule title and the generated header marker', () => {
      expect(markdown.split('\n')[0]).toBe(`# cdp/${name}`);
      expect(markdown).toContain(HEADER_END);
    });

    it('have exactly the required sections, in order', () => {
      expect(sectionsOf(markdown)).toEqual(REQUIRED_SECTIONS);
    });

    it('show incorrect and correct code', () => {
      const examples = sectionText(markdown, 'Examples');
      expect(examples).toContain('❌');
      expect(examples).toContain('✅');
      // Rules for another language show that language: a JSON rule, JSON.
      const languages = (meta as { languages?: string[] }).languages ?? ['js/js'];
      const fence = languages.some((language) => language.startsWith('json/')) ? 'json|jsonc' : 'ts|tsx|js|jsx|typescript|javascript';
      expect(examples).toMatch(new RegExp(`\`\`\`(?:${fence})\n`));
    });

    it('name every option in the Options section', () => {
      const options = sectionText(markdown, 'Options');
      expect(options.trim().length).toBeGreaterThan(0);
      const list = Array.isArray(meta.schema) ? (meta.schema as JsonSchema[]) : [];
      for (const entry of list) {
        for (const property of Object.keys(entry.properties ?? {})) {
          expect(options, `option ${property}`).toContain(property);
        }
      }
    });

    it('never contain a credential-looking literal', () => {
      // Examples use obviously fake, short values; a real-looking key in a doc gets copied.
      expect(markdown).not.toMatch(/\bpk_[A-Za-z0-9]{20,}/);
    });
  });
});

describe('docs/rules', () => {
  it('has a doc for registered rules only', () => {
    const docs = readdirSync(path.join(root, 'docs/rules'))
      .filter((file) => file.endsWith('.md') && file !== 'TEMPLATE.md')
      .map((file) => file.slice(0, -'.md'.length))
      .sort();
    expect(docs).toEqual(ruleNames);
  });
});

describe('tests/rules', () => {
  it('has a test file for registered rules only', () => {
    const dir = path.join(root, 'tests/rules');
    const tests = existsSync(dir)
      ? readdirSync(dir)
          .filter((file) => file.endsWith('.test.ts'))
          .map((file) => file.slice(0, -'.test.ts'.length))
          .sort()
      : [];
    expect(tests).toEqual(ruleNames);
  });
});
