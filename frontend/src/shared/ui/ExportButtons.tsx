import { useTranslation } from 'react-i18next';
import { ApiError, download, type Query } from '../api/client';
import { useNotify } from './Notices';

const FORMATS = ['csv', 'xlsx', 'pdf'] as const;

/** CSV / XLSX / PDF of a report (`GET /api/reports/{report}?format=…` with the screen's filters). */
export function ExportButtons({ report, query, label }: { report: 'calls' | 'orders' | 'operators' | 'chats'; query: Query; label: string }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const run = (format: (typeof FORMATS)[number]) =>
    download(`/api/reports/${report}`, { ...query, format }).catch((error) =>
      notify(t('stats.exportFailed', { message: error instanceof ApiError ? error.message : String(error) }), 'error'),
    );
  return (
    <div className="export" role="group" aria-label={label}>
      <span className="muted">{label}:</span>
      {FORMATS.map((format) => (
        <button key={format} type="button" onClick={() => run(format)}>
          {format.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
