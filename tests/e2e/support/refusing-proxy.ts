/**
 * An HTTP proxy on 127.0.0.1 that records every request sent to it and refuses it. Chromium is
 * pointed at it so that nothing can leave the machine during a test, and so that anything that
 * tries is written down. Loopback addresses bypass proxies in Chromium, so the fixture server is
 * reached directly.
 */
import { createServer } from 'node:http';

export interface RefusingProxy {
  /** `host:port` to pass as `--proxy-server=http://…`. */
  address: string;
  /** Every attempt, e.g. `CONNECT accounts.example:443` or `GET http://example.com/x`. */
  log: string[];
  close(): Promise<void>;
}

export async function startRefusingProxy(): Promise<RefusingProxy> {
  const log: string[] = [];
  const server = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    res.writeHead(403, { connection: 'close' }).end();
  });
  server.on('connect', (req, socket) => {
    log.push(`CONNECT ${req.url}`);
    // The browser may reset the tunnel it asked for (a page giving up on its request): without a
    // listener that 'read ECONNRESET' is an uncaught exception that ends the whole test worker.
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('proxy did not bind');
  return {
    address: `127.0.0.1:${addr.port}`,
    log,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
