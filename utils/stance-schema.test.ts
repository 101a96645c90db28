import { describe, expect, it } from 'vitest';
import data from './data/stance-axis.v1.json';
import { parseStanceData } from './stance-schema';
import { compileAxis, DEFAULT_AXIS_ID, loadAxes } from './stance-rules';

const clone = () => JSON.parse(JSON.stringify(data)) as typeof data;

describe('stance axis data', () => {
  it('fits the schema and every phrase compiles', () => {
    const parsed = parseStanceData(data);
    for (const def of parsed.axes) expect(() => compileAxis(def)).not.toThrow();
    expect(loadAxes(data).has(DEFAULT_AXIS_ID)).toBe(true);
  });

  it('has several cue families for each side and every modifier role', () => {
    const axis = parseStanceData(data).axes.find((a) => a.id === DEFAULT_AXIS_ID)!;
    const polar = axis.cues.filter((c) => c.role === 'polar');
    expect(polar.filter((c) => c.leans === 'durable').length).toBeGreaterThanOrEqual(5);
    expect(polar.filter((c) => c.leans === 'fragile').length).toBeGreaterThanOrEqual(5);
    const roles = new Set(axis.cues.map((c) => c.role));
    for (const role of ['negation', 'hedge', 'contrast', 'concession', 'disagreement', 'other-voice']) {
      expect(roles, role).toContain(role);
    }
  });

  it('names no machine paths', () => {
    expect(JSON.stringify(data)).not.toMatch(/\/(work|tmp|root)\//);
  });

  it('rejects a malformed axis with a readable path', () => {
    const bad = clone();
    (bad.axes[0].cues[0] as { weight: unknown }).weight = 'heavy';
    expect(() => parseStanceData(bad)).toThrow(/cues\.0\.weight/);
    const noLeans = clone();
    delete (noLeans.axes[0].cues[0] as { leans?: string }).leans;
    expect(() => parseStanceData(noLeans)).toThrow(/stance data invalid/);
  });

  it('rejects an unbounded or malformed phrase at load, naming the family', () => {
    const gap = clone();
    gap.axes[0].cues[0].phrases = ['hard ~30 split'];
    expect(() => loadAxes(gap)).toThrow(/hard-to-split.*gap/);
    const cls = clone();
    cls.axes[0].cues[0].phrases = ['pull {XX} away'];
    expect(() => loadAxes(cls)).toThrow(/unknown word class/);
    const opt = clone();
    opt.axes[0].cues[0].phrases = ['pull away?'];
    expect(() => loadAxes(opt)).toThrow(/required word/);
  });

  it('rejects duplicate axis and family ids', () => {
    const twice = clone();
    twice.axes.push(twice.axes[0]);
    expect(() => parseStanceData(twice)).toThrow(/duplicate axis/);
  });
});
