import { create } from 'zustand';
import type { EventPayloads, FileRef } from '../../../shared/api';
import type { Language } from '../../../shared/catalog';
import type { Manifest } from '../../../shared/bundle/format';
import type { ImportedSummary, ReportSummary } from '../../../shared/ops/reports';
import type { Report } from '../../../shared/report/schema';
import type { ReportTable } from '../../../shared/report/tables';
import type { ApiError, Result } from '../../../shared/result';
import { call } from '../../api';
import { pickFile, saveFile } from '../../files';

export type Done = 'pdf' | 'bundle' | 'csv' | 'deleted' | 'imported' | 'duplicate';
export type Busy = 'create' | 'pdf' | 'bundle' | 'csv' | 'alerts' | 'import' | 'delete' | null;

interface ReportsState {
  months: string[];
  reports: ReportSummary[] | null;
  imported: ImportedSummary[] | null;
  loading: boolean;
  error: ApiError | null;
  /** The report open on screen (made or imported). */
  current: { summary: ReportSummary; report: Report } | null;
  currentImported: { summary: ImportedSummary; report: Report; manifest: Manifest } | null;
  busy: Busy;
  done: Done | null;
  actionError: ApiError | null;
  /** The streamed alert CSV in progress. */
  job: { jobId: string; done: number; total: number | null } | null;
  load: (customerId: string | null) => Promise<void>;
  loadImported: (customerId: string | null) => Promise<void>;
  create: (input: {
    customerId: string | null;
    month: string;
    language: Language;
  }) => Promise<string | null>;
  open: (reportId: string) => Promise<void>;
  openImported: (id: number) => Promise<void>;
  remove: (reportId: string) => Promise<boolean>;
  removeImported: (id: number) => Promise<boolean>;
  save: (what: 'pdf' | 'bundle', reportId: string) => Promise<void>;
  saveCsv: (source: { reportId: string } | { id: number }, table: ReportTable) => Promise<void>;
  saveImportedPdf: (id: number) => Promise<void>;
  importBundle: () => Promise<number | null>;
  exportAlerts: (reportId: string) => Promise<void>;
  cancelExport: () => Promise<void>;
  onJob: (
    event: 'progress' | 'finished',
    payload: EventPayloads['job.progress' | 'job.finished'],
  ) => void;
  clearMessages: () => void;
}

let latest = 0;
/** job.finished may arrive before the call that started the job has returned its id. */
const early = new Map<string, EventPayloads['job.finished']>();

/** Monthly reports and imported bundles (issue #7): every call goes through the main process. */
export const useReports = create<ReportsState>((set, get) => {
  /** Runs an action that yields a file, then saves it where the user wants it. */
  const output = async (busy: Busy, done: Done, produce: () => Promise<Result<FileRef>>) => {
    set({ busy, done: null, actionError: null });
    const r = await produce();
    if (!r.ok) return set({ busy: null, actionError: r.error });
    const saved = await saveFile(r.value);
    if (!saved.ok) return set({ busy: null, actionError: saved.error });
    set({ busy: null, done: saved.value.saved ? done : null });
  };
  const finishJob = (p: EventPayloads['job.finished']) => {
    set({ job: null });
    const result = p.result as Result<FileRef>;
    if (!result.ok) return set({ busy: null, actionError: result.error });
    void output('alerts', 'csv', () => Promise.resolve(result));
  };

  return {
    months: [],
    reports: null,
    imported: null,
    loading: false,
    error: null,
    current: null,
    currentImported: null,
    busy: null,
    done: null,
    actionError: null,
    job: null,
    load: async (customerId) => {
      const request = ++latest;
      set({ loading: true });
      const r = await call('reports.list', { customerId });
      if (request !== latest) return;
      if (!r.ok) return set({ loading: false, error: r.error });
      set({ loading: false, error: null, months: r.value.months, reports: r.value.reports });
    },
    loadImported: async (customerId) => {
      const r = await call('reports.listImported', { customerId });
      if (!r.ok) return set({ error: r.error });
      set({ error: null, imported: r.value });
    },
    create: async (input) => {
      set({ busy: 'create', done: null, actionError: null });
      const r = await call('reports.create', input);
      if (!r.ok) {
        set({ busy: null, actionError: r.error });
        return null;
      }
      set({ busy: null });
      return r.value.reportId;
    },
    open: async (reportId) => {
      set({ current: null, error: null });
      const r = await call('reports.get', { reportId });
      if (!r.ok) return set({ error: r.error });
      set({ current: r.value });
    },
    openImported: async (id) => {
      set({ currentImported: null, error: null });
      const r = await call('reports.getImported', { id });
      if (!r.ok) return set({ error: r.error });
      set({ currentImported: r.value });
    },
    remove: async (reportId) => {
      set({ busy: 'delete', done: null, actionError: null });
      const r = await call('reports.delete', { reportId });
      if (!r.ok) {
        set({ busy: null, actionError: r.error });
        return false;
      }
      set({ busy: null, done: 'deleted' });
      return true;
    },
    removeImported: async (id) => {
      set({ busy: 'delete', done: null, actionError: null });
      const r = await call('reports.deleteImported', { id });
      if (!r.ok) {
        set({ busy: null, actionError: r.error });
        return false;
      }
      set({ busy: null, done: 'deleted' });
      return true;
    },
    save: (what, reportId) =>
      output(what, what, () =>
        call(what === 'pdf' ? 'reports.pdf' : 'reports.bundle', { reportId }),
      ),
    saveCsv: (source, table) =>
      output('csv', 'csv', () =>
        'reportId' in source
          ? call('reports.csv', { reportId: source.reportId, table })
          : call('reports.importedCsv', { id: source.id, table }),
      ),
    saveImportedPdf: (id) => output('pdf', 'pdf', () => call('reports.importedPdf', { id })),
    importBundle: async () => {
      set({ busy: 'import', done: null, actionError: null });
      const picked = await pickFile({ extensions: ['socdesk'] });
      if (!picked.ok) {
        set({ busy: null, actionError: picked.error });
        return null;
      }
      if (!picked.value) {
        set({ busy: null });
        return null;
      }
      const r = await call('reports.importBundle', { fileId: picked.value.fileId });
      void call('files.discard', { fileId: picked.value.fileId });
      if (!r.ok) {
        set({ busy: null, actionError: r.error });
        return null;
      }
      set({ busy: null, done: r.value.duplicate ? 'duplicate' : 'imported' });
      return r.value.id;
    },
    exportAlerts: async (reportId) => {
      set({ busy: 'alerts', done: null, actionError: null });
      const r = await call('reports.exportAlerts', { reportId });
      if (!r.ok) return set({ busy: null, actionError: r.error });
      const finished = early.get(r.value.jobId);
      early.delete(r.value.jobId);
      if (finished) return finishJob(finished);
      set({ job: { jobId: r.value.jobId, done: 0, total: null } });
    },
    cancelExport: async () => {
      const job = get().job;
      if (!job) return;
      set({ job: null, busy: null });
      await call('reports.cancelJob', { jobId: job.jobId });
    },
    onJob: (event, payload) => {
      if (payload.kind !== 'reports.exportAlerts') return;
      const job = get().job;
      if (event === 'finished') {
        const p = payload as EventPayloads['job.finished'];
        if (job?.jobId === p.jobId) finishJob(p);
        else if (get().busy === 'alerts') early.set(p.jobId, p);
        return;
      }
      const p = payload as EventPayloads['job.progress'];
      if (job?.jobId === p.jobId) set({ job: { ...job, done: p.done, total: p.total } });
    },
    clearMessages: () => set({ done: null, actionError: null }),
  };
});
