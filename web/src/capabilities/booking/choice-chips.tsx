/** One step of the booking flow: a heading and a chip per choice; the chosen one is pressed. */
export function ChoiceChips<T>(props: {
  step: string;
  title: string;
  items: readonly T[];
  idOf: (item: T) => string;
  labelOf: (item: T) => string;
  selected: string | null;
  pick: (item: T) => void;
}) {
  const { step, title, items, idOf, labelOf, selected, pick } = props;
  return (
    <section className="booking-step">
      <h2>{title}</h2>
      <fieldset className="segmented chips" aria-label={title} data-step={step}>
        {items.map((item) => {
          const id = idOf(item);
          return (
            <button
              key={id}
              type="button"
              data-id={id}
              aria-pressed={selected === id}
              className={selected === id ? 'active' : ''}
              onClick={() => pick(item)}
            >
              {labelOf(item)}
            </button>
          );
        })}
      </fieldset>
    </section>
  );
}
