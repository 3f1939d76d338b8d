import type { BookingWords } from './booking-words.ts';

/** "Cancel this booking?" with Yes / Keep: a cancel is asked twice, a tap is easy to make by mistake. */
export function CancelAsk(props: { w: BookingWords; busy?: boolean; yes: () => void; keep: () => void }) {
  const { w } = props;
  return (
    <div className="row-actions">
      <span className="row-sub row-main">{w('cancelAsk')}</span>
      <button
        type="button"
        className="button small danger"
        data-action="cancel-yes"
        disabled={props.busy}
        onClick={props.yes}
      >
        {w('cancelYes')}
      </button>
      <button type="button" className="button small secondary" onClick={props.keep}>
        {w('keep')}
      </button>
    </div>
  );
}
