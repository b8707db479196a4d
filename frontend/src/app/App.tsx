import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ApiError } from '../shared/api/client';
import { onSessionChange } from '../shared/api/session';
import { NoticeProvider } from '../shared/ui/Notices';
import { LoginPage } from '../features/auth/LoginPage';
import { WorkspacePage } from '../features/workspace/WorkspacePage';
import { CallsPage } from '../features/calls/CallsPage';
import { ClientsPage } from '../features/clients/ClientsPage';
import { ClientCardPage } from '../features/clients/ClientCardPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { TaskFormPage } from '../features/tasks/TaskFormPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { CallDetailPage } from '../features/calls/CallDetailPage';
import { OrdersPage } from '../features/orders/OrdersPage';
import { OrderFormPage } from '../features/orders/OrderFormPage';
import { ChatQueuePanel } from '../features/conversations/ChatQueuePanel';
import { ConversationsPage } from '../features/conversations/ConversationsPage';
import { ConversationPage } from '../features/conversations/ConversationPage';
import { Layout } from './Layout';
import { Home, NotFound, RequireArea, RequireSession } from './guards';

// Supervisor and admin screens (and the chart library) load when first opened: an operator's
// browser fetches only what the workspace needs.
const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));
const WallboardPage = named(() => import('../features/stats/WallboardPage'), 'WallboardPage');
const StatsPage = named(() => import('../features/stats/StatsPage'), 'StatsPage');
const MyStatsPage = named(() => import('../features/stats/MyStatsPage'), 'MyStatsPage');
const AdminLayout = named(() => import('../features/admin/AdminLayout'), 'AdminLayout');
const OperatorsPage = named(() => import('../features/admin/OperatorsPage'), 'OperatorsPage');
const CitiesPage = named(() => import('../features/admin/CitiesPage'), 'CitiesPage');
const CampaignsPage = named(() => import('../features/admin/CampaignsPage'), 'CampaignsPage');
const SipLinesPage = named(() => import('../features/admin/SipLinesPage'), 'SipLinesPage');
const MastersPage = named(() => import('../features/admin/MastersPage'), 'MastersPage');
const ApiKeysPage = named(() => import('../features/admin/ApiKeysPage'), 'ApiKeysPage');
const AuditPage = named(() => import('../features/admin/AuditPage'), 'AuditPage');
const AvitoAccountsPage = named(() => import('../features/admin/AvitoAccountsPage'), 'AvitoAccountsPage');
const KnowledgePage = named(() => import('../features/knowledge/KnowledgePage'), 'KnowledgePage');
const AiReviewPage = named(() => import('../features/aireview/AiReviewPage'), 'AiReviewPage');
const SetupPage = named(() => import('../features/admin/SetupPage'), 'SetupPage');
const IntegrationsPage = named(() => import('../features/admin/IntegrationsPage'), 'IntegrationsPage');
const NotificationsPage = named(() => import('../features/admin/NotificationsPage'), 'NotificationsPage');
const DispositionsPage = named(() => import('../features/admin/ResultCodesPage'), 'DispositionsPage');
const CancelReasonsPage = named(() => import('../features/admin/ResultCodesPage'), 'CancelReasonsPage');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // a 4xx will answer the same again; only network trouble and 5xx are worth a retry
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * An ended session (signed out, or a refresh token that no longer works) leaves nothing of the
 * user's data in the cache; RequireSession then shows the login page, saying when it expired.
 */
function ForgetEndedSessions() {
  useEffect(
    () =>
      onSessionChange((session) => {
        if (!session) queryClient.clear();
      }),
    [],
  );
  return null;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <NoticeProvider>
        <BrowserRouter>
          <ForgetEndedSessions />
          <Suspense fallback={<p className="muted" role="status">…</p>}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<RequireSession><Layout /></RequireSession>}>
              <Route index element={<Home />} />
              <Route path="workspace" element={<RequireArea area="workspace"><WorkspacePage aside={<><ChatQueuePanel /><TasksPage compact /></>} /></RequireArea>} />
              <Route path="clients" element={<RequireArea area="clients"><ClientsPage /></RequireArea>} />
              <Route path="clients/:id" element={<RequireArea area="clients"><ClientCardPage /></RequireArea>} />
              <Route path="calls" element={<RequireArea area="calls"><CallsPage /></RequireArea>} />
              <Route path="calls/:id" element={<RequireArea area="calls"><CallDetailPage /></RequireArea>} />
              <Route path="orders" element={<RequireArea area="orders"><OrdersPage /></RequireArea>} />
              <Route path="orders/new" element={<RequireArea area="orders"><OrderFormPage /></RequireArea>} />
              <Route path="orders/:id" element={<RequireArea area="orders"><OrderFormPage /></RequireArea>} />
              <Route path="tasks" element={<RequireArea area="tasks"><TasksPage /></RequireArea>} />
              <Route path="tasks/new" element={<RequireArea area="tasks"><TaskFormPage /></RequireArea>} />
              <Route path="profile" element={<RequireArea area="profile"><ProfilePage /></RequireArea>} />
              <Route path="conversations" element={<RequireArea area="conversations"><ConversationsPage /></RequireArea>} />
              <Route path="conversations/:id" element={<RequireArea area="conversations"><ConversationPage /></RequireArea>} />
              <Route path="knowledge" element={<RequireArea area="knowledge"><KnowledgePage /></RequireArea>} />
              <Route path="ai-review" element={<RequireArea area="aiReview"><AiReviewPage /></RequireArea>} />
              <Route path="wallboard" element={<RequireArea area="wallboard"><WallboardPage /></RequireArea>} />
              <Route path="stats" element={<RequireArea area="stats"><StatsPage /></RequireArea>} />
              <Route path="stats/operators/:id" element={<RequireArea area="stats"><MyStatsPage /></RequireArea>} />
              <Route path="my-stats" element={<RequireArea area="myStats"><MyStatsPage /></RequireArea>} />
              <Route path="admin" element={<RequireArea area="admin"><AdminLayout /></RequireArea>}>
                <Route index element={<Navigate to="operators" replace />} />
                <Route path="setup" element={<SetupPage />} />
                <Route path="operators" element={<OperatorsPage />} />
                <Route path="cities" element={<CitiesPage />} />
                <Route path="campaigns" element={<CampaignsPage />} />
                <Route path="sip-lines" element={<SipLinesPage />} />
                <Route path="masters" element={<MastersPage />} />
                <Route path="avito" element={<AvitoAccountsPage />} />
                <Route path="api-keys" element={<ApiKeysPage />} />
                <Route path="audit" element={<AuditPage />} />
                <Route path="integrations" element={<IntegrationsPage />} />
                <Route path="notifications" element={<NotificationsPage />} />
                <Route path="dispositions" element={<DispositionsPage />} />
                <Route path="cancel-reasons" element={<CancelReasonsPage />} />
              </Route>
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
          </Suspense>
        </BrowserRouter>
      </NoticeProvider>
    </QueryClientProvider>
  );
}
