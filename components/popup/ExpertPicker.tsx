import { useEffect, useState } from 'preact/hooks';
import type { HistoryClient } from '@/entrypoints/popup/client';
import type { ExpertRow } from '@/utils/messages/history';

interface Props {
  client: HistoryClient;
  onPick: (expert: { id: string; name: string }) => void;
}

/** Type part of a name, pick the person: the expert filter of the history. */
export function ExpertPicker({ client, onPick }: Props) {
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<ExpertRow[]>([]);
  useEffect(() => {
    if (!text.trim()) {
      setMatches([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      client.listExperts({ text: text.trim(), sort: 'articles', limit: 6 }).then(
        (r) => live && setMatches(r.rows),
        () => {},
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, text]);
  return (
    <div class="tl-picker">
      <label>
        Expert
        <input
          type="search"
          value={text}
          placeholder="Name"
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      {matches.length > 0 && (
        <ul class="tl-chips" aria-label="Matching experts">
          {matches.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                onClick={() => {
                  onPick({ id: m.id, name: m.name });
                  setText('');
                }}
              >
                {m.name} ({m.articleCount})
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
