import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CSV_FIELDS,
  CSV_REQUIRED,
  missingRequired,
  type CsvField,
} from '../../../shared/import/csv-map';
import type { ApiError } from '../../../shared/result';
import { subscribe } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../format';
import { useImport } from './import-store';
import '../../styles/alerts.css';

function size(bytes: number, number: (n: number) => string): string {
  if (bytes >= 1024 * 1024) return `${number(Math.round((bytes / 1024 / 1024) * 10) / 10)} MiB`;
  if (bytes >= 1024) return `${number(Math.round(bytes / 1024))} KiB`;
  return `${number(bytes)} B`;
}

/** Which CSV column fills each field, with the first rows to look at. */
function Mapping() {
  const { t } = useTranslation('alerts');
  const { preview, mapping, setColumn } = useImport();
  const csv = preview?.csv;
  if (!csv) return null;
  const label = (f: CsvField) => t(`import.fields.${f}`);
  return (
    <section className="card" aria-labelledby="mapping" data-testid="import-mapping">
      <h2 id="mapping">{t('import.mapping')}</h2>
      <p className="muted small">{t('import.mappingHelp')}</p>
      <table className="table mapping">
        <thead>
          <tr>
            <th scope="col">{t('import.field')}</th>
            <th scope="col">{t('import.column')}</th>
          </tr>
        </thead>
        <tbody>
          {CSV_FIELDS.map((f) => (
            <tr key={f}>
              <th scope="row">
                <label htmlFor={`map-${f}`}>{label(f)}</label>
                {CSV_REQUIRED.includes(f) && (
                  <span className="badge-required">{t('import.required')}</span>
                )}
              </th>
              <td>
                <select
                  id={`map-${f}`}
                  data-testid={`map-${f}`}
                  value={mapping[f] ?? ''}
                  onChange={(e) =>
                    setColumn(f, e.target.value === '' ? null : Number(e.target.value))
                  }
                >
                  <option value="">{t('import.unused')}</option>
                  {csv.header.map((h, i) => (
                    <option key={i} value={i}>
                      {h || `#${i + 1}`}
                      {csv.rows[0]?.[i] ? ` — ${csv.rows[0][i].slice(0, 30)}` : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('import.titleRequired')}</p>
      <h3>{t('import.preview')}</h3>
      <div className="table-scroll">
        <table className="table preview">
          <thead>
            <tr>
              {csv.header.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {csv.rows.map((r, i) => (
              <tr key={i}>
                {r.map((v, j) => (
                  <td key={j}>{v.length > 60 ? `${v.slice(0, 60)}…` : v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** An import's located problems: line, field, what is wrong, in the user's language. */
function Problems({ error }: { error: ApiError }) {
  const { t } = useTranslation(['alerts', 'errors']);
  const tx = t as unknown as (key: string, params?: Record<string, string | number>) => string;
  // "(record)", "(file)", "(header).format": the whole record, file or header line.
  const pathLabel = (path: string) =>
    path.replace(/^\((record|file|line|header)\)/, (_m, p: string) =>
      tx(`alerts:import.paths.${p}`),
    );
  return (
    <div className="notice notice-error" role="alert" data-testid="import-problems">
      <strong>{tx(error.message, error.params)}</strong>
      <table className="table issues">
        <caption className="sr-only">{t('import.issuesTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.issueLineHeader')}</th>
            <th scope="col">{t('import.issuePath')}</th>
            <th scope="col">{t('import.issueMessage')}</th>
          </tr>
        </thead>
        <tbody>
          {(error.issues ?? []).map((i, n) => (
            <tr key={n} data-testid="import-issue">
              <td className="mono">{i.line ? t('import.issueLine', { line: i.line }) : '—'}</td>
              <td className="mono">{pathLabel(i.path)}</td>
              <td>{tx(i.message, i.params)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Import of alert files: JSON / NDJSON in SOC Desk's format, CSV with a column mapping. */
export function ImportPage() {
  const { t } = useTranslation(['alerts', 'catalog']);
  const { number, dateTime } = useFormat();
  const progressId = useId();
  const s = useImport();
  const { job, loadImports, onProgress, onFinished } = s;

  useEffect(() => {
    void loadImports();
    const off = [subscribe('job.progress', onProgress), subscribe('job.finished', onFinished)];
    return () => off.forEach((f) => f());
  }, [loadImports, onProgress, onFinished]);

  const missing = s.preview?.format === 'csv' ? missingRequired(s.mapping) : [];
  const percent = job && job.total ? Math.min(100, Math.round((job.done / job.total) * 100)) : 0;

  return (
    <section className="page alerts-import">
      <Link to="/alerts" className="back-link">
        {t('detail.back')}
      </Link>
      <div className="page-head">
        <h1>{t('import.title')}</h1>
      </div>
      <div className="card import-intro">
        <p>{t('import.intro')}</p>
        <p className="muted small">{t('import.limits')}</p>
        <div className="import-choose">
          <button
            type="button"
            className="button button-primary"
            disabled={job !== null}
            onClick={() => void s.choose()}
            data-testid="import-choose"
          >
            {s.file ? t('import.another') : t('import.choose')}
          </button>
          {s.uploading !== null && (
            <span role="status">{t('import.uploading', { percent: s.uploading })}</span>
          )}
          {s.file && (
            <span data-testid="import-file">
              {t('import.file', { name: s.file.name, size: size(s.file.size, number) })}
              {s.preview && (
                <span className="chip format-chip">{t(`import.formats.${s.preview.format}`)}</span>
              )}
            </span>
          )}
        </div>
      </div>
      {s.preview?.format === 'csv' && !job && !s.outcome && <Mapping />}
      {s.preview && !job && !s.outcome && (
        <div className="import-start">
          {missing.length > 0 && (
            <p className="notice notice-caution" role="status">
              {t('import.missing', {
                fields: missing.map((f) => t(`import.fields.${f}`)).join('、'),
              })}
            </p>
          )}
          <button
            type="button"
            className="button button-primary"
            disabled={missing.length > 0}
            onClick={() => void s.start()}
            data-testid="import-start"
          >
            {t('import.start')}
          </button>
        </div>
      )}
      {job && (
        <div
          className="card import-progress"
          role="status"
          aria-live="polite"
          data-testid="import-progress"
        >
          <label htmlFor={progressId}>{t(`import.phase.${job.phase}`)}</label>
          <progress id={progressId} max={100} value={percent} />
          <span className="muted">
            {job.phase === 'validate'
              ? t('import.progressBytes', { percent })
              : t('import.progressRecords', {
                  done: number(job.done),
                  total: number(job.total ?? 0),
                })}
          </span>
          {job.phase !== 'rollback' && (
            <button
              type="button"
              className="button"
              onClick={() => void s.cancel()}
              data-testid="import-cancel"
            >
              {t('import.cancel')}
            </button>
          )}
        </div>
      )}
      {s.outcome && (
        <p className="notice notice-ok" role="status" data-testid="import-outcome">
          {s.outcome.state === 'cancelled'
            ? t('import.cancelled')
            : t('import.done', {
                records: number(s.outcome.records),
                inserted: number(s.outcome.inserted),
                updated: number(s.outcome.updated),
                unchanged: number(s.outcome.unchanged),
              })}{' '}
          {s.outcome.state === 'done' && <Link to="/alerts?status=all">{t('title')}</Link>}
        </p>
      )}
      {s.error &&
        (s.error.issues?.length ? <Problems error={s.error} /> : <ErrorNotice error={s.error} />)}
      <section className="card" aria-labelledby="recent-imports">
        <h2 id="recent-imports">{t('import.recent')}</h2>
        {s.imports.length === 0 ? (
          <p className="muted">{t('import.recentEmpty')}</p>
        ) : (
          <table className="table" data-testid="recent-imports">
            <thead>
              <tr>
                <th scope="col">{t('import.startedAt')}</th>
                <th scope="col">{t('import.fileName')}</th>
                <th scope="col">{t('import.format')}</th>
                <th scope="col">{t('import.state')}</th>
                <th scope="col" className="num">
                  {t('import.records')}
                </th>
              </tr>
            </thead>
            <tbody>
              {s.imports.map((i) => (
                <tr key={i.id}>
                  <td className="mono">{dateTime(i.startedAt)}</td>
                  <td>{i.fileName}</td>
                  <td>{i.format.toUpperCase()}</td>
                  <td>{t(`import.states.${i.state}`)}</td>
                  <td className="num">{number(i.records)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
