import { describe, expect, it } from 'vitest';
import { claimedSiteName, createSaveLimiter, realHost } from './save-guard';

describe('realHost', () => {
  it('is the URL’s host, without www, only for web pages', () => {
    expect(realHost('http://127.0.0.1:8080/world/story')).toBe('127.0.0.1');
    expect(realHost('https://WWW.News.example/a')).toBe('news.example');
    expect(realHost('chrome-extension://abc/popup.html')).toBe('');
    expect(realHost('not a url')).toBe('');
    expect(realHost(undefined)).toBe('');
  });
});

describe('claimedSiteName', () => {
  it('keeps a name other than the host as claimed, and nothing when it is the host', () => {
    expect(claimedSiteName('Reuters', '127.0.0.1')).toBe('Reuters');
    expect(claimedSiteName(' www.news.example ', 'news.example')).toBeNull();
    expect(claimedSiteName('', 'news.example')).toBeNull();
    expect(claimedSiteName(null, 'news.example')).toBeNull();
  });
});

describe('save limiter', () => {
  it('a tab changing its URL every 10 s adds one article per 30 s, not one per URL', () => {
    let now = 0;
    const limiter = createSaveLimiter(() => now, 30_000);
    const saved: number[] = [];
    for (let i = 0; i < 9; i++, now += 10_000)
      if (limiter.allow('7', `https://x.example/${i}`)) saved.push(i);
    expect(saved).toEqual([0, 3, 6]);
  });

  it('updating the tab’s last article is always allowed; other tabs have their own budget', () => {
    let now = 0;
    const limiter = createSaveLimiter(() => now, 30_000);
    expect(limiter.allow('1', 'a')).toBe(true);
    now += 1000;
    expect(limiter.allow('1', 'a')).toBe(true);
    expect(limiter.allow('1', 'b')).toBe(false);
    expect(limiter.allow('2', 'b')).toBe(true);
    limiter.forget('1');
    expect(limiter.allow('1', 'b')).toBe(true);
  });
});
