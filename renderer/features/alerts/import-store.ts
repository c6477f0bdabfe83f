/** The import screen's state: the chosen file, the CSV mapping, the running job and its outcome. */
import { create } from 'zustand';
import type { EventPayloads, FileRef } from '../../../shared/api';
import type { CsvField, CsvMapping } from '../../../shared/import/csv-map';
import type { ImportOutcome, ImportPreview, ImportSummary } from '../../../shared/ops/alerts';
import type { ApiError } from '../../../shared/result';
import { call } from '../../api';
import { pickFile } from '../../files';

export interface ImportJob {
  id: string;
  phase: 'validate' | 'apply' | 'rollback';
  done: number;
  total: number | null;
}

interface ImportState {
  file: FileRef | null;
  uploading: number | null;
  preview: ImportPreview | null;
  mapping: CsvMapping;
  job: ImportJob | null;
  outcome: ImportOutcome | null;
  error: ApiError | null;
  imports: ImportSummary[];
  choose: () => Promise<void>;
  setColumn: (field: CsvField, column: number | null) => void;
  start: () => Promise<void>;
  cancel: () => Promise<void>;
  reset: () => void;
  loadImports: () => Promise<void>;
  onProgress: (p: EventPayloads['job.progress']) => void;
  onFinished: (p: EventPayloads['job.finished']) => void;
}

const initial = {
  file: null,
  uploading: null,
  preview: null,
  mapping: {},
  job: null,
  outcome: null,
  error: null,
};

export const useImport = create<ImportState>((set, get) => ({
  ...initial,
  imports: [],
  choose: async () => {
    set({ ...initial });
    const picked = await pickFile({
      extensions: ['json', 'ndjson', 'jsonl', 'csv'],
      onProgress: (sent, total) =>
        set({ uploading: total > 0 ? Math.round((sent / total) * 100) : 0 }),
    });
    set({ uploading: null });
    if (!picked.ok) return set({ error: picked.error });
    if (!picked.value) return;
    const file = picked.value;
    const preview = await call('alerts.import.preview', { fileId: file.fileId });
    if (!preview.ok) return set({ file, error: preview.error });
    set({ file, preview: preview.value, mapping: preview.value.csv?.suggested ?? {} });
  },
  setColumn: (field, column) => {
    const mapping = { ...get().mapping };
    if (column === null) delete mapping[field];
    else mapping[field] = column;
    set({ mapping });
  },
  start: async () => {
    const { file, preview, mapping } = get();
    if (!file || !preview) return;
    set({ error: null, outcome: null });
    const r = await call('alerts.import.start', {
      fileId: file.fileId,
      format: preview.format,
      ...(preview.format === 'csv' ? { mapping } : {}),
    });
    if (!r.ok) return set({ error: r.error });
    set({ job: { id: r.value.jobId, phase: 'validate', done: 0, total: file.size } });
  },
  cancel: async () => {
    const { job } = get();
    if (job) await call('alerts.cancelJob', { jobId: job.id });
  },
  reset: () => set({ ...initial }),
  loadImports: async () => {
    const r = await call('alerts.import.list', {});
    if (r.ok) set({ imports: r.value });
  },
  onProgress: (p) => {
    const { job } = get();
    if (!job || p.jobId !== job.id) return;
    const phase = p.kind.split('.').pop() as ImportJob['phase'];
    set({ job: { ...job, phase, done: p.done, total: p.total } });
  },
  onFinished: (p) => {
    const { job } = get();
    if (!job || p.jobId !== job.id) return;
    set({ job: null });
    if (p.result.ok) set({ outcome: p.result.value as ImportOutcome });
    else set({ error: p.result.error });
    void get().loadImports();
  },
}));
