/**
 * The toolbar popup. Stable test ids for the end-to-end tests:
 *   data-testid="current-page"     the "This page" section (active tab; `popup.html?tabId=N` picks a tab)
 *   data-testid="current-expert"   each expert of the active page
 *   data-testid="history-tab"      the History tab (selected when the popup opens)
 *   data-testid="history-search"   the search-as-you-type input
 *   data-testid="history-row"      each article in the history list
 *   data-testid="history-status"   the live region with the count of matching articles
 *   data-testid="delete-article"   the delete button of a history row
 *   data-testid="experts-tab"      the Experts tab
 *   data-testid="expert-row"       each expert in the Experts tab
 *   data-testid="trends-tab"       the Trends tab (weekly charts)
 *   data-testid="data-tab"         the Data tab (export, import, clear)
 *   data-testid="export-json"      export as JSON (and "export-csv")
 *   data-testid="import-file"      the file input that imports an export (JSON or CSV)
 *   data-testid="data-status"      the live region with export/import progress and results
 *   data-testid="data-error"       an import/export error message
 *   data-testid="clear-history"    "Clear all history…" (then "confirm-clear" confirms)
 */
import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { createHistoryClient, persistStorage } from './client';
import './style.css';

function main() {
  render(<PopupApp client={createHistoryClient()} />, document.getElementById('app')!);
  void persistStorage();
}

main();
