import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCityNames } from '../../lib/city/city-names';
import { useCitySearch, type CityOption } from '../../lib/city/city-search';
import { pick } from '../../lib/i18n/localized';
import './city-combobox.css';

function useDebounced(value: string, delay: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

export type CityComboboxProps = {
  /** The input's id, for the `<label htmlFor>` that names it. */
  id: string;
  /** The chosen city's id, or '' for none. */
  value: string;
  onChange: (cityId: string) => void;
  required?: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
};

/**
 * Picks one city out of any number of them: an ARIA 1.2 combobox that searches city names in every
 * language while the user types (a few cities at a time; typing more narrows the list), arrow keys
 * move through the cities, Enter chooses, Escape closes the list (and a second Escape clears the
 * text). The chosen city's name is shown in the UI language; its id is what `onChange` reports.
 */
export function CityCombobox({ id, value, onChange, required, ...aria }: CityComboboxProps) {
  const { t, i18n } = useTranslation();
  const listId = `${id}-list`;
  const statusId = useId();
  const chosen = useCityNames(value ? [value] : []).data?.get(value);
  const chosenName = value ? pick(chosen, i18n.language).text || value : '';
  const [text, setText] = useState<string | null>(null); // null: not typing, show the chosen name
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useDebounced(text ?? '', 150);
  const search = useCitySearch(open ? typed : '');
  const options = open && typed.trim() && search.data ? search.data.options : [];
  const expanded = options.length > 0;

  const labelOf = (option: CityOption) => (option.name ? pick(option.name, i18n.language).text : '') || option.matched || option.id;

  const choose = (option: CityOption) => {
    onChange(option.id);
    setText(null);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      if (options.length) setActive((index) => (index + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? options.length - 1 : index - 1));
    } else if (event.key === 'Enter' && expanded && active >= 0 && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text !== null || value) {
        event.preventDefault();
        setText('');
        onChange('');
      }
    }
  };

  let status = '';
  if (open && typed.trim()) {
    if (search.isError) status = t('cityPicker.failed');
    else if (search.isFetching && !search.data) status = t('cityPicker.searching');
    else if (search.data && search.data.total === 0) status = t('cityPicker.noMatch', { text: typed.trim() });
    else if (search.data && search.data.total > options.length)
      status = t('cityPicker.more', { shown: options.length, count: search.data.total });
    else if (search.data) status = t('cityPicker.count', { count: options.length });
  }

  return (
    <div className="city-combobox">
      <input
        id={id}
        className="input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
        aria-invalid={aria['aria-invalid']}
        aria-describedby={[aria['aria-describedby'], statusId].filter(Boolean).join(' ')}
        required={required}
        placeholder={t('cityPicker.placeholder')}
        autoComplete="off"
        value={text ?? chosenName}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
          if (value) onChange('');
        }}
        onKeyDown={onKeyDown}
        onBlur={() =>
          window.setTimeout(() => {
            setOpen(false);
            setActive(-1);
            // text that chose nothing is dropped, so what is shown is what is chosen
            setText((current) => (current !== null && !value ? current : null));
          }, 150)
        }
      />
      <ul id={listId} role="listbox" aria-label={t('cityPicker.options')} className="city-combobox__list" hidden={!expanded}>
        {options.map((option, index) => {
          const label = labelOf(option);
          const other = option.name ? pick(option.name, i18n.language.startsWith('zh') ? 'en' : 'zh-CN') : undefined;
          return (
            <li
              key={option.id}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={`city-combobox__option${index === active ? ' city-combobox__option--active' : ''}`}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
            >
              <span>{label}</span>
              {other && !other.fallback && other.text !== label && (
                <span className="city-combobox__other" lang={other.lang === 'zh' ? 'zh-CN' : 'en'}>
                  {other.text}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <span id={statusId} className="visually-hidden" role="status">
        {status}
      </span>
      {status && !expanded && <span className="field__hint city-combobox__note">{status}</span>}
      {status && expanded && search.data && search.data.total > options.length && (
        <span className="field__hint city-combobox__note" aria-hidden="true">
          {status}
        </span>
      )}
    </div>
  );
}
