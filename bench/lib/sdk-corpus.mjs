// The SDK-dense corpus: the example apps and the curated samples, replicated to a few thousand
// files. Each replica gets its own directory, file names and function/class names, so that no
// cache keyed by a path or a name makes the copies cheaper than real files would be.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { countLines, listFiles } from './files.mjs';

const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const WORDS = ['acme', 'birch', 'cobalt', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'juniper', 'kestrel', 'lumen', 'maple', 'nimbus', 'onyx', 'prism', 'quartz', 'raven', 'sierra', 'tundra', 'umber', 'vortex', 'willow', 'xenon', 'yarrow', 'zephyr'];
// Names frameworks or the settings look up by name: renaming them would change what is analysed.
const RESERVED = new Set(['async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'function', 'implements', 'import', 'instanceof', 'interface', 'null', 'package', 'private', 'protected', 'public', 'return', 'static', 'super', 'switch', 'this', 'throw', 'true', 'typeof', 'void', 'while', 'with', 'yield']);
const KEEP_NAMES = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'handler', 'default', 'main', 'middleware']);

/**
 * Template sets: each example app's `src/` (with its `cdp.settings.js`) and `bench/sdk-samples/`.
 * @returns {Promise<{ name: string, root: string, files: string[], settings?: object }[]>}
 */
export async function templateSets(repoRoot) {
  const sets = [];
  const examples = path.join(repoRoot, 'examples');
  for (const name of listDirs(examples)) {
    const root = path.join(examples, name, 'src');
    const files = safeList(root);
    if (files.length === 0) continue;
    sets.push({ name, root, files, settings: await exampleSettings(path.join(examples, name)) });
  }
  const samples = path.join(repoRoot, 'bench', 'sdk-samples');
  sets.push({ name: 'samples', root: samples, files: safeList(samples) });
  return sets;
}

/** Writes `targetFiles` (about) files into `outDir`; deterministic for the same templates. */
export async function generateSdkCorpus(repoRoot, outDir, targetFiles) {
  const sets = await templateSets(repoRoot);
  const templateCount = sets.reduce((sum, set) => sum + set.files.length, 0);
  const replicas = Math.max(1, Math.ceil(targetFiles / templateCount));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const files = [];
  const settings = [];
  for (const set of sets) {
    const sources = set.files.map((file) => ({ rel: path.relative(set.root, file), text: readFileSync(file, 'utf8') }));
    const keepPaths = keptModulePaths(set.settings);
    const keepNames = new Set([...KEEP_NAMES, ...(set.settings?.wrappers ?? []).map((w) => w.name.split('.').pop())]);
    const renamable = renamableNames(sources, keepNames);
    for (let r = 0; r < replicas; r += 1) {
      const tag = `${WORDS[r % WORDS.length]}${Math.floor(r / WORDS.length) + 1}`;
      const replicaDir = path.join(outDir, set.name, `app-${tag}`);
      const newRel = new Map(sources.map(({ rel }) => [rel, renameFile(rel, tag, keepPaths)]));
      for (const { rel, text } of sources) {
        const out = path.join(replicaDir, newRel.get(rel));
        mkdirSync(path.dirname(out), { recursive: true });
        writeFileSync(out, renameIdentifiers(rewriteImports(text, rel, newRel), renamable, tag));
        files.push(out);
      }
    }
    if (set.settings) settings.push({ files: [`${set.name}/**`], cdp: set.settings });
  }

  writeFileSync(path.join(outDir, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  return {
    name: 'sdk-dense',
    dir: outDir,
    files: files.sort(),
    lines: countLines(files),
    templates: templateCount,
    replicas,
    settings,
  };
}

// The typed runs need one program over the whole corpus; bare SDK imports resolve from the
// project's own node_modules, up the tree.
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023', 'DOM'],
    jsx: 'react-jsx',
    allowJs: true,
    checkJs: false,
    strict: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    noEmit: true,
  },
  include: ['**/*'],
};

function listDirs(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

function safeList(dir) {
  try {
    return listFiles(dir, (file) => SOURCE_FILE.test(file) && !file.endsWith('.d.ts'));
  } catch {
    return [];
  }
}

async function exampleSettings(exampleDir) {
  try {
    const module = await import(pathToFileURL(path.join(exampleDir, 'cdp.settings.js')).href);
    return module.cdpSettings ?? module.default;
  } catch {
    return undefined;
  }
}

/** Files the settings name as client modules (`./lib/cio`) keep their names, or the settings stop matching. */
function keptModulePaths(settings) {
  return Object.keys(settings?.clients ?? {})
    .filter((key) => key.startsWith('.'))
    .map((key) => key.replace(/^(?:\.{1,2}\/)+/, ''));
}

function stripExt(rel) {
  return rel.replace(/\.[^./\\]+$/, '');
}

function renameFile(rel, tag, keepPaths) {
  const posix = rel.split(path.sep).join('/');
  if (keepPaths.some((kept) => stripExt(posix) === kept || stripExt(posix).endsWith(`/${kept}`))) return rel;
  const ext = path.extname(rel);
  const base = path.basename(rel, ext);
  // Next.js route files are found by name.
  if (['route', 'page', 'layout', 'index'].includes(base)) return rel;
  return path.join(path.dirname(rel), `${base}-${tag}${ext}`);
}

/** Relative specifiers follow their file's new name, keeping the extension style they were written in. */
function rewriteImports(text, rel, newRel) {
  const byStem = new Map([...newRel].map(([from, to]) => [stripExt(from), to]));
  return text.replace(/(\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\2/g, (all, lead, quote, spec) => {
    const target = path.join(path.dirname(rel), spec);
    const renamed = byStem.get(stripExt(target)) ?? byStem.get(target);
    if (!renamed) return all;
    const ext = path.extname(spec);
    let next = path.relative(path.dirname(newRel.get(rel)), stripExt(renamed)).split(path.sep).join('/');
    if (!next.startsWith('.')) next = `./${next}`;
    return `${lead}${quote}${next}${ext}${quote}`;
  });
}

/** Declared function and class names that nothing reads as a property: safe to rename everywhere. */
function renamableNames(sources, keepNames) {
  const declared = new Set();
  const asProperty = new Set();
  for (const { text } of sources) {
    // Same line only: in a comment, "the function\n  return" must not make `return` a name.
    for (const match of text.matchAll(/\b(?:function\*?|class)[ \t]+([A-Za-z_$][\w$]*)/g)) declared.add(match[1]);
    for (const match of text.matchAll(/\.\s*([A-Za-z_$][\w$]*)/g)) asProperty.add(match[1]);
  }
  return [...declared].filter(
    (name) => name.length > 3 && !keepNames.has(name) && !asProperty.has(name) && !RESERVED.has(name),
  );
}

function renameIdentifiers(text, names, tag) {
  if (names.length === 0) return text;
  const pattern = new RegExp(`(?<![\\w$.])(${names.map((n) => n.replace(/\$/g, '\\$')).join('|')})(?![\\w$])`, 'g');
  const suffix = tag.charAt(0).toUpperCase() + tag.slice(1);
  return text.replace(pattern, `$1${suffix}`);
}
