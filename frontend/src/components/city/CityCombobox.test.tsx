import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { useState } from 'react';
import { renderPage } from '../../testing/render';
import { server } from '../../testing/server';
import { CityCombobox } from './CityCombobox';

/** 110 cities; Zagreb is the last one, beyond any first page of 100. */
const CITIES = [
  ...Array.from({ length: 109 }, (_, i) => ({ id: `city-${String(i).padStart(3, '0')}`, name: { en: `Town ${i}` } as Record<string, string> })),
  { id: 'zagreb', name: { en: 'Zagreb', zh: '萨格勒布' } },
  { id: 'jiaxing', name: { en: 'Jiaxing', zh: '浙江省嘉兴市' } },
];

/** Elasticsearch as the API answers it: completions of a name's start, full-text hits on whole names. */
function answer() {
  const asked: URL[] = [];
  server.use(
    http.get('*/api/v1/search/suggest', ({ request }) => {
      const url = new URL(request.url);
      asked.push(url);
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      const suggestions = CITIES.flatMap((city) =>
        Object.values(city.name)
          .filter((name) => name.toLowerCase().startsWith(q))
          .map((text) => ({ text, type: 'city', id: city.id })),
      );
      return HttpResponse.json({ suggestions: suggestions.slice(0, Number(url.searchParams.get('size'))) });
    }),
    http.get('*/api/v1/search', ({ request }) => {
      const url = new URL(request.url);
      asked.push(url);
      const q = url.searchParams.get('q') ?? '';
      const hits = CITIES.filter((city) => Object.values(city.name).some((name) => name.includes(q))).map((city) => ({
        id: city.id,
        type: 'city',
        title: city.name,
        highlights: {},
        score: 1,
      }));
      return HttpResponse.json({ total: hits.length, page: 0, size: 10, hits: hits.slice(0, 10), facets: {} });
    }),
    http.get('*/api/v1/cities', ({ request }) => {
      const ids = new URL(request.url).searchParams.getAll('ids');
      const items = CITIES.filter((city) => ids.includes(city.id));
      return HttpResponse.json({ items, page: 0, size: 100, total: items.length });
    }),
  );
  return asked;
}

let chosen = '';
function Picker({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="city">City</label>
      <CityCombobox
        id="city"
        value={value}
        onChange={(id) => {
          chosen = id;
          setValue(id);
        }}
      />
      <p>chosen: {value}</p>
    </>
  );
}

beforeEach(() => {
  chosen = '';
});

describe('CityCombobox', () => {
  it('searches city names while typing and picks one beyond the first hundred with the keyboard', async () => {
    const asked = answer();
    await renderPage(<Picker />);
    const box = screen.getByRole('combobox', { name: 'City' });

    await userEvent.type(box, 'Zag');
    const option = await screen.findByRole('option', { name: /Zagreb/ });
    expect(option).toHaveTextContent('萨格勒布');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    const suggest = asked.find((url) => url.pathname.endsWith('/suggest'));
    expect(suggest?.searchParams.get('q')).toBe('Zag');
    expect(suggest?.searchParams.getAll('type')).toEqual(['city']);

    await userEvent.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', option.id);
    expect(option).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');

    expect(chosen).toBe('zagreb');
    expect(box).toHaveValue('Zagreb');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
  });

  it('finds and shows cities by their Chinese names when the UI is in Chinese', async () => {
    answer();
    await renderPage(<Picker />, { language: 'zh-CN' });
    const box = screen.getByRole('combobox', { name: 'City' });

    // "嘉兴" is not the start of "浙江省嘉兴市": only the full-text search finds it
    await userEvent.type(box, '嘉兴');
    await userEvent.click(await screen.findByRole('option', { name: /浙江省嘉兴市/ }));

    expect(chosen).toBe('jiaxing');
    expect(box).toHaveValue('浙江省嘉兴市');
  });

  it('offers at most ten cities and says how to narrow down the rest', async () => {
    answer();
    await renderPage(<Picker />);

    await userEvent.type(screen.getByRole('combobox', { name: 'City' }), 'Town');

    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(10));
    expect(screen.getByRole('status')).toHaveTextContent('Showing 10 of 109 cities: type more of the name to narrow the list.');
  });

  it('shows the name of a city chosen before, looked up by its id, and Escape closes then clears', async () => {
    answer();
    await renderPage(<Picker initial="zagreb" />);
    const box = screen.getByRole('combobox', { name: 'City' });
    await waitFor(() => expect(box).toHaveValue('Zagreb'));

    await userEvent.clear(box);
    await userEvent.type(box, 'Zag');
    await screen.findByRole('option', { name: /Zagreb/ });
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(box).toHaveValue('');
    expect(chosen).toBe('');
  });

  it('says when no city matches', async () => {
    answer();
    await renderPage(<Picker />);

    await userEvent.type(screen.getByRole('combobox', { name: 'City' }), 'Qqq');

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('No city matches “Qqq”.'));
  });
});
