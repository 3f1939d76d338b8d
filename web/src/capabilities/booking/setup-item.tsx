import { type ReactNode, useState } from 'react';
import type { SetupWords } from './setup-words.ts';

/**
 * One location, service or specialist in the setup: its name and summary, Edit (opens the form
 * under it) and Remove (asked first: "Remove “Haircut”?" Yes / Keep).
 */
export function SetupItem(props: {
  id: string;
  name: string;
  sub: string;
  s: SetupWords;
  edit: (close: () => void) => ReactNode;
  remove: () => Promise<void>;
}) {
  const { s } = props;
  const [open, setOpen] = useState<'edit' | 'remove' | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => setOpen(null);
  return (
    <li className="row column" data-setup-id={props.id}>
      <span className="row-title">{props.name}</span>
      <span className="row-sub">{props.sub}</span>
      {open === null && (
        <div className="row-actions">
          <button
            type="button"
            className="button small secondary"
            data-action="edit"
            onClick={() => setOpen('edit')}
          >
            {s('edit')}
          </button>
          <button
            type="button"
            className="button small danger"
            data-action="remove"
            onClick={() => setOpen('remove')}
          >
            {s('remove')}
          </button>
        </div>
      )}
      {open === 'edit' && props.edit(close)}
      {open === 'remove' && (
        <div className="row-actions">
          <span className="row-sub row-main">{s('removeAsk', { name: props.name })}</span>
          <button
            type="button"
            className="button small danger"
            data-action="remove-yes"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await props.remove();
              } finally {
                setBusy(false);
                close();
              }
            }}
          >
            {s('removeYes')}
          </button>
          <button type="button" className="button small secondary" onClick={close}>
            {s('keep')}
          </button>
        </div>
      )}
    </li>
  );
}
