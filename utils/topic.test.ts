import { describe, expect, it } from 'vitest';
import topicData from './data/topic.v1.json';
import {
  analyzeTopic,
  compileTopic,
  defaultTopic,
  guessLanguage,
  recognizeTopic,
  TOPIC_VERSION,
} from './topic';

const onTopic = [
  'Russia and China have deepened their partnership since the invasion of Ukraine.',
  'Beijing buys Russian oil and gas, and Chinese firms sell Moscow the machine tools its factories need.',
  'Washington has threatened secondary sanctions on Chinese banks that help Russia evade export controls.',
  'Analysts doubt the United States can pry Moscow away from Beijing.',
  'The Sino-Russian relationship remains lopsided, with Russia the junior partner.',
].join(' ');

describe('recognizeTopic', () => {
  it('marks a text about the China–Russia relationship as related, with evidence and subtopics', () => {
    const verdict = recognizeTopic(onTopic, { title: 'Can Washington split Moscow from Beijing?' });
    expect(verdict.related).toBe(true);
    expect(verdict.score).toBeGreaterThan(0.5);
    expect(verdict.score).toBeLessThanOrEqual(1);
    expect(verdict.version).toBe(TOPIC_VERSION);
    expect(verdict.subtopics).toEqual(expect.arrayContaining(['sanctions', 'energy']));
    expect(verdict.evidence).toContainEqual({ term: 'Sino-Russian', group: 'pair', count: 1 });
    expect(verdict.evidence.find((e) => e.group === 'russia')?.count).toBeGreaterThan(2);
    const counts = verdict.evidence.map((e) => e.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('does not count both countries merely named in different places', () => {
    const text = [
      'Russian troops advanced near the town on Tuesday, Ukraine said.',
      'Russia fired drones at Kyiv overnight. Russian officials denied the reports.',
      'In other news, China reported weak factory data. Chinese exports fell.',
      'Beijing announced new stimulus for property developers.',
    ].join('\n\n');
    const { verdict, features } = analyzeTopic(defaultTopic(), text);
    expect(features.joint).toBe(0);
    expect(verdict.related).toBe(false);
  });

  it('needs relation cues, not just joint mentions (sport, food, the arts)', () => {
    const tennis = Array.from(
      { length: 6 },
      (_, i) =>
        `In match ${i}, the Russian player beat China's number one at the China Open in Beijing in a tiebreak.`,
    ).join(' ');
    expect(recognizeTopic(tennis).related).toBe(false);
  });

  it('never marks a page in a language the topic data does not cover as related', () => {
    const portuguese =
      'A China e a Rússia reforçam a sua aliança. A Rússia vende petróleo à China e a China vende carros à Rússia. ' +
      'Os bancos chineses temem as sanções dos Estados Unidos contra a Rússia. A relação entre a China e a Rússia é desigual.';
    expect(recognizeTopic(portuguese, { lang: 'pt' }).related).toBe(false);
    // An English text whose page claims another language is judged by its own words.
    expect(recognizeTopic(onTopic, { lang: 'pt' }).related).toBe(true);
    expect(recognizeTopic(onTopic, { lang: 'zh-CN' }).related).toBe(true);
    // With no words to judge by, an unsupported declared language wins.
    expect(recognizeTopic('Russia China Sino-Russian partnership', { lang: 'pl' }).related).toBe(false);
  });

  it('recognises the topic in Spanish and Chinese, whatever the page declares', () => {
    const es =
      'China y Rusia refuerzan su alianza. Rusia vende petróleo a China y China vende coches a Rusia. ' +
      'Los bancos chinos temen las sanciones de Estados Unidos contra Rusia. La relación entre China y Rusia es desigual.';
    expect(recognizeTopic(es, { lang: 'en' }).related).toBe(true);
    const zh =
      '中俄两国元首在莫斯科举行会谈，双方同意深化全面战略协作伙伴关系。' +
      '普京表示，俄罗斯愿意扩大对中国的石油和天然气出口。习近平说，中方愿同俄方加强能源合作。' +
      '分析人士认为，美国的制裁推动了中俄经济合作，两国贸易越来越多地以人民币结算。';
    const { verdict, features } = analyzeTopic(defaultTopic(), zh, {
      title: '中俄元首会谈 深化能源合作',
      lang: 'en',
    });
    expect(features.lang).toBe('zh');
    expect(features.sentences).toBe(4);
    expect(verdict.related).toBe(true);
    expect(verdict.subtopics).toEqual(expect.arrayContaining(['energy']));
  });

  it('recognises the topic in Russian, German and French', () => {
    const ru =
      'Россия и Китай укрепляют стратегическое партнёрство. Это не удивляет: Россия продаёт Китаю нефть и газ, а Китай поставляет в Россию технологии. ' +
      'Российско-китайские отношения, по словам экспертов, остаются неравными. Россия и Китай также проводят совместные военные учения. ' +
      'Запад и США пытаются ослабить союз Москвы и Пекина с помощью санкций, но Китай не присоединился к санкциям против России.';
    expect(recognizeTopic(ru, { title: 'Россия и Китай: партнёрство без границ' }).related).toBe(true);
    const fr =
      'La Russie et la Chine renforcent leur partenariat stratégique. La Chine achète du pétrole à la Russie et la Russie achète des technologies à la Chine. ' +
      'Le rapprochement sino-russe inquiète les États-Unis. Pour les experts, la Russie et la Chine ne sont pas une alliance, mais leur coopération grandit.';
    expect(recognizeTopic(fr, { title: 'Le partenariat sino-russe face aux sanctions' }).related).toBe(true);
  });

  it('never throws on odd input', () => {
    expect(recognizeTopic('').related).toBe(false);
    expect(recognizeTopic(undefined as unknown as string).related).toBe(false);
    expect(recognizeTopic(onTopic, { title: 42 as unknown as string, lang: null }).related).toBe(true);
    expect(recognizeTopic('.'.repeat(10_000) + '\n'.repeat(10_000)).related).toBe(false);
  });

  it('reads at most maxChars of a 5 MB text', () => {
    const big = `${onTopic}\n\n`.repeat(Math.ceil(5_000_000 / onTopic.length));
    expect(big.length).toBeGreaterThan(5_000_000);
    const whole = analyzeTopic(defaultTopic(), big);
    const head = analyzeTopic(defaultTopic(), big.slice(0, topicData.scoring.maxChars));
    expect(whole.verdict.related).toBe(true);
    expect(whole.features).toEqual(head.features);
  });
});

describe('sides named by stand-ins', () => {
  const topic = defaultTopic();
  const joint = (text: string, title = '') => analyzeTopic(topic, text, { title }).features.joint;

  it('reads "the two leaders" after Putin and Xi as naming both sides', () => {
    const text =
      'Vladimir Putin and Xi Jinping spoke by video link on Friday.\n\n' +
      'The two leaders discussed gas deliveries and payments, the Kremlin said.';
    expect(joint(text)).toBe(2);
  });

  it('does not read "the two leaders" as China and Russia when the US side was named more', () => {
    const text =
      'US President Joe Biden and Chinese President Xi Jinping met in California.\n\n' +
      'A US official said Biden raised Chinese exports that help Russia. The two leaders agreed to talk again.';
    expect(joint(text)).toBe(1);
  });

  it('counts a listed pair with a joint-action verb as a relation, but not a threat list', () => {
    const topicText = 'Bombers flew over the sea on Thursday, the defence ministry said.';
    expect(
      analyzeTopic(topic, topicText, { title: 'Russia, China conduct air patrols' }).features.titleJoint,
    ).toBe(true);
    expect(
      analyzeTopic(topic, topicText, { title: 'China and Russia pose threats' }).features.titleJoint,
    ).toBe(false);
    expect(
      analyzeTopic(topic, topicText, { title: 'Pentagon ranks China first, Russia second' }).features
        .titleJoint,
    ).toBe(false);
  });

  it('names Russia by the Soviet Union in history pieces', () => {
    expect(joint('Kissinger hoped to widen the split between China and the Soviet Union.')).toBe(1);
  });
});

describe('guessLanguage', () => {
  it.each([
    ['The partnership between the two countries is not what it was.', 'en'],
    [
      'Die Partnerschaft zwischen den beiden Ländern ist nicht mehr, was sie war, und das wird sich auch nicht ändern.',
      'de',
    ],
    [
      'Le partenariat entre les deux pays est fragile, et cette relation pose des questions pour les alliés.',
      'fr',
    ],
    ['La relación entre los dos países es desigual, pero sus intereses son comunes para el futuro.', 'es'],
    ['Отношения между двумя странами не такие, как были, и это не изменится.', 'ru'],
    ['中俄关系', 'und'],
  ])('%s → %s', (text, lang) => {
    expect(guessLanguage(text)).toBe(lang);
  });
});

describe('topic definition', () => {
  it('compiles once and rejects a definition that breaks the schema', () => {
    expect(defaultTopic()).toBe(defaultTopic());
    expect(() => compileTopic({ ...topicData, scoring: {} })).toThrow();
  });

  it('has no cue term that would swallow a country name (the longest match wins)', () => {
    const countriesOnly = compileTopic({
      ...topicData,
      groups: topicData.groups.filter((g) => ['china', 'russia', 'relation'].includes(g.role)),
    });
    // A sports page and seas, not China; Belarus (白俄罗斯, "White Russia") is not Russia.
    const intended = new Set(['China Open', 'South China Sea', 'East China Sea', '白俄罗斯', '白俄羅斯']);
    const offenders: string[] = [];
    // Phrases that hide a name on purpose ("Russian roulette") are left out.
    const cues = [...topicData.groups.filter((g) => g.role !== 'neutral'), ...topicData.subtopics];
    for (const item of cues) {
      for (const term of Object.values(item.terms).flat()) {
        const text = (typeof term === 'string' ? term : term.term).replace('*', '');
        if (intended.has(text)) continue;
        const namesCountry = analyzeTopic(countriesOnly, text).features.either > 0;
        const countedAsCountry = analyzeTopic(defaultTopic(), text).features.either > 0;
        if (namesCountry && !countedAsCountry) offenders.push(`${item.id}: ${text}`);
      }
    }
    expect(offenders).toEqual([]);
    // The check itself works: a subtopic term containing a country name is caught.
    const swallowing = structuredClone(topicData);
    swallowing.subtopics[0].terms.en.push('ordinary Russians');
    const compiled = compileTopic(swallowing);
    expect(analyzeTopic(compiled, 'ordinary Russians').features.either).toBe(0);
  });
});
