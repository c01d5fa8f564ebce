import { describe, expect, it } from 'vitest';
import { withSearchChanges } from './searchParams';

describe('withSearchChanges', () => {
  it('sets, replaces and removes keys and keeps the others', () => {
    const next = withSearchChanges(new URLSearchParams('q=diallo&page=3&view=board'), { q: 'ba', view: null, referent: 'r1', kind: undefined, empty: '' });
    expect(next.toString()).toBe('q=ba&page=3&referent=r1');
  });

  it('drops the keys asked for (the page when a filter changes), without touching the original', () => {
    const previous = new URLSearchParams('q=diallo&page=3');
    expect(withSearchChanges(previous, { q: 'ba' }, ['page']).toString()).toBe('q=ba');
    expect(previous.toString()).toBe('q=diallo&page=3');
  });
});
