import { useTranslation } from 'react-i18next';
import type { Pagination } from '../api/client';

export function RowCount({ pagination }: { pagination?: Pagination }) {
  const { t } = useTranslation();
  if (!pagination) return null;
  return (
    <span className="muted" role="status">
      {t(pagination.totalEstimated ? 'app.rowsEstimated' : 'app.rows', { count: pagination.total })}
    </span>
  );
}
