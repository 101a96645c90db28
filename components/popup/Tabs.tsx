import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef {
  id: string;
  label: string;
  testId?: string;
}

interface Props {
  tabs: TabDef[];
  selected: string;
  onSelect: (id: string) => void;
  children: ComponentChildren;
}

/** WAI-ARIA tabs: arrow keys, Home and End move between tabs; the panel follows the selection. */
export function Tabs({ tabs, selected, onSelect, children }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const move = (delta: number | 'home' | 'end') => {
    const i = tabs.findIndex((t) => t.id === selected);
    const next =
      delta === 'home' ? 0 : delta === 'end' ? tabs.length - 1 : (i + delta + tabs.length) % tabs.length;
    onSelect(tabs[next].id);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const keys: Record<string, number | 'home' | 'end'> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      Home: 'home',
      End: 'end',
    };
    if (e.key in keys) {
      e.preventDefault();
      move(keys[e.key]);
    }
  };
  return (
    <>
      <div class="tl-tabs" role="tablist" aria-label="Sections" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === selected}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === selected ? 0 : -1}
            onClick={() => onSelect(t.id)}
            data-testid={t.testId}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        class="tl-panel"
        role="tabpanel"
        id={`panel-${selected}`}
        aria-labelledby={`tab-${selected}`}
        tabIndex={0}
      >
        {children}
      </div>
    </>
  );
}
