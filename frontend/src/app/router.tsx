import { createBrowserRouter } from 'react-router';
import { CALLBACK_PATH } from '../lib/auth/user-manager';
import { Layout } from './layout/Layout';
import { NotFoundPage } from './layout/NotFoundPage';
import { RequireRole } from './layout/RequireRole';
import { SignInCallbackPage } from './layout/SignInCallbackPage';

const EDITORS = ['city-editor', 'curator', 'admin'] as const;
const CURATORS = ['curator', 'admin'] as const;
const REVIEWERS = ['expert', 'curator', 'admin'] as const;
const SIGNED_IN = ['city-editor', 'expert', 'curator', 'admin'] as const;

/** Every page is its own chunk, loaded when first visited; the home page's chunk is small. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      children: [
        { index: true, lazy: () => import('../features/search/components/HomePage').then((m) => ({ Component: m.HomePage })) },
        {
          path: 'case-studies/new',
          element: <RequireRole roles={EDITORS} />,
          children: [
            {
              index: true,
              lazy: () =>
                import('../features/case-study-editor/components/CaseStudyEditorPage').then((m) => ({
                  Component: m.CaseStudyEditorPage,
                })),
            },
          ],
        },
        {
          path: 'case-studies/:id/edit',
          element: <RequireRole roles={EDITORS} />,
          children: [
            {
              index: true,
              lazy: () =>
                import('../features/case-study-editor/components/CaseStudyEditorPage').then((m) => ({
                  Component: m.CaseStudyEditorPage,
                })),
            },
          ],
        },
        {
          path: 'case-studies/:id',
          lazy: () => import('../features/case-studies/components/CaseStudyPage').then((m) => ({ Component: m.CaseStudyPage })),
        },
        { path: 'cities', lazy: () => import('../features/cities/components/CitiesPage').then((m) => ({ Component: m.CitiesPage })) },
        {
          path: 'cities/:id',
          lazy: () => import('../features/cities/components/CityProfilePage').then((m) => ({ Component: m.CityProfilePage })),
        },
        {
          path: 'cities/:id/assessment',
          element: <RequireRole roles={EDITORS} />,
          children: [
            {
              index: true,
              lazy: () =>
                import('../features/assessment/components/SelfAssessmentPage').then((m) => ({
                  Component: m.SelfAssessmentPage,
                })),
            },
          ],
        },
        {
          path: 'cities/:id/edit',
          element: <RequireRole roles={EDITORS} />,
          children: [
            { index: true, lazy: () => import('../features/citydesk/components/CityEditPage').then((m) => ({ Component: m.CityEditPage })) },
          ],
        },
        {
          path: 'cities/:id/progress',
          element: <RequireRole roles={['city-editor', 'expert', 'curator', 'admin']} />,
          children: [
            { index: true, lazy: () => import('../features/citydesk/components/CityProgressPage').then((m) => ({ Component: m.CityProgressPage })) },
          ],
        },
        {
          path: 'cities/:cityId/exchanges',
          element: <RequireRole roles={SIGNED_IN} />,
          children: [
            { index: true, lazy: () => import('../features/exchanges/components/ExchangesPage').then((m) => ({ Component: m.ExchangesPage })) },
          ],
        },
        {
          path: 'exchanges',
          element: <RequireRole roles={SIGNED_IN} />,
          children: [
            { index: true, lazy: () => import('../features/exchanges/components/ExchangesPage').then((m) => ({ Component: m.ExchangesPage })) },
            {
              path: ':id',
              lazy: () => import('../features/exchanges/components/ExchangePage').then((m) => ({ Component: m.ExchangePage })),
            },
          ],
        },
        {
          path: 'exchanges/new',
          element: <RequireRole roles={['city-editor']} />,
          children: [
            {
              index: true,
              lazy: () => import('../features/exchanges/components/NewExchangePage').then((m) => ({ Component: m.NewExchangePage })),
            },
          ],
        },
        {
          path: 'my-city',
          element: <RequireRole roles={['city-editor']} />,
          children: [
            {
              index: true,
              lazy: () => import('../features/workspace/components/MyCityPage').then((m) => ({ Component: m.MyCityPage })),
            },
          ],
        },
        { path: 'clusters', lazy: () => import('../features/clusters/components/ClustersPage').then((m) => ({ Component: m.ClustersPage })) },
        {
          path: 'clusters/:id',
          lazy: () => import('../features/clusters/components/ClusterPage').then((m) => ({ Component: m.ClusterPage })),
        },
        {
          path: 'clusters/new',
          element: <RequireRole roles={CURATORS} />,
          children: [
            { index: true, lazy: () => import('../features/curate/components/ClusterFormPage').then((m) => ({ Component: m.ClusterFormPage })) },
          ],
        },
        {
          path: 'clusters/:id/edit',
          element: <RequireRole roles={EDITORS} />,
          children: [
            { index: true, lazy: () => import('../features/curate/components/ClusterFormPage').then((m) => ({ Component: m.ClusterFormPage })) },
          ],
        },
        {
          path: 'admin',
          element: <RequireRole roles={CURATORS} />,
          children: [
            { index: true, lazy: () => import('../features/curate/components/AdminPage').then((m) => ({ Component: m.AdminPage })) },
          ],
        },
        { path: 'experts', lazy: () => import('../features/experts/components/ExpertsPage').then((m) => ({ Component: m.ExpertsPage })) },
        {
          path: 'reports/maturity',
          lazy: () =>
            import('../features/reports/components/MaturityReportPage').then((m) => ({ Component: m.MaturityReportPage })),
        },
        {
          path: 'open-data',
          lazy: () => import('../features/opendata/components/OpenDataPage').then((m) => ({ Component: m.OpenDataPage })),
        },
        {
          path: 'curation',
          element: <RequireRole roles={CURATORS} />,
          children: [
            {
              index: true,
              lazy: () =>
                import('../features/curation/components/CurationQueuePage').then((m) => ({ Component: m.CurationQueuePage })),
            },
          ],
        },
        {
          path: 'glossary',
          lazy: () => import('../features/glossary/components/GlossaryPage').then((m) => ({ Component: m.GlossaryPage })),
        },
        {
          path: 'glossary/new',
          element: <RequireRole roles={CURATORS} />,
          children: [
            {
              index: true,
              lazy: () =>
                import('../features/glossary/components/GlossaryEditorPage').then((m) => ({ Component: m.GlossaryEditorPage })),
            },
          ],
        },
        {
          path: 'glossary/:id/edit',
          element: <RequireRole roles={CURATORS} />,
          children: [
            {
              index: true,
              lazy: () =>
                import('../features/glossary/components/GlossaryEditorPage').then((m) => ({ Component: m.GlossaryEditorPage })),
            },
          ],
        },
        {
          path: 'notifications',
          element: <RequireRole roles={SIGNED_IN} />,
          children: [
            {
              index: true,
              lazy: () =>
                import('../features/notifications/components/NotificationsPage').then((m) => ({ Component: m.NotificationsPage })),
            },
          ],
        },
        {
          path: 'admin/audit',
          element: <RequireRole roles={CURATORS} />,
          children: [
            {
              index: true,
              lazy: () => import('../features/audit/components/AuditLogPage').then((m) => ({ Component: m.AuditLogPage })),
            },
          ],
        },
        {
          path: 'review',
          element: <RequireRole roles={REVIEWERS} />,
          children: [
            {
              index: true,
              lazy: () => import('../features/review/components/ReviewQueuePage').then((m) => ({ Component: m.ReviewQueuePage })),
            },
            {
              path: ':cityId',
              lazy: () => import('../features/review/components/ReviewPage').then((m) => ({ Component: m.ReviewPage })),
            },
          ],
        },
        {
          path: 'expert-database',
          element: <RequireRole roles={CURATORS} />,
          children: [
            {
              index: true,
              lazy: () =>
                import('../features/expert-database/components/ExpertAdminPage').then((m) => ({ Component: m.ExpertAdminPage })),
            },
          ],
        },
        {
          path: 'my-expert-profile',
          element: <RequireRole roles={['expert']} />,
          children: [
            {
              index: true,
              lazy: () =>
                import('../features/expert-database/components/MyExpertProfilePage').then((m) => ({
                  Component: m.MyExpertProfilePage,
                })),
            },
          ],
        },
        { path: CALLBACK_PATH.slice(1), element: <SignInCallbackPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
