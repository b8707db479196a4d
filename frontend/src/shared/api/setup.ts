import { api } from './client';

export type SetupStepName = 'CITIES' | 'CAMPAIGNS' | 'OPERATORS' | 'TELEPHONY' | 'TEST_CALL';

export interface SetupChecklist {
  steps: { step: SetupStepName; done: boolean; screen: string }[];
  complete: boolean;
  /** CRM_DEMO=true */
  demo: boolean;
  /** demo rows exist (this run's or an earlier one's): `DELETE /api/demo` removes them */
  demoData: boolean;
}

/** `GET /api/setup/checklist` (admins): the first-run steps, each ticked from the stored data. */
export const setupChecklistQuery = {
  queryKey: ['setup', 'checklist'],
  queryFn: () => api<SetupChecklist>('/api/setup/checklist'),
};
