import { useRef, useState } from 'preact/hooks';

interface Props {
  onClear: () => Promise<void>;
}

/** "Clear all history…" then an explicit confirmation; focus moves to the choice and back. */
export function ClearHistory({ onClear }: Props) {
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setConfirming(false);
    setTimeout(() => clearButton.current?.focus(), 0);
  };
  if (!confirming) {
    return (
      <button
        type="button"
        ref={clearButton}
        class="tl-danger"
        data-testid="clear-history"
        onClick={() => {
          setConfirming(true);
          setTimeout(() => confirmButton.current?.focus(), 0);
        }}
      >
        Clear all history…
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby="confirm-clear" class="tl-confirm">
      <p id="confirm-clear">Delete every article, expert and correction? This cannot be undone.</p>
      <button
        type="button"
        class="tl-danger"
        ref={confirmButton}
        data-testid="confirm-clear"
        onClick={async () => {
          await onClear();
          close();
        }}
      >
        Yes, delete everything
      </button>
      <button type="button" onClick={close}>
        Cancel
      </button>
    </div>
  );
}
