/**
 * Module dependencies point one way (docs/ARCHITECTURE.md, "Map"): no import cycle among the backend's
 * modules, and lib/ imports no module. Read from the import statements of the source files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../backend/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative imports of a file (import/export … from '…', including type-only ones), resolved to absolute paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) out.push(path.resolve(path.dirname(file), m[1]!));
  return out;
}

/** 'modules/gecs', 'lib', 'db', … : where a file belongs. */
function unitOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts[0] === 'modules' && parts.length > 2 ? `modules/${parts[1]}` : parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.ts$/, '');
}

/** The module graph: module → the modules it imports. */
function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = unitOf(file);
    if (!from.startsWith('modules/')) continue;
    const edges = graph.get(from) ?? new Set<string>();
    for (const target of importsOf(file)) {
      const to = unitOf(target);
      if (to.startsWith('modules/') && to !== from) edges.add(to);
    }
    graph.set(from, edges);
  }
  return graph;
}

/** The first cycle found, as a path of module names, or null. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'visiting') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return null;
}

describe('backend module dependencies', () => {
  it('have no cycle among modules', () => {
    const graph = moduleGraph();
    expect(graph.size).toBeGreaterThan(5);
    expect(findCycle(graph)).toBeNull();
  });

  it('keep lib/ free of any module import', () => {
    const offenders = sourceFiles(path.join(SRC, 'lib')).flatMap((file) =>
      importsOf(file)
        .filter((target) => unitOf(target).startsWith('modules/'))
        .map((target) => `${path.relative(SRC, file)} → ${path.relative(SRC, target)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keep the ledger free of any feature module', () => {
    expect([...(moduleGraph().get('modules/ledger') ?? [])]).toEqual([]);
  });

  it('keep households, the registry, free of any feature module but auth', () => {
    expect([...(moduleGraph().get('modules/households') ?? [])].filter((m) => m !== 'modules/auth')).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });
});
