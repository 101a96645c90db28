import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import topicData from './data/topic.v1.json';
import { TopicDefinitionSchema } from './topic-schema';

describe('topic definition data', () => {
  it('validates against the schema', () => {
    const result = v.safeParse(TopicDefinitionSchema, topicData);
    expect(result.issues?.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`) ?? []).toEqual([]);
  });

  it('has English terms for every group and subtopic, and the subtopics the product names', () => {
    const topic = v.parse(TopicDefinitionSchema, topicData);
    for (const item of [...topic.groups, ...topic.subtopics]) expect(item.terms.en.length).toBeGreaterThan(0);
    expect(topic.subtopics.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'sanctions',
        'energy',
        'military',
        'trade-finance',
        'diplomacy',
        'ukraine-war',
        'public-opinion',
        'technology',
      ]),
    );
  });

  it('rejects broken definitions', () => {
    const broken = structuredClone(topicData) as Record<string, unknown>;
    (broken.groups as { terms: { en: unknown[] } }[])[0].terms.en.push('bad*term');
    expect(v.safeParse(TopicDefinitionSchema, broken).success).toBe(false);
    expect(v.safeParse(TopicDefinitionSchema, { ...topicData, version: 'two' }).success).toBe(false);
    expect(
      v.safeParse(TopicDefinitionSchema, {
        ...topicData,
        groups: topicData.groups.filter((g) => g.role !== 'relation'),
      }).success,
    ).toBe(false);
  });
});
