#!/usr/bin/env node
/**
 * `npm run demo`: lints the example app in `examples/saas-app` with every rule of the built plugin
 * and prints what it found, grouped by rule. The example makes its mistakes on purpose, so findings
 * are the expected outcome and the exit code is 0; it is 1 only when the demo itself cannot run
 * (the plugin is not built, or a file of the example does not parse).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { cdpSettings } from '../examples/saas-app/cdp.settings.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = path.join(root, 'examples', 'saas-app');
const entry = path.join(root, 'dist', 'index.js');

const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = (code) => (text) => (colour ? `\u001b[${code}m${text}\u001b[0m` : String(text));
const bold = paint('1');
const dim = paint('2');
const red = paint('31');
const yellow = paint('33');
const cyan = paint('36');

if (!existsSync(entry)) {
  console.error(`${red('The plugin is not built.')} Run \`npm run demo\` (it builds first) or \`npm run build\`.`);
  process.exit(1);
}

const { default: plugin } = await import('../dist/index.js');
const parser = await import('@typescript-eslint/parser');

const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts', '**/*.tsx', '**/*.js'], languageOptions: { parser } },
    plugin.configs.all,
    // The example's own settings: which of its modules export clients, which helpers wrap a call.
    { settings: { cdp: cdpSettings } },
  ],
});

const results = await eslint.lintFiles([example]);

const namespace = plugin.meta.namespace;
const ruleNames = Object.keys(plugin.configs.all.rules ?? {})
  .map((id) => id.slice(namespace.length + 1))
  .sort();
const where = (filePath) => path.relative(process.cwd(), filePath) || filePath;

/** Findings of each rule, and the problems that are not findings (parse errors, unknown rules). */
const byRule = new Map(ruleNames.map((name) => [name, []]));
const other = [];
for (const result of results) {
  for (const message of result.messages) {
    const finding = { file: where(result.filePath), ...message };
    const name = message.ruleId?.startsWith(`${namespace}/`) ? message.ruleId.slice(namespace.length + 1) : undefined;
    if (name !== undefined && plugin.rules[name]) {
      if (!byRule.has(name)) byRule.set(name, []);
      byRule.get(name).push(finding);
    } else {
      other.push(finding);
    }
  }
}

const order = (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
const position = (finding) => `${finding.file}:${finding.line}:${finding.column}`;
const oneLine = (text) => text.replace(/\s*\n\s*/g, ' ');
const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;

function remedy(finding) {
  const hints = [];
  if (finding.fix) hints.push('autofix');
  const suggestions = finding.suggestions?.length ?? 0;
  if (suggestions > 0) hints.push(plural(suggestions, 'suggestion'));
  return hints.length > 0 ? `  ${dim(`[${hints.join(', ')}]`)}` : '';
}

const out = [];
const { name: packageName, version } = plugin.meta;
out.push(bold(`${packageName} ${version}: demo on ${where(example)}`));
out.push(
  `Every rule is on (the ${cyan('all')} config, not just ${cyan('recommended')}), so this shows everything the plugin finds.`,
);
out.push(dim('The example app makes these mistakes on purpose; its README lists what each file demonstrates.'));
out.push('');

for (const [name, findings] of byRule) {
  if (findings.length === 0) continue;
  const docs = plugin.rules[name].meta.docs ?? {};
  out.push(`${bold(yellow(`${namespace}/${name}`))} ${dim(`(${plural(findings.length, 'finding')})`)}`);
  if (docs.description) out.push(`  ${docs.description}`);
  if (docs.url) out.push(`  ${dim(docs.url)}`);
  for (const finding of findings.sort(order)) {
    out.push(`    ${cyan(position(finding))}  ${oneLine(finding.message)}${remedy(finding)}`);
  }
  out.push('');
}

if (other.length > 0) {
  out.push(bold(red(`Problems outside the plugin's rules (${other.length})`)));
  for (const finding of other.sort(order)) {
    out.push(`    ${cyan(position(finding))}  ${oneLine(finding.message)} ${dim(finding.ruleId ?? '')}`);
  }
  out.push('');
}

const total = [...byRule.values()].reduce((sum, findings) => sum + findings.length, 0);
const filesWithFindings = new Set([...byRule.values()].flat().map((finding) => finding.file)).size;
const width = Math.max(...[...byRule.keys()].map((name) => namespace.length + 1 + name.length), 'total'.length);
out.push(bold('Findings by rule'));
for (const [name, findings] of byRule) {
  const label = `${namespace}/${name}`.padEnd(width);
  const count = String(findings.length).padStart(4);
  out.push(`  ${findings.length === 0 ? dim(`${label}${count}`) : `${label}${count}`}`);
}
out.push(
  bold(`  ${'total'.padEnd(width)}${String(total).padStart(4)}`) +
    `  ${dim(`in ${filesWithFindings} of ${plural(results.length, 'file')} linted`)}`,
);

console.log(out.join('\n'));

const fatal = other.filter((finding) => finding.fatal);
if (fatal.length > 0) {
  console.error(red(`\n${plural(fatal.length, 'file')} of the example could not be parsed; the demo is incomplete.`));
  process.exitCode = 1;
}
