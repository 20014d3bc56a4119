import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { circles, importGraph } from '../support/importGraph';

const g = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

interface Case {
  name: string;
  edges: Record<string, string[]>;
  found: string[][];
}

describe('finding import circles', () => {
  it.each<Case>([
    { name: 'a chain has none', edges: { a: ['b'], b: ['c'], c: [] }, found: [] },
    { name: 'two files importing each other', edges: { a: ['b'], b: ['a'] }, found: [['a', 'b']] },
    {
      name: 'a circle of three beside a chain',
      edges: { db: ['schema'], schema: ['chunks'], chunks: ['db'], ui: ['db'] },
      found: [['chunks', 'db', 'schema']],
    },
    { name: 'a file importing itself', edges: { a: ['a'] }, found: [['a']] },
    { name: 'imports from outside the tree are ignored', edges: { a: ['react'] }, found: [] },
  ])('$name', ({ edges, found }) => {
    expect(circles(g(edges))).toEqual(found);
  });
});

describe('the source tree', () => {
  it('has no import circle, type-only imports included', () => {
    const root = path.resolve(__dirname, '../../src');
    const graph = importGraph(root);
    expect(graph.size).toBeGreaterThan(200);
    const found = circles(graph).map((c) => c.map((f) => path.relative(root, f)));
    expect(found).toEqual([]);
  });
});
