/**
 * Stage 2 of 3, injected by the background into candidate pages while it analyses them: once the
 * gate hands over a verdict on the topic, marks the experts, tracks reading, and loads the card stage
 * on the first hover or focus of a mark.
 */
import { lensBridge } from '@/utils/lens-bridge';
import { startLens } from './lens';

export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  main(ctx) {
    const bridge = lensBridge();
    if (bridge.refresh) return; // injected again (single-page site): the gate hands over the new verdict
    startLens(ctx, bridge).catch((err: unknown) => {
      if (ctx.isValid) console.debug('[Triangle Lens] lens stopped:', err);
    });
  },
});
