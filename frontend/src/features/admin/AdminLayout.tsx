import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';

const SECTIONS = [
  ['setup', 'admin.setup'],
  ['operators', 'admin.operators'],
  ['cities', 'admin.cities'],
  ['campaigns', 'admin.campaigns'],
  ['sip-lines', 'admin.sipLines'],
  ['masters', 'admin.masters'],
  ['avito', 'admin.avito'],
  ['api-keys', 'admin.apiKeys'],
  ['audit', 'admin.audit'],
  ['integrations', 'admin.integrations'],
  ['notifications', 'admin.notifications'],
  ['dispositions', 'admin.dispositions'],
  ['cancel-reasons', 'admin.cancelReasons'],
] as const;

export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <div className="admin">
      <nav className="subnav" aria-label={t('admin.section')}>
        {SECTIONS.map(([path, label]) => (
          <NavLink key={path} to={`/admin/${path}`}>{t(label)}</NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
