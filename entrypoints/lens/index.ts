/**
 * Stage 2 of 3, injected by the background into candidate pages while it analyses them: once the
 * gate hands over a verdict on the topic, marks the experts, tracks reading, and loads the card stage
 * on the first real hover, keyboard stop or key on a mark.
 *
 * An unlisted script run by `scripting.executeScript`, not a WXT content script: WXT's context would
 * post a message naming the extension into the page and stop when the page posts it back. Its
 * lifetime is our own (utils/script-life.ts), in the isolated world only.
 */
import { lensBridge } from '@/utils/lens-bridge';
import { createScriptLife } from '@/utils/script-life';
import { startLens } from './lens';

export default defineUnlistedScript(() => {
  const bridge = lensBridge();
  if (bridge.refresh) return; // injected again (single-page site): the gate hands over the new verdict
  const life = createScriptLife(() => Boolean(browser.runtime?.id));
  startLens(life, bridge).catch((err: unknown) => {
    if (life.isValid) console.debug('[Triangle Lens] lens stopped:', err);
  });
});
