import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { resultCodesPath, type ResultCode, type ResultCodeList } from '../../shared/api/resultCodes';
import { Badge } from '../../shared/ui/Badge';
import { CrudDirectory, changedOnly } from '../../shared/ui/CrudDirectory';

export function DispositionsPage() {
  return <ResultCodesPage list="dispositions" />;
}

export function CancelReasonsPage() {
  return <ResultCodesPage list="cancel-reasons" />;
}

/** The dispositions or the cancel reasons: add, rename, reorder; an entry is retired (and brought back), never deleted. */
function ResultCodesPage({ list }: { list: ResultCodeList }) {
  const { t } = useTranslation();
  const path = resultCodesPath(list);
  const toggle = useMutation({
    mutationFn: ({ row }: { row: ResultCode; refresh: () => void }) => api(`${path}/${row.id}`, { method: 'PATCH', body: { active: !row.active } }),
    onSuccess: (_, { refresh }) => refresh(),
  });
  return (
    <CrudDirectory<ResultCode>
      title={t(list === 'dispositions' ? 'admin.dispositions' : 'admin.cancelReasons')}
      path={path}
      deletable={false}
      blank={{ name: '', position: '0' }}
      toForm={(c) => ({ name: c.name, position: String(c.position) })}
      toBody={(form, editing) => {
        const body = { name: form.name, position: Number(form.position) || 0 };
        return editing ? changedOnly(body, { name: editing.name, position: editing.position }) : body;
      }}
      rowName={(c) => c.name}
      columns={[
        { key: 'name', header: t('admin.codeName'), render: (c) => <>{c.name}{!c.active && <> <Badge tone="cancelled">{t('admin.retired')}</Badge></>}</> },
        { key: 'position', header: t('admin.codePosition'), numeric: true, render: (c) => c.position },
      ]}
      fields={() => [
        { name: 'name', label: t('admin.codeName') },
        { name: 'position', label: t('admin.codePosition'), type: 'number' },
      ]}
      rowActions={(row, refresh) => (
        <button type="button" onClick={() => toggle.mutate({ row, refresh })}>{row.active ? t('admin.retire') : t('admin.restore')}</button>
      )}
    />
  );
}
