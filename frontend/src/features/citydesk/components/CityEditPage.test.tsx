import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { CityEditPage } from './CityEditPage';
import { amsterdam, indicators, me, problem } from './testing';

const user = { username: 'editor.amsterdam' };
const route = '/cities/:id/edit';

function backend(saved: unknown[] = []) {
  me('amsterdam');
  server.use(
    http.get('*/api/v1/cities/amsterdam', () => HttpResponse.json(amsterdam)),
    http.get('*/api/v1/reference/indicators', () => HttpResponse.json(indicators)),
    http.put('*/api/v1/cities/amsterdam', async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      saved.push(body);
      return HttpResponse.json({ ...amsterdam, ...body, version: 4 });
    }),
  );
  return saved;
}

describe('CityEditPage', () => {
  it('edits the profile and adds a KPI found in the catalogue by its Chinese title, sending the version read', async () => {
    const saved = backend();
    const { router } = await renderPage(<CityEditPage />, { path: '/cities/amsterdam/edit', route, user, extraRoutes: [{ path: '/my-city', element: <p>my city</p> }] });

    expect(await screen.findByRole('heading', { level: 1, name: 'Profile and KPIs: Amsterdam' })).toBeInTheDocument();
    const population = await screen.findByLabelText('Population');
    await userEvent.clear(population);
    await userEvent.type(population, '931000');
    expect(screen.getByLabelText('Region')).toBeDisabled();

    await userEvent.type(screen.getByLabelText('Find an indicator'), '自行车');
    expect(await screen.findByText('1 indicator found')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add Kilometres of bicycle paths and lanes per 100 000 population (ISO 37120:2014 18.7)' }));
    const value = screen.getByLabelText('Value of Kilometres of bicycle paths and lanes per 100 000 population');
    await userEvent.type(value, '42.5');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/my-city'));
    const body = saved[0] as { version: number; population: number; kpis: { indicatorCode: string; value: number; unit: string }[] };
    expect(body.version).toBe(3);
    expect(body.population).toBe(931000);
    expect(body.kpis).toHaveLength(2);
    expect(body.kpis[1]).toMatchObject({ indicatorCode: 'ISO 37120:2014 18.7', value: 42.5, unit: 'km per 100 000 population' });
  }, 20_000); // many keystrokes: slow on a busy machine

  it("shows the server's field errors beside the KPI and keeps the input", async () => {
    backend();
    server.use(
      http.put('*/api/v1/cities/amsterdam', () =>
        problem(400, 'urn:citystep:problem:validation-failed', '1 KPI field breaks the rules.', [
          { field: 'kpis[0].value', message: 'ISO 37120:2014 8.1 lies between 0 and 1000' },
        ]),
      ),
    );
    await renderPage(<CityEditPage />, { path: '/cities/amsterdam/edit', route, user });
    const value = await screen.findByLabelText('Value of PM2.5');
    await userEvent.clear(value);
    await userEvent.type(value, '5000');
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('ISO 37120:2014 8.1 lies between 0 and 1000')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('1 KPI field breaks the rules.');
    expect(screen.getByLabelText('Value of PM2.5')).toHaveValue('5000');
  });

  it('offers to reload when someone else saved meanwhile', async () => {
    backend();
    server.use(
      http.put('*/api/v1/cities/amsterdam', () =>
        problem(409, 'urn:citystep:problem:stale-version', 'City amsterdam is at version 4, not 3.'),
      ),
    );
    await renderPage(<CityEditPage />, { path: '/cities/amsterdam/edit', route, user });
    await userEvent.click(await screen.findByRole('button', { name: 'Save profile' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Someone else saved a newer version of this city')).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: 'Reload the newer version' })).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: 'Keep my changes' })).toBeInTheDocument();
  });

  it("tells an editor of another city that they can edit only their own, in Chinese too", async () => {
    me('chengdu');
    server.use(http.get('*/api/v1/cities/amsterdam', () => HttpResponse.json(amsterdam)));
    await renderPage(<CityEditPage />, { path: '/cities/amsterdam/edit', route, user, language: 'zh-CN' });
    expect(await screen.findByRole('alert')).toHaveTextContent('您只能编辑本市（chengdu）。');
    expect(screen.queryByRole('button', { name: '保存概况' })).not.toBeInTheDocument();
  });
});
