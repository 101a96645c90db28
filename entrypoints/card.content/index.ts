/**
 * Stage 3 of 3, injected on the first hover or focus of a mark: the card (Preact in a shadow root,
 * positioned with Floating UI). It attaches itself to the lens that asked for it.
 */
import { lensBridge } from '@/utils/lens-bridge';
import { createCardController } from './card-ui';

export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  main(ctx) {
    const host = lensBridge().cardHost;
    if (!host) return;
    createCardController(ctx, host)
      .then((card) => host.attach(card))
      .catch((err: unknown) => {
        if (ctx.isValid) console.debug('[Triangle Lens] card unavailable:', err);
      });
  },
});
