import { useEffect, useState } from 'preact/hooks';
import type { HistoryClient } from '@/entrypoints/popup/client';
import type { WeekStats } from '@/utils/messages/history';
import { WeeklyCharts } from './WeeklyCharts';

/** The last twelve weeks at a glance. */
export function TrendsView({ client, version }: { client: HistoryClient; version: number }) {
  const [weeks, setWeeks] = useState<WeekStats[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    client.weeklyStats(12).then(setWeeks, (e: unknown) => setError(String((e as Error)?.message ?? e)));
  }, [client, version]);
  return (
    <div class="tl-trends">
      <h2>Last 12 weeks</h2>
      {error ? (
        <p role="alert">{error}</p>
      ) : !weeks ? (
        <p role="status">Loading…</p>
      ) : weeks.every((w) => w.articles === 0) ? (
        <p data-testid="trends-empty">
          Nothing to chart yet. Once you have read articles on the topic, this shows how many you read each
          week and the balance of durable, neutral and fragile voices in them.
        </p>
      ) : (
        <WeeklyCharts weeks={weeks} />
      )}
    </div>
  );
}
