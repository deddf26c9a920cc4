import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSuggestions, type Suggestion } from '../api/suggest';

function useDebounced(value: string, delay: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

function pathOf(suggestion: Suggestion): string | undefined {
  if (suggestion.type === 'city') return `/cities/${encodeURIComponent(suggestion.id)}`;
  if (suggestion.type === 'case-study') return `/case-studies/${encodeURIComponent(suggestion.id)}`;
  if (suggestion.type === 'expert') return `/experts?focus=${encodeURIComponent(suggestion.id)}`;
  return undefined;
}

/**
 * The search field, an ARIA 1.2 combobox: suggestions appear while typing, arrow keys move through
 * them, Enter opens the chosen one (or searches the text), Escape closes the list.
 */
export function SearchBox({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation('search');
  const navigate = useNavigate();
  const id = useId();
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useDebounced(text, 150);
  // only while the user types: a search opened from a link asks for no completions
  const suggestions = useSuggestions(open ? typed : '');
  const options = open ? (suggestions.data ?? []) : [];

  useEffect(() => setText(initial), [initial]);

  const choose = (suggestion: Suggestion) => {
    setOpen(false);
    const path = pathOf(suggestion);
    if (path) void navigate(path);
    else onSearch(suggestion.text);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOpen(false);
    onSearch(text.trim());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && options.length) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? options.length - 1 : index - 1));
    } else if (event.key === 'Enter' && active >= 0 && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('box.label')}
      </label>
      <div className="search-box__field">
        <input
          id={`${id}-input`}
          className="input search-box__input"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={options.length > 0}
          aria-controls={`${id}-list`}
          aria-activedescendant={active >= 0 && options[active] ? `${id}-option-${active}` : undefined}
          placeholder={t('box.placeholder')}
          value={text}
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        />
        <ul id={`${id}-list`} role="listbox" aria-label={t('box.suggestions')} className="search-box__list" hidden={!options.length}>
          {options.map((suggestion, index) => (
            <li
              key={`${suggestion.type}-${suggestion.id}`}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={`search-box__option${index === active ? ' search-box__option--active' : ''}`}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(suggestion);
              }}
            >
              <span>{suggestion.text}</span>
              <span className="search-box__kind">{t(`types.${suggestion.type}`, { defaultValue: suggestion.type })}</span>
            </li>
          ))}
        </ul>
      </div>
      <button type="submit" className="button">
        {t('box.submit')}
      </button>
    </form>
  );
}
