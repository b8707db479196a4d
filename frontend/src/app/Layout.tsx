import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';
import { logout } from '../shared/api/client';
import { useSession } from '../shared/api/useSession';
import { changeLanguage, LANGUAGES, type Language } from '../shared/i18n';
import { mayOpen, type Area } from './access';

const MENU: [Area, string, string][] = [
  ['workspace', '/workspace', 'nav.workspace'],
  ['wallboard', '/wallboard', 'nav.wallboard'],
  ['stats', '/stats', 'nav.stats'],
  ['myStats', '/my-stats', 'nav.myStats'],
  ['clients', '/clients', 'nav.clients'],
  ['calls', '/calls', 'nav.calls'],
  ['orders', '/orders', 'nav.orders'],
  ['tasks', '/tasks', 'nav.tasks'],
  ['conversations', '/conversations', 'nav.conversations'],
  ['knowledge', '/knowledge', 'nav.knowledge'],
  ['aiReview', '/ai-review', 'nav.aiReview'],
  ['admin', '/admin', 'nav.admin'],
];

export function Layout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  if (!session) return null;
  const { user } = session;
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('nav.main')} className="mainnav">
          {MENU.filter(([area]) => mayOpen(user.role, area)).map(([area, path, label]) => (
            <NavLink key={area} to={path}>{t(label)}</NavLink>
          ))}
        </nav>
        <div className="user">
          <label className="lang">
            <span className="visually-hidden">{t('app.language')}</span>
            <select value={i18n.language} onChange={(e) => changeLanguage(e.target.value as Language)}>
              {LANGUAGES.map((l) => <option key={l} value={l}>{l.toUpperCase()}</option>)}
            </select>
          </label>
          <NavLink to="/profile" data-testid="current-user" title={t('nav.profile')}>
            {user.name ?? user.login} · {t(`roles.${user.role}`)}{user.city ? ` · ${user.city}` : ''}
          </NavLink>
          <button type="button" onClick={() => void logout()}>{t('app.logout')}</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
