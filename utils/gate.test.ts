import { describe, expect, it } from 'vitest';
import { DOMParser, parseHTML } from 'linkedom';
import { gateSample, isSkippedUrl, MAX_SAMPLE_CHARS, mentionsBothSides, mostlyHan, quickLook } from './gate';

const paragraph = (text: string) =>
  `<p>${text} ${'Lorem ipsum dolor sit amet, words to fill the paragraph. '.repeat(6)}</p>`;

function page(head: string, body: string): Document {
  return parseHTML(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`).document;
}

const article = page(
  '<title>Can Washington pry Moscow from Beijing?</title>',
  `<article><h1>Can Washington pry Moscow from Beijing?</h1>${paragraph('The partnership between Russia and China')}${paragraph(
    'Analysts disagree.',
  )}${paragraph('More.')}</article>`,
);

describe('quickLook', () => {
  it('passes an article that names both sides', () => {
    expect(quickLook(article, 'https://news.example.com/world/story')).toEqual({
      worth: true,
      reason: 'candidate',
    });
  });

  it('dismisses pages that name only one side', () => {
    const doc = page(
      '<title>Ukraine front line</title>',
      paragraph('Russian forces shelled the town.').repeat(4),
    );
    expect(quickLook(doc).reason).toBe('no-topic-terms');
  });

  it('dismisses search, mail, video, shop and docs hosts by URL alone', () => {
    for (const url of [
      'https://www.google.com/search?q=russia+china',
      'https://www.bing.com/search?q=x',
      'https://duckduckgo.com/html?q=x',
      'https://mail.google.com/mail/u/0/#inbox',
      'https://outlook.live.com/mail/0/',
      'https://www.youtube.com/watch?v=abc',
      'https://www.amazon.de/dp/123',
      'https://www.ebay.com/itm/1',
      'https://github.com/mozilla/readability',
      'https://docs.example.org/guide/',
      'https://shop.example.com/cart',
      'https://news.example.com/search?q=china',
    ]) {
      expect(quickLook(article, url), url).toEqual({ worth: false, reason: 'skipped-host' });
    }
  });

  it('does not dismiss ordinary news hosts', () => {
    for (const url of [
      'https://www.theguardian.com/world/2025/mar/14/story',
      'https://carnegieendowment.org/russia-eurasia/politika/2025/01/x',
      'https://www.apple-daily.example/news/1',
      'https://edition.example.com/2025/03/14/asia/china-russia/index.html',
    ]) {
      expect(quickLook(article, url).reason, url).toBe('candidate');
    }
  });

  it('dismisses pages that are not readerable even when they name both sides', () => {
    const doc = page('<title>Russia and China</title>', '<ul><li>Russia</li><li>China</li></ul>');
    expect(quickLook(doc).reason).toBe('not-readerable');
  });

  it('passes a Chinese article whose paragraphs are short in characters, but not a Chinese link list', () => {
    const zh = (text: string) =>
      `<p>${text}中俄双方同意继续加强能源、贸易和科技领域的合作，推动两国关系向前发展。</p>`;
    const doc = page(
      '<title>中俄元首举行会谈</title>',
      `<article>${zh('国家主席习近平同俄罗斯总统普京举行会谈。')}${zh('双方签署联合声明。')}${zh('分析人士认为，')}</article>`,
    );
    expect(quickLook(doc, 'https://news.example.cn/world/1.html')).toEqual({
      worth: true,
      reason: 'candidate',
    });
    const links = page(
      '<title>中俄新闻</title>',
      '<ul>' + '<li><a href="/a">中国新闻</a></li><li><a href="/b">俄罗斯新闻</a></li>'.repeat(20) + '</ul>',
    );
    expect(quickLook(links, 'https://news.example.cn/').reason).toBe('not-readerable');
  });

  it('lets a short piece through when its headline names both sides, not otherwise', () => {
    const brief =
      '<p>Warships from the two navies began drills in the Sea of Japan on Monday, the Chinese defence ministry said.</p>' +
      '<p>Russian aircraft flew overhead. About 2,000 sailors are taking part, and Japan is watching.</p>';
    const titled = page(
      '<title>China, Russia hold joint naval exercises</title>',
      `<article>${brief}</article>`,
    );
    expect(quickLook(titled, 'https://news.example.com/world/1').reason).toBe('candidate');
    const untitled = page('<title>Naval exercises begin</title>', `<article>${brief}</article>`);
    expect(quickLook(untitled, 'https://news.example.com/world/1').reason).toBe('not-readerable');
  });

  it('handles bad input without throwing', () => {
    const xml = new DOMParser().parseFromString(
      '<root><p>Russia China</p></root>',
      'text/xml',
    ) as unknown as Document;
    expect(quickLook(xml).worth).toBe(false);
    const frames = parseHTML('<html><frameset><frame src="a.html"></frameset></html>').document;
    expect(quickLook(frames)).toEqual({ worth: false, reason: 'frameset' });
    const empty = parseHTML('').document;
    expect(quickLook(empty).worth).toBe(false);
    expect(quickLook({} as Document).worth).toBe(false);
    expect(quickLook(null as unknown as Document)).toEqual({ worth: false, reason: 'error' });
  });

  // Work is bounded by what is read, not checked with a clock (the bench measures time).
  it('reads a bounded sample of a 5 MB paragraph', () => {
    const doc = page('<title>Big</title>', `<p>${'plain words only here. '.repeat(230_000)}</p>`);
    expect(quickLook(doc).worth).toBe(false);
    expect(gateSample(doc).length).toBeLessThanOrEqual('Big'.length + 5 + MAX_SAMPLE_CHARS);
  });

  it('reads a bounded sample of 100,000 paragraphs', () => {
    const huge = page('<title>Nothing here</title>', '<p>plain words only here.</p>'.repeat(100_000));
    expect(quickLook(huge).reason).toBe('no-topic-terms');
    const sample = gateSample(huge);
    expect(sample.length).toBeLessThanOrEqual(MAX_SAMPLE_CHARS + 100);
    expect(sample.split('plain words').length - 1).toBeLessThanOrEqual(20);
  });
});

describe('mentionsBothSides', () => {
  it.each([
    ['Russia and China held talks', true],
    ['The Sino-Russian partnership', true],
    ['Putin met Xi Jinping in Beijing', true],
    ['Российско-китайские отношения', true],
    ['Russland und China', true],
    ['La Russie et la Chine', true],
    ['Bertrand Russell visited China', false],
    ['Russia invaded Ukraine', false],
    ["China's peace plan for Ukraine", true],
    ['Chinese dumplings with pork', false],
    ['Rusia y China firman un acuerdo', true],
    ['Moscú y Pekín', true],
    ['el gas ruso llega a los compradores chinos', true],
    ['la alianza sino-rusa', true],
    ['Putin recibe a Xi Jinping', true],
    ['Путин и Си Цзиньпин', true],
    ['Moskau und Peking', true],
    ['Poutine à Pékin', true],
    ['中俄关系', true],
    ['俄中贸易', true],
    ['俄罗斯总统普京会见中国国家主席习近平', true],
    ['普京访问北京', true],
    ['習近平同俄羅斯總統普丁舉行會談', true],
    ['俄罗斯天然气', false],
    ['中国经济', false],
    ['La ensalada rusa lleva patata', false],
    ['Russische Küche', false],
  ])('%s → %s', (text, expected) => {
    expect(mentionsBothSides(text)).toBe(expected);
  });
});

describe('mostlyHan', () => {
  it('tells a Chinese sample from an English one that quotes a Chinese word', () => {
    expect(mostlyHan('中俄双方同意继续加强能源合作。Xinhua')).toBe(true);
    expect(mostlyHan('The phrase 中俄 means China and Russia, as the article explains.')).toBe(false);
    expect(mostlyHan('')).toBe(false);
  });
});

describe('isSkippedUrl', () => {
  it.each([
    ['https://www.amazon.co.uk/dp/B000', true],
    ['https://m.youtube.com/watch?v=1', true],
    ['https://developer.mozilla.org/en-US/docs/Web', true],
    ['https://docs.rs/regex', true],
    ['https://www.google.com/webhp', false],
    ['https://news.yahoo.com/russia-china-ties-123.html', false],
    ['https://www.bing.com/news/search?q=x', true],
    ['https://www.reuters.com/world/china/', false],
    ['https://example.com/account/settings', true],
    ['not a url', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isSkippedUrl(url)).toBe(expected);
  });
});
