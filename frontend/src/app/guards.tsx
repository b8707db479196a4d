import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { setupChecklistQuery } from '../shared/api/setup';
import { lastSessionChange } from '../shared/api/session';
import { useSession } from '../shared/api/useSession';
import { homeOf, mayOpen, type Area } from './access';

export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = encodeURIComponent(location.pathname + location.search);
    const reason = lastSessionChange();
    const why = reason === 'expired' || reason === 'passwordChanged' || reason === 'signedOutEverywhere' ? `${reason}=1&` : '';
    return <Navigate to={`/login?${why}next=${next}`} replace />;
  }
  return <>{children}</>;
}

export function RequireArea({ area, children }: { area: Area; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  if (session && !mayOpen(session.user.role, area)) {
    return (
      <section className="card" data-testid="no-access">
        <h1>{t('app.noAccess')}</h1>
        <p>{t('app.noAccessText')}</p>
      </section>
    );
  }
  return <>{children}</>;
}

export function Home() {
  const session = useSession();
  if (session?.user.role === 'admin') return <AdminHome />;
  return <Navigate to={session ? homeOf(session.user.role) : '/login'} replace />;
}

/** An admin whose centre is not set up yet starts at the first-run checklist instead of an empty wallboard. */
function AdminHome() {
  const checklist = useQuery({ ...setupChecklistQuery, retry: false });
  if (checklist.isLoading) return null;
  return <Navigate to={checklist.data && !checklist.data.complete ? '/admin/setup' : homeOf('admin')} replace />;
}

export function NotFound() {
  const { t } = useTranslation();
  return <h1>{t('app.notFound')}</h1>;
}
