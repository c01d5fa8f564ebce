/**
 * Every locale has the same keys, and every key the source uses literally exists in French (the default).
 * Keys built from a template (t(`households.account.status.${status}`)) are checked by TypeScript instead:
 * i18next's typed resources refuse a key that fr.json lacks.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { translations } from './resources';

const { fr, nl, en } = translations;

type Tree = { [key: string]: string | Tree };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const SRC = fileURLToPath(new URL('..', import.meta.url));

/** Dotted keys of a translation tree, with plural forms folded onto their base key. */
function keysOf(tree: Tree, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [name, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'string') keys.add(path.replace(PLURAL_SUFFIX, ''));
    else for (const key of keysOf(value, path)) keys.add(key);
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The text of the first argument of each t( … ) call, however it is written. */
function firstArguments(source: string): string[] {
  const args: string[] = [];
  const call = /(?<![\w$.])t\(/g;
  for (let match = call.exec(source); match; match = call.exec(source)) {
    let depth = 0;
    let end = match.index + match[0].length;
    for (; end < source.length; end += 1) {
      const char = source[end];
      if (char === '(' || char === '[' || char === '{') depth += 1;
      else if (char === ')' || char === ']' || char === '}') {
        if (depth === 0) break;
        depth -= 1;
      } else if (char === ',' && depth === 0) break;
    }
    args.push(source.slice(match.index + match[0].length, end));
  }
  return args;
}

/** Literal keys used by the source: t('a.b'), t(cond ? 'a.b' : 'a.c'), i18nKey="a.b". */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  const literal = /(['"])([a-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)\1/g;
  for (const file of sourceFiles(SRC)) {
    const source = readFileSync(file, 'utf8');
    const where = relative(SRC, file);
    for (const arg of firstArguments(source)) {
      for (const match of arg.matchAll(literal)) used.set(match[2] ?? '', where);
    }
    for (const match of source.matchAll(/i18nKey=["']([^"']+)["']/g)) used.set(match[1] ?? '', where);
  }
  return used;
}

const locales: Record<string, Set<string>> = {
  fr: keysOf(fr as Tree),
  nl: keysOf(nl as Tree),
  en: keysOf(en as Tree),
};

describe('translations', () => {
  for (const [name, keys] of Object.entries(locales)) {
    for (const [otherName, otherKeys] of Object.entries(locales)) {
      if (name === otherName) continue;
      it(`${name} has every key that ${otherName} has`, () => {
        const missing = [...otherKeys].filter((key) => !keys.has(key));
        expect(missing, `missing in ${name}.json`).toEqual([]);
      });
    }
  }

  it('has no empty translation', () => {
    const empty: string[] = [];
    const walk = (tree: Tree, locale: string, prefix = '') => {
      for (const [name, value] of Object.entries(tree)) {
        const path = prefix ? `${prefix}.${name}` : name;
        if (typeof value === 'string') {
          if (value.trim() === '') empty.push(`${locale}:${path}`);
        } else walk(value, locale, path);
      }
    };
    walk(fr as Tree, 'fr');
    walk(nl as Tree, 'nl');
    walk(en as Tree, 'en');
    expect(empty).toEqual([]);
  });

  it('defines in fr.json every key the source uses literally', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter(([key]) => !locales.fr?.has(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});
