import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { answerCommon, city, peer, problem, roadmap } from '../testing/fixtures';
import { CityProfilePage } from './CityProfilePage';

const EDITOR = { username: 'editor.amsterdam', roles: ['city-editor'], cityId: 'amsterdam' };

function answerCity(roadmapCalls: Request[] = [], answerRoadmap: () => Response = () => HttpResponse.json(roadmap)) {
  server.use(
    http.get('*/api/v1/cities/amsterdam', () => HttpResponse.json(city())),
    http.get('*/api/v1/cities/amsterdam/roadmap', ({ request }) => {
      roadmapCalls.push(request);
      return answerRoadmap();
    }),
  );
  return roadmapCalls;
}

const renderProfile = (options: Parameters<typeof renderPage>[1] = {}) =>
  renderPage(<CityProfilePage />, { path: '/cities/amsterdam', route: '/cities/:id', ...options });

async function strategyStep() {
  const title = await screen.findByRole('heading', { level: 3, name: /Smart City Strategy/ });
  return title.closest('li') as HTMLElement;
}

describe('CityProfilePage', () => {
  it("shows the city's editor the staircase, what is missing for the next step and why a peer matches", async () => {
    answerCommon(EDITOR);
    answerCity();
    await renderProfile({ user: { username: 'editor.amsterdam' } });

    expect(await screen.findByRole('heading', { level: 1, name: 'Amsterdam' })).toBeInTheDocument();
    const step = await strategyStep();
    const stairs = within(step).getByRole('list', { name: 'Staircase for Smart City Strategy' });
    const steps = within(stairs).getAllByRole('listitem');
    expect(steps).toHaveLength(5);
    expect(steps[3]).toHaveAttribute('aria-current', 'step');
    // "you are here" once the session says whose city this is (the app shell waits for that; this page alone does not)
    await waitFor(() => expect(steps[3]).toHaveTextContent('You are here'));
    expect(steps[3]).toHaveTextContent('More advanced');
    expect(steps[4]).toHaveTextContent('Next step');
    expect(steps[4]).toHaveTextContent('State of the art');
    expect(steps[1]).toHaveTextContent('(reached)');

    expect(await within(step).findByRole('heading', { name: 'Still missing for State of the art' })).toBeInTheDocument();
    expect(within(step).getByText('ICT plans ensure major technology trends are included in city planning')).toBeInTheDocument();
    expect(within(step).getByText(/Lagging behind/)).toBeInTheDocument();
    expect(within(step).getByRole('link', { name: 'Barcelona' })).toHaveAttribute('href', '/cities/barcelona');
    expect(within(step).getByText('One step ahead of you in Smart City Strategy.')).toBeInTheDocument();
    expect(within(step).getByText('Match score 46%')).toBeInTheDocument();
    expect(within(step).getByRole('link', { name: "Soil-moisture sensors in Barcelona's parks" })).toHaveAttribute(
      'href',
      '/case-studies/barcelona-park-irrigation-sensors',
    );
    expect(within(step).getByText('Lars Nielsen')).toBeInTheDocument();

    const funding = (await screen.findByRole('heading', { level: 3, name: /Funding/ })).closest('li') as HTMLElement;
    expect(within(funding).getByText(/a validated self-assessment rating this characteristic is needed/)).toBeInTheDocument();
    expect(within(funding).queryByRole('button', { name: 'More peers' })).not.toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Self-assessment' })).toHaveAttribute('href', '/cities/amsterdam/assessment');
    expect(screen.getByRole('link', { name: 'Edit profile and KPIs' })).toHaveAttribute('href', '/cities/amsterdam/edit');
    expect(screen.getByRole('link', { name: 'Progress and benchmark' })).toHaveAttribute('href', '/cities/amsterdam/progress');
    expect(screen.getByRole('link', { name: 'Add a case study' })).toHaveAttribute('href', '/case-studies/new');
  });

  it("offers the city's editors an exchange with each peer, and counts a step's exchanges when the roadmap does", async () => {
    answerCommon(EDITOR);
    answerCity([], () =>
      HttpResponse.json({
        ...roadmap,
        steps: roadmap.steps.map((entry) => (entry.characteristic === 'STRATEGY' ? { ...entry, exchanges: { done: 1, planned: 2 } } : entry)),
      }),
    );
    await renderProfile({ user: { username: 'editor.amsterdam' } });

    const step = await strategyStep();
    const ask = await within(step).findByRole('link', { name: 'Ask for an exchange with Barcelona' });
    expect(ask).toHaveTextContent('Ask for an exchange');
    expect(ask).toHaveAttribute('href', '/exchanges/new?peer=barcelona&characteristic=STRATEGY&origin=MATCH');
    expect(within(step).getByRole('link', { name: 'Exchanges about this step: 1 done, 2 planned' })).toHaveAttribute(
      'href',
      '/cities/amsterdam/exchanges',
    );
  });

  it('offers no exchange to people who are not the city’s editors', async () => {
    answerCommon({ username: 'curator.demo', roles: ['curator'] });
    answerCity();
    await renderProfile({ user: { username: 'curator.demo' } });

    const step = await strategyStep();
    await within(step).findByRole('link', { name: 'Barcelona' });
    expect(within(step).queryByRole('link', { name: /Ask for an exchange/ })).not.toBeInTheDocument();
  });

  it('shows the reasons and the missing criteria in Chinese when the UI is in Chinese', async () => {
    answerCommon(EDITOR);
    answerCity();
    await renderProfile({ user: { username: 'editor.amsterdam' }, language: 'zh-CN' });

    expect(await screen.findByRole('heading', { level: 1, name: '阿姆斯特丹' })).toBeInTheDocument();
    const step = (await screen.findByRole('heading', { level: 3, name: /智慧城市战略/ })).closest('li') as HTMLElement;
    expect(await within(step).findByText('在智慧城市战略方面领先贵市一级。')).toHaveAttribute('lang', 'zh-CN');
    expect(within(step).queryByText('One step ahead of you in Smart City Strategy.')).not.toBeInTheDocument();
    expect(within(step).getByText('信息通信技术规划确保将重大技术趋势纳入城市规划')).toBeInTheDocument();
    expect(within(step).getByRole('link', { name: '巴塞罗那' })).toBeInTheDocument();
    expect(within(step).getByText('下一级', { selector: '.staircase__marker' })).toBeInTheDocument();
  });

  it('explains to an anonymous visitor that matches need signing in, still drawing the staircase, without asking for the roadmap', async () => {
    answerCommon();
    const calls = answerCity();
    const { auth } = await renderProfile();

    expect(await screen.findByText('Sign in to see what is missing and who can help')).toBeInTheDocument();
    const step = await strategyStep();
    const stairs = within(step).getByRole('list', { name: 'Staircase for Smart City Strategy' });
    expect(within(stairs).getAllByRole('listitem')[3]).toHaveAttribute('aria-current', 'step');
    expect(within(stairs).getAllByRole('listitem')[3]).toHaveTextContent('Current level');
    expect(screen.queryByText('You are here')).not.toBeInTheDocument();
    expect(within(step).getByText('Next step:')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Peers one step ahead' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Barcelona' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Self-assessment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit profile and KPIs' })).not.toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(auth.signinRedirect).toHaveBeenCalledTimes(1);
  });

  it("tells another city's editor that only this city's editors, experts and curators see its matches (403)", async () => {
    answerCommon({ username: 'editor.chengdu', roles: ['city-editor'], cityId: 'chengdu' });
    answerCity([], () => problem(403, "You can read the roadmap and matches of your own city (chengdu) only, not 'amsterdam'."));
    await renderProfile({ user: { username: 'editor.chengdu' } });

    expect(await screen.findByText('Peer matches are private to this city')).toBeInTheDocument();
    expect(screen.getByText(/Only this city's editors, experts and curators see/)).toBeInTheDocument();
    expect(await screen.findAllByRole('list', { name: /Staircase for/ })).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'More peers' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Self-assessment' })).not.toBeInTheDocument();
  });

  it('says peers cannot be looked up while search is down, and still draws the staircase', async () => {
    answerCommon(EDITOR);
    answerCity([], () =>
      HttpResponse.json({ ...roadmap, peers: 'UNAVAILABLE', steps: roadmap.steps.map((step) => ({ ...step, matches: [], experts: [] })) }),
    );
    await renderProfile({ user: { username: 'editor.amsterdam' } });

    expect(await screen.findByText(/Peers and experts cannot be looked up right now/)).toBeInTheDocument();
    expect(await screen.findAllByRole('list', { name: /Staircase for/ })).toHaveLength(3);
  });

  it('fetches ten more peers for a step on request', async () => {
    answerCommon(EDITOR);
    answerCity();
    const seen: URL[] = [];
    server.use(
      http.get('*/api/v1/cities/amsterdam/matches', ({ request }) => {
        seen.push(new URL(request.url));
        return HttpResponse.json({
          cityId: 'amsterdam',
          characteristic: 'STRATEGY',
          level: 'MORE_ADVANCED',
          targetLevel: 'STATE_OF_THE_ART',
          sameLevel: false,
          projectSimilarity: 'AVAILABLE',
          candidatesConsidered: 4,
          experts: [],
          matches: [peer(), peer({ cityId: 'copenhagen', name: { en: 'Copenhagen', zh: '哥本哈根' }, country: 'DK', score: 0.41 })],
        });
      }),
    );
    await renderProfile({ user: { username: 'editor.amsterdam' } });

    const step = await strategyStep();
    await userEvent.click(await within(step).findByRole('button', { name: 'More peers' }));

    expect(await within(step).findByRole('link', { name: 'Copenhagen' })).toHaveAttribute('href', '/cities/copenhagen');
    expect(within(step).getByText('Showing 2 peers of 4 considered.')).toBeInTheDocument();
    expect(seen[0]?.searchParams.get('characteristic')).toBe('STRATEGY');
    expect(seen[0]?.searchParams.get('limit')).toBe('10');
  });

  it("shows the backend's explanation when more peers cannot be found (409)", async () => {
    answerCommon(EDITOR);
    answerCity();
    server.use(
      http.get('*/api/v1/cities/amsterdam/matches', () =>
        problem(409, "City 'amsterdam' has no validated level in STRATEGY.", 'A validated self-assessment is needed first'),
      ),
    );
    await renderProfile({ user: { username: 'editor.amsterdam' } });

    const step = await strategyStep();
    await userEvent.click(await within(step).findByRole('button', { name: 'More peers' }));

    expect(await within(step).findByRole('alert')).toHaveTextContent("City 'amsterdam' has no validated level in STRATEGY.");
    expect(within(step).getByRole('link', { name: 'Barcelona' })).toBeInTheDocument();
  });

  it('gives the radar chart a text alternative: a table of the levels, noting what is not assessed', async () => {
    answerCommon();
    answerCity();
    await renderProfile();

    const table = await screen.findByRole('table', { name: "Amsterdam's level per characteristic" });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4); // header + the three rated characteristics, not the legal one
    expect(within(table).getByRole('rowheader', { name: '1. Smart City Strategy' }).closest('tr')).toHaveTextContent('More advanced (3 of 4)');
    expect(within(table).getByRole('rowheader', { name: '4. Funding' }).closest('tr')).toHaveTextContent('Not assessed (no value)');
    expect(screen.getByRole('img', { name: /Radar chart of Amsterdam's maturity levels/ })).toBeInTheDocument();
    expect(screen.getByText(/1 characteristic is not assessed yet/)).toBeInTheDocument();
  });

  it('shows profile facts, interests by name and KPIs', async () => {
    answerCommon();
    answerCity();
    await renderProfile();

    expect(await screen.findByText('811,000')).toBeInTheDocument();
    expect(screen.getByText('Municipality')).toBeInTheDocument();
    expect(await screen.findByText('Open data')).toBeInTheDocument();
    expect(screen.getByText('A sustainable, liveable metropolis.')).toBeInTheDocument();
    const kpis = screen.getByRole('table', { name: 'Key performance indicators' });
    expect(within(kpis).getByRole('rowheader', { name: 'Households with Internet access' }).closest('tr')).toHaveTextContent('96%');
  });

  it('shows KPI units and sources in Chinese, and ones it does not know as written', async () => {
    answerCommon();
    server.use(
      http.get('*/api/v1/cities/amsterdam', () =>
        HttpResponse.json(
          city({
            kpis: [
              { name: { en: 'Households with Internet access', zh: '家庭互联网接入率' }, value: 96, unit: '%', year: 2013, source: 'demo estimate' },
              { name: { en: 'Greenhouse gas emissions per capita', zh: '人均温室气体排放量' }, value: 4.8, unit: 't CO2e per capita', year: 2013, source: 'demo estimate' },
              { name: { en: 'Cycle lanes', zh: '自行车道' }, value: 12, unit: 'km per 100 000 population', year: 2013, source: 'Eurostat' },
              { name: { en: 'Bike racks', zh: '自行车停车架' }, value: 310, unit: 'racks', year: 2013 },
            ],
          }),
        ),
      ),
    );
    await renderProfile({ language: 'zh-CN' });

    const kpis = await screen.findByRole('table', { name: '关键绩效指标' });
    const row = (name: string) => within(kpis).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    expect(row('家庭互联网接入率')).toHaveTextContent(/96%\s*2013\s*演示估算/);
    expect(row('人均温室气体排放量')).toHaveTextContent('4.8 吨二氧化碳当量/人');
    expect(row('自行车道')).toHaveTextContent('12 公里/10万人');
    expect(row('自行车道')).toHaveTextContent('Eurostat');
    expect(row('自行车停车架')).toHaveTextContent('310 racks');
    expect(kpis).not.toHaveTextContent('demo estimate');
    expect(screen.getByText('荷兰语、英语')).toBeInTheDocument();
  });

  it("shows the problem's detail when the city does not exist", async () => {
    answerCommon();
    server.use(http.get('*/api/v1/cities/nowhere', () => problem(404, "No city with id 'nowhere'.")));
    await renderPage(<CityProfilePage />, { path: '/cities/nowhere', route: '/cities/:id' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We could not find this.');
    expect(alert).toHaveTextContent("No city with id 'nowhere'.");
  });

  it('has no serious accessibility violations', async () => {
    answerCommon(EDITOR);
    answerCity();
    const { container } = await renderProfile({ user: { username: 'editor.amsterdam' } });
    await screen.findByRole('link', { name: 'Barcelona' });

    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    await waitFor(() => expect(document.activeElement).toHaveTextContent('Amsterdam'));
  });
});
