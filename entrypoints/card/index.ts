/**
 * Stage 3 of 3, injected on the first real hover, keyboard stop or key on a mark: the card (Preact
 * in a closed shadow root, positioned with Floating UI). It attaches itself to the lens that asked.
 * An unlisted script with a lifetime of its own, like the lens (see entrypoints/lens/index.ts).
 */
import { lensBridge } from '@/utils/lens-bridge';
import { createScriptLife } from '@/utils/script-life';
import { createCardController } from './card-ui';

export default defineUnlistedScript(() => {
  const host = lensBridge().cardHost;
  if (!host || host.claimed) return; // nothing to show, or injected twice for the same article
  host.claimed = true;
  const life = createScriptLife(() => Boolean(browser.runtime?.id));
  try {
    host.attach(createCardController(life, host));
  } catch (err: unknown) {
    if (life.isValid) console.debug('[Triangle Lens] card unavailable:', err);
    life.end();
  }
});
