/**
 * Stage 2 of 3, injected by the background into pages on the topic only: marks the experts, tracks
 * reading, and loads the card stage on the first hover or focus of a mark.
 */
import { lensBridge } from '@/utils/lens-bridge';
import { startLens } from './lens';

export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  main(ctx) {
    const bridge = lensBridge();
    if (bridge.refresh) {
      bridge.refresh(); // injected again: the running lens takes the new analysis
      return;
    }
    startLens(ctx, bridge).catch((err: unknown) => {
      if (ctx.isValid) console.debug('[Triangle Lens] lens stopped:', err);
    });
  },
});
