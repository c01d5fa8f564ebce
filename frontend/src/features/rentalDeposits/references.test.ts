import { describe, expect, it } from 'vitest';
import { compactIban, formatIban, formatStructuredCommunication } from './references';

describe('payment references as people read them', () => {
  it('writes a structured communication as +++123/4567/89012+++', () => {
    expect(formatStructuredCommunication('010806817183')).toBe('+++010/8068/17183+++');
    expect(formatStructuredCommunication('+++010/8068/17183+++')).toBe('+++010/8068/17183+++');
  });

  it('leaves anything that is not 12 digits as it is', () => {
    expect(formatStructuredCommunication('12345')).toBe('12345');
  });

  it('groups an IBAN by four and compacts it for pasting', () => {
    expect(formatIban('be68539007547034')).toBe('BE68 5390 0754 7034');
    expect(formatIban('BE68 5390 0754 7034')).toBe('BE68 5390 0754 7034');
    expect(compactIban(' BE68 5390 0754 7034 ')).toBe('BE68539007547034');
  });
});
