/**
 * A small `.gitignore` reader for folders that are not in a git work tree (inside one, `git
 * ls-files` answers instead). It covers what ignore files use in practice: comments, `!`
 * negation, a leading or inner `/` anchoring the pattern to the file's folder, a trailing `/` for
 * folders only, `*`, `?`, `**` and `[...]` classes.
 */

interface IgnoreRule {
  negate: boolean;
  dirOnly: boolean;
  regex: RegExp;
}

/** The rules of one `.gitignore`, matched against paths relative to its folder (with `/`). */
export class IgnoreFile {
  private readonly rules: IgnoreRule[];

  constructor(text: string) {
    this.rules = text.split(/\r?\n/).flatMap((line) => {
      const rule = compileLine(line);
      return rule ? [rule] : [];
    });
  }

  get empty(): boolean {
    return this.rules.length === 0;
  }

  /** true: ignored, false: re-included by a `!` rule, undefined: no rule matches. */
  test(relative: string, isDir: boolean): boolean | undefined {
    let verdict: boolean | undefined;
    for (const rule of this.rules) {
      if (rule.dirOnly && !isDir) continue;
      if (rule.regex.test(relative)) verdict = !rule.negate;
    }
    return verdict;
  }
}

function compileLine(raw: string): IgnoreRule | undefined {
  // Trailing spaces are ignored unless escaped with a backslash.
  let line = raw.replace(/(?<!\\)\s+$/, '');
  if (line === '' || line.startsWith('#')) return undefined;
  let negate = false;
  if (line.startsWith('!')) {
    negate = true;
    line = line.slice(1);
  } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
    line = line.slice(1);
  }
  let dirOnly = false;
  if (line.endsWith('/')) {
    dirOnly = true;
    line = line.replace(/\/+$/, '');
  }
  if (line === '') return undefined;
  // A slash at the start or in the middle anchors the pattern to the folder of the .gitignore.
  const anchored = line.includes('/');
  line = line.replace(/^\//, '');
  const body = globBody(line);
  const regex = new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`);
  return { negate, dirOnly, regex };
}

const SPECIAL = /[.+^${}()|\\]/;

function globBody(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length;
        if (atStart && glob[i + 2] === '/') {
          // `**/`: zero or more folders.
          out += '(?:.*/)?';
          i += 2;
          continue;
        }
        if (atStart && atEnd) {
          // A trailing `/**`: everything inside.
          out += '.*';
          i += 1;
          continue;
        }
      }
      out += '[^/]*';
      while (glob[i + 1] === '*') i++;
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) {
        out += '\\[';
        continue;
      }
      let inner = glob.slice(i + 1, end);
      if (inner.startsWith('!')) inner = `^${inner.slice(1)}`;
      out += `[${inner.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (char === '\\' && i + 1 < glob.length) {
      i++;
      out += escape(glob[i]);
    } else {
      out += escape(char);
    }
  }
  return out;
}

function escape(char: string): string {
  return SPECIAL.test(char) ? `\\${char}` : char;
}
