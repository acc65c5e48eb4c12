// The large corpus: real TypeScript that npm packages ship as sources, unpacked from their
// tarballs. ESLint never lints under node_modules, so the sources are unpacked outside of one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { countLines, listFiles } from './files.mjs';

/** Pinned: a benchmark compares runs, so the corpus must not move under it. */
export const PACKAGES = [
  { name: 'effect', version: '4.1.0', tsconfig: effectTsconfig },
  { name: 'rxjs', version: '7.8.2', tsconfig: rxjsTsconfig },
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Unpacks each package's `src/` into `<corpusDir>/<name>/`, once; later runs reuse it. */
export function installLargeCorpus(corpusDir, log) {
  const packs = path.join(corpusDir, 'packs');
  mkdirSync(packs, { recursive: true });
  const parts = [];
  for (const pkg of PACKAGES) {
    const dir = path.join(corpusDir, pkg.name);
    const marker = path.join(dir, `.installed-${pkg.version}`);
    if (!existsSync(marker)) {
      log(`installing ${pkg.name}@${pkg.version} into ${path.relative(process.cwd(), dir)}`);
      const tarball = path.join(packs, `${pkg.name}-${pkg.version}.tgz`);
      if (!existsSync(tarball)) {
        const name = execFileSync(npm, ['pack', `${pkg.name}@${pkg.version}`, '--silent'], {
          cwd: packs,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        }).trim();
        if (path.join(packs, name) !== tarball) throw new Error(`npm pack wrote ${name}, expected ${tarball}`);
      }
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1', 'package/src', 'package/package.json']);
      writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(pkg.tsconfig(), null, 2)}\n`);
      writeFileSync(marker, '');
    }
    const files = listFiles(path.join(dir, 'src'), (file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
    parts.push({ name: `${pkg.name}@${pkg.version}`, dir, files, lines: countLines(files) });
  }
  return parts;
}

// The packages' own compiler settings, reduced to what resolves their imports: the typed runs
// need a program that type-checks the sources roughly as their authors do.
function effectTsconfig() {
  return {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      allowImportingTsExtensions: true,
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      strict: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: true,
      noEmit: true,
      paths: { effect: ['./src/index.ts'], 'effect/*': ['./src/*.ts', './src/*/index.ts'] },
    },
    include: ['src'],
  };
}

function rxjsTsconfig() {
  return {
    compilerOptions: {
      target: 'ES2020',
      module: 'ESNext',
      moduleResolution: 'Node',
      lib: ['ESNext', 'DOM'],
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    },
    include: ['src'],
  };
}
