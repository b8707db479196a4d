import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SimpleColumn<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  numeric?: boolean;
}

/** A plain table for short lists (directories, statistics rows). */
/** `rowClass` marks rows the eye must find (an overdue task); the row's text says the same. */
export function SimpleTable<T>({ caption, rows, columns, rowKey, rowClass }: {
  caption: string; rows: T[]; columns: SimpleColumn<T>[]; rowKey: (row: T) => string | number; rowClass?: (row: T) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="muted">
                {t('app.empty')}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClass?.(row)}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
