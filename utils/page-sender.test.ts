import { describe, expect, it, vi } from 'vitest';
import type { ProtocolMap } from './messaging';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { createPageSender } from './page-sender';

describe('createPageSender', () => {
  it('sends the library’s wire format and returns the reply’s res', async () => {
    const sent: unknown[] = [];
    const send = createPageSender(async (m) => (sent.push(m), { res: { ok: 1 } }));
    await expect(send('analyzePage', { html: '<p>x</p>', url: 'https://a.example/' })).resolves.toEqual({
      ok: 1,
    });
    const [m] = sent as { id: number; type: string; data: unknown; timestamp: number }[];
    expect(m.type).toBe('analyzePage');
    expect(m.data).toEqual({ html: '<p>x</p>', url: 'https://a.example/' });
    expect(Number.isInteger(m.id)).toBe(true);
    expect(typeof m.timestamp).toBe('number');
  });

  it('throws the receiver’s error with its message and name; no reply is an error too', async () => {
    const failing = createPageSender(async () => ({
      err: { name: 'TypeError', message: 'busy: 4 analyses queued' },
    }));
    await expect(failing('analyzePage', { html: '', url: '' })).rejects.toMatchObject({
      name: 'TypeError',
      message: 'busy: 4 analyses queued',
    });
    const silent = createPageSender(async () => undefined);
    await expect(silent('analyzePage', { html: '', url: '' })).rejects.toThrow('No response');
  });

  it('lets a transport error through unchanged (the gate retries while the background starts)', async () => {
    const down = createPageSender(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(down('analyzePage', { html: '', url: '' })).rejects.toThrow('Receiving end does not exist');
  });

  it('is understood by the library’s own listener, and understands its replies', async () => {
    // The background listens with @webext-core/messaging on chrome.runtime.onMessage: stand a
    // library messenger on a stub of that event and send to it through the page sender.
    type Listener = (m: unknown, sender: unknown, reply: (r: unknown) => void) => boolean;
    const listeners: Listener[] = [];
    const chrome = {
      runtime: {
        onMessage: { addListener: (fn: Listener) => listeners.push(fn), removeListener: () => {} },
      },
    };
    vi.stubGlobal('chrome', chrome);
    const library = defineExtensionMessaging<ProtocolMap>();
    library.onMessage('analyzePage', ({ data }) => {
      if (!data.url) throw new Error('no url');
      return null;
    });
    const deliver = (m: unknown) =>
      new Promise((resolve) => {
        if (!listeners[0](m, {}, resolve)) resolve(undefined);
      });
    const send = createPageSender(deliver);
    await expect(send('analyzePage', { html: '', url: 'https://a.example/' })).resolves.toBeNull();
    await expect(send('analyzePage', { html: '', url: '' })).rejects.toThrow('no url');
    vi.unstubAllGlobals();
  });
});
