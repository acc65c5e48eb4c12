import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir` that `keep` accepts, sorted so that runs see the same order. */
export function listFiles(dir, keep = () => true) {
  const out = [];
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (entry.isFile() && keep(full)) {
        out.push(full);
      }
    }
  };
  walk(dir);
  return out.sort();
}

export function countLines(files) {
  let lines = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    lines += text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  }
  return lines;
}
