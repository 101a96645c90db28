import { useEffect, useState } from 'preact/hooks';
import type { HistoryClient } from '@/entrypoints/popup/client';
import type { CurrentPageInfo } from '@/utils/messages/page';
import { CurrentPage } from './CurrentPage';
import { DataTools, type Download } from './DataTools';
import { ExpertsView } from './ExpertsView';
import { HistoryView } from './HistoryView';
import { NO_FILTERS, type FilterState } from './HistoryFilters';
import { StancePatterns } from './StanceKey';
import { Tabs, type TabDef } from './Tabs';
import { TrendsView } from './TrendsView';

const TABS: TabDef[] = [
  { id: 'history', label: 'History', testId: 'history-tab' },
  { id: 'experts', label: 'Experts', testId: 'experts-tab' },
  { id: 'trends', label: 'Trends', testId: 'trends-tab' },
  { id: 'data', label: 'Data', testId: 'data-tab' },
];

interface Props {
  client: HistoryClient;
  download?: Download;
}

/** The popup: the current page on top, then history, experts, trends and data tools. */
export function PopupApp({ client, download }: Props) {
  const [tab, setTab] = useState('history');
  const [page, setPage] = useState<CurrentPageInfo | null>(null);
  const [pageLoading, setPageLoading] = useState(true);
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [openExpert, setOpenExpert] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    client
      .currentPage()
      .then(setPage, () => setPage(null))
      .finally(() => setPageLoading(false));
  }, [client]);

  const showExpert = (id: string) => {
    setOpenExpert(id);
    setTab('experts');
  };

  return (
    <main class="tl-popup">
      <h1 class="tl-visually-hidden">Triangle Lens</h1>
      <StancePatterns />
      <CurrentPage
        page={page}
        loading={pageLoading}
        onPause={client.setSitePaused}
        onOpenExpert={showExpert}
        client={client}
      />
      <Tabs tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'history' && (
          <HistoryView
            client={client}
            filters={filters}
            onFiltersChange={setFilters}
            onOpenExpert={showExpert}
            version={version}
          />
        )}
        {tab === 'experts' && (
          <ExpertsView
            client={client}
            openId={openExpert}
            onOpen={setOpenExpert}
            onShowArticles={(expert) => {
              setFilters({ ...NO_FILTERS, expert });
              setTab('history');
            }}
            version={version}
          />
        )}
        {tab === 'trends' && <TrendsView client={client} version={version} />}
        {tab === 'data' && (
          <DataTools client={client} download={download} onChanged={() => setVersion((v) => v + 1)} />
        )}
      </Tabs>
    </main>
  );
}
