import { describe, expect, it } from 'vitest';
import { handleName, unfoldHandles } from './handles';

describe('handles', () => {
  it('spells CamelCase and snake_case handles as names', () => {
    expect(handleName('MiraSolvang')).toBe('Mira Solvang');
    expect(handleName('jonas_eberlein')).toBe('Jonas Eberlein');
    expect(handleName('MFA_Briefing')).toBeNull();
    expect(handleName('nytimes')).toBeNull();
    expect(handleName('KremlinRussia_E')).toBeNull();
  });

  it('keeps the text length and replaces only handles presented as people', () => {
    const text =
      '"Trade is up," @MiraSolvang, a Russia analyst at the Telford Group, wrote. ' +
      '"@Uber_Sydney stop that," one reply began. @jonas_eberlein agreed; Jonas Eberlein is an economist.';
    const out = unfoldHandles(text);
    expect(out).toHaveLength(text.length);
    expect(out).toContain('Mira Solvang, a Russia analyst');
    expect(out).toContain('@Uber_Sydney');
    expect(out).toContain(' Jonas Eberlein agreed');
  });
});
