/**
 * The one typed message contract between content script, background, offscreen document and popup.
 * Each protocol lives in `utils/messages/`; payloads are validated with valibot where they arrive.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageProtocol } from './messages/page';
import type { HistoryProtocol } from './messages/history';

export type ProtocolMap = PageProtocol & HistoryProtocol;

export const messenger = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messenger;
