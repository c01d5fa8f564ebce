import { afterEach, describe, expect, it, vi } from 'vitest';
import { memberSchema } from '../../backend/src/modules/households/households.schemas.ts';

const member = (birthYear: number) => ({ firstName: 'Amina', lastName: 'Diallo', kind: 'child', birthYear });

describe('a household member’s birth year', () => {
  afterEach(() => vi.useRealTimers());

  it('may be this year, read when the request comes, not when the server started', () => {
    vi.useFakeTimers({ now: new Date('2031-03-01T10:00:00Z'), toFake: ['Date'] });
    expect(memberSchema.safeParse(member(2031)).success).toBe(true);
    const next = memberSchema.safeParse(member(2032));
    expect(next.error?.issues.map((i) => i.message)).toEqual(['Must not be in the future']);
  });

  it('follows the year in Brussels on New Year’s Eve', () => {
    // 23:30 UTC on 31 December is already 1 January in Brussels.
    vi.useFakeTimers({ now: new Date('2030-12-31T23:30:00Z'), toFake: ['Date'] });
    expect(memberSchema.safeParse(member(2031)).success).toBe(true);
  });
});
