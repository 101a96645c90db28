/** Messages about the reading history (owned by the history feature). */
export interface HistoryProtocol {
  /** placeholder until the history protocol lands */
  ping(): 'pong';
}
