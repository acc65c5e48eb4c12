import path from 'node:path';
import { BoundedMap } from '../util/bounded-map.js';

/**
 * A small glob matcher for rule options (`clientGlobs`), so the plugin needs no dependency:
 * `**` (any number of folders), `*` and `?` (within one path segment), `[abc]` / `[!abc]`
 * character classes and `{a,b}` alternatives. Paths use `/`, relative to the linted project.
 */
/** Globs come from options, but a long editor session may see many configurations. */
const cache = new BoundedMap<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let compiled = cache.get(glob);
  if (!compiled) {
    const normalised = glob.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
    compiled = new RegExp(`^${convert(normalised)}$`);
    cache.set(glob, compiled);
  }
  return compiled;
}

const SPECIAL = /[.+^${}()|[\]\\]/g;

function convert(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        if (atSegmentStart && glob[i + 2] === '/') {
          out += '(?:[^/]*(?:/|$))*';
          i += 2;
          continue;
        }
        out += '.*';
        i += 1;
        continue;
      }
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      const set = `[${negated ? '^' : ''}${body.replace(/\\/g, '\\\\').replace(/]/g, '\\]')}]`;
      // A class no regular expression can hold (`[z-a]`) is plain text, as in other glob matchers.
      if (!isValidClass(set)) {
        out += '\\[';
        continue;
      }
      out += set;
      i = close;
    } else if (char === '{') {
      const close = matchingBrace(glob, i);
      if (close < 0) {
        out += '\\{';
        continue;
      }
      const alternatives = splitTopLevel(glob.slice(i + 1, close)).map(convert);
      out += `(?:${alternatives.join('|')})`;
      i = close;
    } else {
      out += char.replace(SPECIAL, '\\$&');
    }
  }
  return out;
}

function isValidClass(set: string): boolean {
  try {
    new RegExp(set);
    return true;
  } catch {
    return false;
  }
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The file's path relative to the project (`cwd`), with `/` separators. */
export function projectPath(filename: string, cwd: string): string {
  const absolute = path.resolve(cwd, filename);
  return path.relative(cwd, absolute).split(path.sep).join('/');
}

/** Does the project-relative path match one of the globs? */
export function matchesAnyGlob(relativePath: string, globs: readonly string[]): string | undefined {
  return globs.find((glob) => globToRegExp(glob).test(relativePath));
}
