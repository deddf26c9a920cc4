import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ClusterPage } from './ClusterPage';

/** axe-core in jsdom (colour contrast cannot be computed here; checked in the browser). */
async function seriousViolations(node: Element) {
  const result = await axe.run(node, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`);
}

function cluster(overrides: Record<string, unknown> = {}) {
  return {
    id: 'water-cluster',
    version: 2,
    name: { en: 'Smart water', zh: '智慧水务' },
    purpose: { en: 'Share what works for water networks.', zh: '分享水网管理经验。' },
    status: 'ACTIVE',
    topic: { characteristics: ['ICT_INFRASTRUCTURE'], serviceDomains: ['WATER'], keywords: ['leaks'] },
    members: [
      { cityId: 'yantai', name: { en: 'Yantai', zh: '烟台' }, role: 'LEAD', joinedAt: '2026-10-01T10:00:00Z' },
      { cityId: 'korla', name: { en: 'Korla', zh: '库尔勒' }, role: 'MEMBER', joinedAt: '2026-10-05T10:00:00Z' },
    ],
    invited: [{ cityId: 'venice', name: { en: 'Venice', zh: '威尼斯' } }],
    caseStudyIds: ['yantai-leaks'],
    expertIds: ['li-wei'],
    origin: {
      kind: 'SUGGESTION',
      by: 'editor.yantai',
      score: 0.38,
      suggestionId: 's-1',
      reasons: [{ en: 'All 3 cities work on Water.', zh: '3个城市都关注水务。' }],
    },
    createdAt: '2026-10-01T10:00:00Z',
    updatedAt: '2026-10-05T10:00:00Z',
    ...overrides,
  };
}

type Seen = { method: string; path: string; body?: unknown }[];

function answer(current: ReturnType<typeof cluster> = cluster(), me?: { username: string; roles: readonly string[]; cityId?: string }) {
  const seen: Seen = [];
  server.use(
    http.get('*/api/v1/me', () => HttpResponse.json(me ?? { username: 'nobody', roles: [] })),
    http.get('*/api/v1/reference', () =>
      HttpResponse.json({ characteristics: [], levels: [], serviceDomains: [{ code: 'WATER', name: { en: 'Water', zh: '水务' }, citation: {} }], technologyTags: [], financingInstruments: [], businessModels: [], source: {} }),
    ),
    http.get('*/api/v1/clusters/:id', () => HttpResponse.json(current)),
    http.get('*/api/v1/case-studies/:id', () => HttpResponse.json({ id: 'yantai-leaks', title: { en: 'Yantai leak detection', zh: '烟台管网漏损检测' } })),
    http.get('*/api/v1/experts/:id', () => HttpResponse.json({ id: 'li-wei', name: 'Li Wei', affiliation: { en: 'Tongji University' } })),
    http.post('*/api/v1/clusters/:id/members', async ({ request }) => {
      const body = (await request.json()) as { cityId: string };
      seen.push({ method: 'POST', path: new URL(request.url).pathname, body });
      return HttpResponse.json({
        ...current,
        version: current.version + 1,
        members: [...current.members, { cityId: body.cityId, name: { en: body.cityId }, role: 'MEMBER', joinedAt: '2026-11-29T10:00:00Z' }],
      });
    }),
    http.delete('*/api/v1/clusters/:id/members/:cityId', ({ request, params }) => {
      seen.push({ method: 'DELETE', path: new URL(request.url).pathname });
      return HttpResponse.json({ ...current, members: current.members.filter((member) => member.cityId !== params.cityId) });
    }),
    http.post('*/api/v1/clusters/:id/approve', async ({ request }) => {
      seen.push({ method: 'POST', path: new URL(request.url).pathname, body: await request.json() });
      return HttpResponse.json({ ...current, status: 'ACTIVE' });
    }),
  );
  return seen;
}

const render = (user: { username: string } | null = null, language: 'en' | 'zh-CN' = 'en') =>
  renderPage(<ClusterPage />, { path: '/clusters/water-cluster', route: '/clusters/:id', user, language });

describe('ClusterPage', () => {
  it('shows the cluster: members with roles, invitations, topics, linked case studies and experts, origin', async () => {
    answer();
    await render();

    expect(await screen.findByRole('heading', { level: 1, name: 'Smart water' })).toBeInTheDocument();
    const members = screen.getByRole('region', { name: 'Member cities' });
    expect(within(members).getByRole('link', { name: 'Yantai' })).toHaveAttribute('href', '/cities/yantai');
    expect(within(members).getByText('Lead city')).toBeInTheDocument();
    expect(within(members).getByRole('link', { name: 'Venice' })).toHaveAttribute('href', '/cities/venice');
    expect(await screen.findByRole('link', { name: 'Yantai leak detection' })).toHaveAttribute('href', '/case-studies/yantai-leaks');
    expect(await screen.findByRole('link', { name: 'Li Wei' })).toHaveAttribute('href', '/experts?focus=li-wei');
    expect(screen.getByText('All 3 cities work on Water.')).toBeInTheDocument();
    // anonymous visitors get no join or leave buttons
    expect(screen.queryByRole('button', { name: /join|leave/i })).not.toBeInTheDocument();
  });

  it("lets a city editor join with their own city's id", async () => {
    const seen = answer(cluster(), { username: 'editor.venice', roles: ['city-editor'], cityId: 'venice' });
    await render({ username: 'editor.venice' });

    await userEvent.click(await screen.findByRole('button', { name: 'Join with my city' }));

    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toEqual({ method: 'POST', path: '/api/v1/clusters/water-cluster/members', body: { cityId: 'venice' } });
    expect(await screen.findByText('Your city joined the cluster.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Leave this cluster' })).toBeInTheDocument();
  });

  it("lets a member city's editor leave, after confirming, for their own city only", async () => {
    const seen = answer(cluster(), { username: 'editor.korla', roles: ['city-editor'], cityId: 'korla' });
    await render({ username: 'editor.korla' });

    expect(await screen.findByRole('button', { name: 'Leave this cluster' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Join with my city' })).not.toBeInTheDocument();
    // korla does not lead, so it may not close the cluster
    expect(screen.queryByRole('button', { name: 'Close cluster' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Leave this cluster' }));
    expect(seen).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, leave' }));

    await waitFor(() => expect(seen).toEqual([{ method: 'DELETE', path: '/api/v1/clusters/water-cluster/members/korla' }]));
    expect(await screen.findByRole('status')).toHaveTextContent('Your city left the cluster.');
  });

  it('offers no join or leave to a curator, but approve for a proposed cluster, and shows a 409 detail', async () => {
    answer(cluster({ status: 'PROPOSED' }), { username: 'curator.demo', roles: ['curator'] });
    server.use(
      http.post('*/api/v1/clusters/:id/approve', () =>
        HttpResponse.json(
          { type: 'urn:citystep:problem:stale-version', title: 'Conflict', status: 409, detail: 'The cluster is at version 3 but the request was based on version 2.' },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    await render({ username: 'curator.demo' });

    await userEvent.click(await screen.findByRole('button', { name: 'Approve cluster' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The cluster is at version 3 but the request was based on version 2.');
    expect(screen.queryByRole('button', { name: /join|leave/i })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close cluster' })).toBeInTheDocument();
  });

  it('sends the version when a curator approves', async () => {
    const seen = answer(cluster({ status: 'PROPOSED' }), { username: 'curator.demo', roles: ['curator'] });
    await render({ username: 'curator.demo' });
    await userEvent.click(await screen.findByRole('button', { name: 'Approve cluster' }));
    await waitFor(() => expect(seen).toEqual([{ method: 'POST', path: '/api/v1/clusters/water-cluster/approve', body: { version: 2 } }]));
    expect(await screen.findByText('The cluster was approved and is now active.')).toBeInTheDocument();
  });

  it('explains a 404: the cluster may be a proposal the visitor cannot see', async () => {
    answer();
    server.use(
      http.get('*/api/v1/clusters/:id', () =>
        HttpResponse.json({ type: 'urn:citystep:problem:not-found', title: 'Not found', status: 404, detail: 'No cluster water-cluster' }, { status: 404 }),
      ),
    );
    await render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Cluster not found' })).toBeInTheDocument();
    expect(screen.getByText(/proposed clusters can only be seen by curators/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All clusters' })).toHaveAttribute('href', '/clusters');
  });

  it('offers curators and the lead city, not other members or visitors, to edit the cluster and its invitations', async () => {
    const cases: [{ username: string; roles: string[]; cityId?: string } | undefined, boolean][] = [
      [{ username: 'curator.demo', roles: ['curator'] }, true],
      [{ username: 'editor.yantai', roles: ['city-editor'], cityId: 'yantai' }, true],
      [{ username: 'editor.korla', roles: ['city-editor'], cityId: 'korla' }, false],
      [undefined, false],
    ];
    for (const [me, offered] of cases) {
      answer(cluster(), me);
      const { unmount } = await render(me ? { username: me.username } : null);
      await screen.findByRole('heading', { level: 1, name: 'Smart water' });
      if (offered) {
        expect(await screen.findByRole('link', { name: 'Edit cluster and invitations' })).toHaveAttribute('href', '/clusters/water-cluster/edit');
      } else {
        await waitFor(() => expect(screen.getByText('Venice')).toBeInTheDocument());
        expect(screen.queryByRole('link', { name: 'Edit cluster and invitations' })).not.toBeInTheDocument();
      }
      unmount();
    }
  });

  it('has no serious accessibility violations', async () => {
    answer(cluster(), { username: 'editor.korla', roles: ['city-editor'], cityId: 'korla' });
    const { container } = await render({ username: 'editor.korla' });
    await userEvent.click(await screen.findByRole('button', { name: 'Leave this cluster' }));
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('is in Chinese when the UI is', async () => {
    answer();
    await render(null, 'zh-CN');
    expect(await screen.findByRole('heading', { level: 1, name: '智慧水务' })).toBeInTheDocument();
    expect(screen.getByText('3个城市都关注水务。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '烟台' })).toBeInTheDocument();
  });
});
