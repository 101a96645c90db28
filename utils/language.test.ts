import { describe, expect, it } from 'vitest';
import { countScripts, detectLanguage, dominantScript, primaryTag, stopWordLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    ['The partnership between the two countries is not what it was, and it will not be again.', 'en'],
    [
      'Die Partnerschaft zwischen den beiden Ländern ist nicht mehr, was sie war, und das wird sich nicht ändern.',
      'de',
    ],
    [
      'Le partenariat entre les deux pays est fragile, et cette relation pose des questions pour les alliés.',
      'fr',
    ],
    ['La relación entre los dos países es desigual, pero sus intereses son comunes para el futuro.', 'es'],
    ['Отношения между двумя странами не такие, как были, и это не изменится.', 'ru'],
    ['中俄两国元首举行会谈，双方同意深化合作。', 'zh'],
    ['ロシアと中国の首脳が会談し、協力の強化で合意した。', 'ja'],
    ['러시아와 중국 정상이 회담을 가졌다.', 'ko'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('trusts the text over a wrong lang attribute', () => {
    const russian = 'Россия и Китай провели переговоры, и это не первая встреча в этом году.';
    expect(detectLanguage(russian, 'en')).toBe('ru');
    expect(detectLanguage('中俄关系', 'en-US')).toBe('zh');
    expect(detectLanguage('The two leaders met in Moscow, and the talks were long.', 'zh-CN')).toBe('en');
  });

  it('uses the declared language only when the text cannot tell, and never across scripts', () => {
    expect(detectLanguage('Sino-Russian partnership', 'de-DE')).toBe('de');
    expect(detectLanguage('Sino-Russian partnership', 'zh')).toBe('und');
    expect(detectLanguage('Sino-Russian partnership')).toBe('und');
    expect(detectLanguage('Путин Си Цзиньпин')).toBe('ru');
    expect(detectLanguage('Путин Си Цзиньпин', 'uk')).toBe('uk');
    expect(detectLanguage('', 'fr')).toBe('fr');
  });

  it('never throws on odd input', () => {
    expect(detectLanguage(undefined as unknown as string)).toBe('und');
    expect(detectLanguage('12345 !!!', null)).toBe('und');
  });
});

describe('scripts and tags', () => {
  it('counts letters per script and picks the dominant one (a Han character counts three)', () => {
    expect(countScripts('abc Жж 中国 カ 한')).toEqual({ latin: 3, cyrillic: 2, han: 2, kana: 1, hangul: 1 });
    expect(dominantScript(countScripts('The word 中俄 in an English sentence about it.'))).toBe('latin');
    expect(dominantScript(countScripts('中俄关系 Reuters'))).toBe('cjk');
    expect(dominantScript(countScripts('a b'))).toBe('none');
  });

  it('reads the primary subtag of a declared language', () => {
    expect(primaryTag('en-GB')).toBe('en');
    expect(primaryTag('zh_TW')).toBe('zh');
    expect(primaryTag(' FR ')).toBe('fr');
    expect(primaryTag('')).toBe('und');
    expect(primaryTag(null)).toBe('und');
    expect(primaryTag('x')).toBe('und');
  });

  it('tells Latin-script languages apart by their stop words', () => {
    expect(stopWordLanguage('Não foi uma decisão fácil para o governo, mas era necessária.')).toBe('pt');
    expect(stopWordLanguage('Rosja i Chiny nie są sojusznikami, ale to się może zmienić przez wojnę.')).toBe(
      'pl',
    );
    expect(stopWordLanguage('Russia China')).toBe('und');
    const lorem =
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ';
    expect(
      stopWordLanguage(lorem.repeat(5) + ' Duis aute irure dolor est in reprehenderit et voluptate.'),
    ).toBe('und');
  });
});
