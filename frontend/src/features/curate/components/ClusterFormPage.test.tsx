import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ClusterFormPage } from './ClusterFormPage';

async function seriousViolations(node: Element) {
  const result = await axe.run(node, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`);
}

const CITIES = [
  { id: 'lyon', name: { en: 'Lyon', zh: '里昂' } },
  { id: 'porto', name: { en: 'Porto', zh: '波尔图' } },
  { id: 'gent', name: { en: 'Ghent', zh: '根特' } },
];

const cluster = {
  id: 'night-buses',
  version: 3,
  name: { en: 'Night buses', zh: '夜间公交' },
  purpose: { en: 'Run buses at night together.' },
  status: 'PROPOSED',
  topic: { characteristics: ['SERVICES'], serviceDomains: ['TRANSPORTATION'], keywords: ['GTFS'] },
  members: [],
  invited: [{ cityId: 'lyon', name: { en: 'Lyon', zh: '里昂' } }],
  caseStudyIds: [],
  expertIds: [],
  origin: { kind: 'CURATOR', by: 'curator.demo', reasons: [] },
  createdAt: '2026-10-01T10:00:00Z',
  updatedAt: '2026-10-01T10:00:00Z',
};

function answer() {
  const seen: { method: string; path: string; body?: unknown }[] = [];
  server.use(
    http.get('*/api/v1/me', () => HttpResponse.json({ username: 'curator.demo', roles: ['curator'] })),
    http.get('*/api/v1/reference', () =>
      HttpResponse.json({
        characteristics: [{ code: 'SERVICES', name: { en: 'Services', zh: '服务' }, rated: true, criteria: [], description: {}, citation: {}, number: 8 }],
        levels: [],
        serviceDomains: [
          { code: 'TRANSPORTATION', name: { en: 'Transportation', zh: '交通' }, citation: {} },
          { code: 'WATER', name: { en: 'Water', zh: '水务' }, citation: {} },
        ],
        technologyTags: [],
        financingInstruments: [],
        businessModels: [],
        source: {},
      }),
    ),
    http.get('*/api/v1/search/suggest', ({ request }) => {
      const q = (new URL(request.url).searchParams.get('q') ?? '').toLowerCase();
      return HttpResponse.json({
        suggestions: CITIES.filter((city) => city.name.en.toLowerCase().startsWith(q)).map((city) => ({ text: city.name.en, type: 'city', id: city.id })),
      });
    }),
    http.get('*/api/v1/search', () => HttpResponse.json({ total: 0, page: 0, size: 10, hits: [], facets: {} })),
    http.get('*/api/v1/cities', ({ request }) => {
      const ids = new URL(request.url).searchParams.getAll('ids');
      const items = CITIES.filter((city) => ids.includes(city.id));
      return HttpResponse.json({ items, page: 0, size: 100, total: items.length });
    }),
    http.get('*/api/v1/clusters/:id', () => HttpResponse.json(cluster)),
    http.post('*/api/v1/clusters', async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      seen.push({ method: 'POST', path: '/api/v1/clusters', body });
      return HttpResponse.json({ ...cluster, id: 'new-one' }, { status: 201 });
    }),
    http.put('*/api/v1/clusters/:id', async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      seen.push({ method: 'PUT', path: new URL(request.url).pathname, body });
      return HttpResponse.json({ ...cluster, version: 4 });
    }),
    http.put('*/api/v1/clusters/:id/invitations', async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      seen.push({ method: 'PUT', path: new URL(request.url).pathname, body });
      return HttpResponse.json({ ...cluster, version: 5 });
    }),
  );
  return seen;
}

async function invite(name: string) {
  const box = screen.getByRole('combobox', { name: 'Find a city to invite' });
  // the picker settles what it shows 150 ms after losing focus (to the Invite button); a person types later
  await new Promise((resolve) => setTimeout(resolve, 200));
  await userEvent.type(box, name.slice(0, 3));
  await userEvent.click(await screen.findByRole('option', { name: new RegExp(name) }));
  await userEvent.click(screen.getByRole('button', { name: 'Invite' }));
}

describe('ClusterFormPage', () => {
  it('lets a curator propose a cluster by hand, inviting cities found by search and removing one again', async () => {
    const seen = answer();
    const { router } = await renderPage(<ClusterFormPage />, { path: '/clusters/new', route: '/clusters/new', user: { username: 'curator.demo' } });

    expect(await screen.findByRole('heading', { level: 1, name: 'Propose a cluster' })).toBeInTheDocument();
    // a name in either language is required; nothing is sent without one
    await userEvent.click(screen.getByRole('button', { name: 'Propose cluster' }));
    expect(await screen.findByText('Give the cluster a name in English or Chinese.')).toBeInTheDocument();
    expect(seen).toEqual([]);

    await userEvent.type(screen.getByRole('textbox', { name: /Name in Chinese/ }), '夜间公交');
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Transportation' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Services' }));
    await invite('Porto');
    await invite('Ghent');
    const invitees = screen.getByRole('group', { name: 'Invited cities' });
    await waitFor(() => expect(within(invitees).getByText('Ghent')).toBeInTheDocument());
    await userEvent.click(within(invitees).getByRole('button', { name: 'Remove the invitation of Porto' }));
    expect(within(invitees).queryByText('Porto')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Propose cluster' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/clusters/new-one'));
    expect(seen[0]?.body).toMatchObject({
      name: { zh: '夜间公交' },
      topic: { serviceDomains: ['TRANSPORTATION'], characteristics: ['SERVICES'] },
      invitedCityIds: ['gent'],
    });
  });

  it('edits a cluster, then its invitations with the version the edit answered', async () => {
    const seen = answer();
    await renderPage(<ClusterFormPage />, { path: '/clusters/night-buses/edit', route: '/clusters/:id/edit', user: { username: 'curator.demo' } });

    expect(await screen.findByRole('heading', { level: 1, name: 'Edit cluster: Night buses' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Name in English/ })).toHaveValue('Night buses');
    const invitees = screen.getByRole('group', { name: 'Invited cities' });
    expect(await within(invitees).findByText('Lyon')).toBeInTheDocument();
    await userEvent.click(within(invitees).getByRole('button', { name: 'Remove the invitation of Lyon' }));
    await invite('Ghent');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[0]).toMatchObject({ path: '/api/v1/clusters/night-buses', body: { id: 'night-buses', version: 3, topic: { keywords: ['GTFS'] } } });
    expect(seen[1]).toMatchObject({ path: '/api/v1/clusters/night-buses/invitations', body: { version: 4, cityIds: ['gent'] } });
  });

  it('says when someone changed the cluster meanwhile, keeping what the curator typed', async () => {
    answer();
    server.use(
      http.put('*/api/v1/clusters/:id', () =>
        HttpResponse.json(
          { type: 'urn:citystep:problem:stale-version', title: 'Stale version', status: 409, detail: 'Cluster night-buses is at version 4, not 3.' },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    await renderPage(<ClusterFormPage />, { path: '/clusters/night-buses/edit', route: '/clusters/:id/edit', user: { username: 'curator.demo' } });
    const name = await screen.findByRole('textbox', { name: /Name in English/ });
    await userEvent.clear(name);
    await userEvent.type(name, 'Night lines');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else saved a newer version of this cluster');
    expect(screen.getByRole('button', { name: 'Reload the newer version' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Keep my changes' })).toBeInTheDocument();
    expect(name).toHaveValue('Night lines');
  });

  it('has no serious accessibility violations, in English and in Chinese', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      answer();
      const { container, unmount } = await renderPage(<ClusterFormPage />, {
        path: '/clusters/night-buses/edit',
        route: '/clusters/:id/edit',
        user: { username: 'curator.demo' },
        language,
      });
      await screen.findAllByRole('checkbox');
      expect(await seriousViolations(container)).toEqual([]);
      unmount();
    }
  });
});
