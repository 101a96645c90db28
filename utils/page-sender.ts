/**
 * The gate's one way to talk to the background: `sendMessage(type, data)` on the same typed protocol
 * and the same wire format as `@webext-core/messaging` (`{id, type, data, timestamp}` answered by
 * `{res}` or `{err}`), which the background listens with. The gate runs on every page and must stay
 * under 5 kB gzip; the library's messenger (sender, listener and error serialisation in one object)
 * cost it about 1 kB of that, measured on the built `gate.js`, for one call. Every other part of the
 * extension uses the library itself.
 */
import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import type { ProtocolMap } from './messaging';

/** Sends one message and resolves with the receiver's reply (`browser.runtime.sendMessage`). */
export type RawSend = (message: unknown) => Promise<unknown>;

interface Reply {
  res?: unknown;
  err?: { name?: unknown; message?: unknown } | null;
}

export function createPageSender(send: RawSend) {
  let id = Math.floor(Math.random() * 1e4);
  return async function sendMessage<K extends keyof ProtocolMap>(
    type: K,
    data: GetDataType<ProtocolMap[K]>,
  ): Promise<GetReturnType<ProtocolMap[K]>> {
    const reply = (await send({ id: id++, type, data, timestamp: Date.now() })) as Reply | undefined;
    if (!reply) throw new Error('No response');
    if (reply.err != null) {
      const error = new Error(String(reply.err.message ?? reply.err));
      if (typeof reply.err.name === 'string') error.name = reply.err.name;
      throw error;
    }
    return reply.res as GetReturnType<ProtocolMap[K]>;
  };
}
