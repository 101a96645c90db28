import { describe, expect, it } from 'vitest';
import { canonicalizeUrl } from './canonical-url';

describe('canonicalizeUrl', () => {
  it('strips tracking parameters and keeps the others in order', () => {
    expect(
      canonicalizeUrl(
        'https://News.Example.com/world/story?id=7&utm_source=x&utm_medium=social&fbclid=abc&gclid=1&page=2&mc_cid=q&mc_eid=r&igshid=z&ref=hp&ref_src=twsrc&_ga=1.2&yclid=5&dclid=3&msclkid=9',
      ),
    ).toBe('https://news.example.com/world/story?id=7&page=2');
  });

  it('drops the hash and the trailing slash, but keeps the root slash', () => {
    expect(canonicalizeUrl('https://example.com/a/b/#comments')).toBe('https://example.com/a/b');
    expect(canonicalizeUrl('https://example.com/')).toBe('https://example.com/');
    expect(canonicalizeUrl('https://example.com')).toBe('https://example.com/');
    expect(canonicalizeUrl('https://example.com/?utm_campaign=x')).toBe('https://example.com/');
  });

  it('gives the same answer with and without a trailing slash', () => {
    expect(canonicalizeUrl('https://example.com/story/')).toBe(canonicalizeUrl('https://example.com/story'));
  });

  it('folds AMP variants onto the plain page', () => {
    const plain = 'https://www.example.com/world/2025/03/story';
    expect(canonicalizeUrl('https://www.example.com/world/2025/03/story/amp/')).toBe(plain);
    expect(canonicalizeUrl('https://www.example.com/amp/world/2025/03/story')).toBe(plain);
    expect(canonicalizeUrl('https://www.example.com/world/2025/03/story?amp=1')).toBe(plain);
    expect(canonicalizeUrl('https://www.example.com/world/2025/03/story?outputType=amp')).toBe(plain);
    expect(canonicalizeUrl('https://www.example.com/world/2025/03/story.amp')).toBe(plain);
    expect(canonicalizeUrl('https://amp.example.com/world/2025/03/story')).toBe(
      'https://example.com/world/2025/03/story',
    );
    expect(canonicalizeUrl('https://www.example.com/a/story.amp.html')).toBe(
      'https://www.example.com/a/story.html',
    );
    expect(
      canonicalizeUrl('https://www-example-com.cdn.ampproject.org/c/s/www.example.com/world/2025/03/story'),
    ).toBe(plain);
  });

  it('does not fold words that merely contain "amp"', () => {
    expect(canonicalizeUrl('https://example.com/camp/ample-story')).toBe(
      'https://example.com/camp/ample-story',
    );
    expect(canonicalizeUrl('https://example.com/s?amp=yes-please')).toBe(
      'https://example.com/s?amp=yes-please',
    );
  });

  it('removes credentials and keeps non-default ports', () => {
    expect(canonicalizeUrl('http://user:pw@Example.com:8080/x/')).toBe('http://example.com:8080/x');
    expect(canonicalizeUrl('https://example.com:443/x')).toBe('https://example.com/x');
  });

  it('never throws and returns the input when it is not an http(s) URL', () => {
    expect(canonicalizeUrl('not a url')).toBe('not a url');
    expect(canonicalizeUrl('')).toBe('');
    expect(canonicalizeUrl('mailto:someone@example.com')).toBe('mailto:someone@example.com');
    expect(canonicalizeUrl('file:///home/x.html')).toBe('file:///home/x.html');
    expect(() => canonicalizeUrl('http://%%%')).not.toThrow();
  });
});
