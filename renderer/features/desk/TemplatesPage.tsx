import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Template } from '../../../shared/hearing-sheet';
import type { TemplateSummary } from '../../../shared/ops/desk';
import type { ApiError } from '../../../shared/result';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { call } from '../../api';
import { pickFile } from '../../files';
import { useFormat } from '../../format';
import { loc } from './text';
import '../../styles/desk.css';

/**
 * Hearing-sheet templates: the vendor distributes the sheet (002 別紙3 1(2)①) and may send newer
 * versions. Every version is kept; new sheets use the active one; a filled sheet keeps its own.
 */
export function TemplatesPage() {
  const { t, i18n } = useTranslation('desk');
  const { dateTime } = useFormat();
  const [list, setList] = useState<TemplateSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [preview, setPreview] = useState<Template | null>(null);
  const load = useCallback(async () => {
    const r = await call('desk.templates', {});
    if (r.ok) setList(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => {
    void call('desk.templates', {}).then((r) => (r.ok ? setList(r.value) : setError(r.error)));
  }, []);

  const importFile = async () => {
    setError(null);
    setNotice(null);
    const picked = await pickFile({ extensions: ['json'] });
    if (!picked.ok) return setError(picked.error);
    if (!picked.value) return;
    const r = await call('desk.importTemplate', { fileId: picked.value.fileId });
    if (!r.ok) return setError(r.error);
    setNotice(
      r.value.unchanged
        ? t('templates.unchanged', { version: r.value.version })
        : t('templates.imported', { id: r.value.id, version: r.value.version }),
    );
    await load();
  };
  const activate = async (s: TemplateSummary) => {
    const r = await call('desk.setActiveTemplate', { id: s.id, version: s.version });
    if (!r.ok) return setError(r.error);
    await load();
  };
  const show = async (s: TemplateSummary) => {
    const r = await call('desk.template', { id: s.id, version: s.version });
    if (r.ok) setPreview(r.value);
    else setError(r.error);
  };
  const lang = i18n.language;
  return (
    <section className="page desk">
      <div className="page-head">
        <div>
          <p className="muted small">
            <Link to="/desk">{t('inquiry.back')}</Link>
          </p>
          <h1>{t('templates.title')}</h1>
        </div>
        <div className="page-tools">
          <button type="button" className="button button-primary" onClick={() => void importFile()}>
            {t('templates.import')}
          </button>
        </div>
      </div>
      <p className="muted desk-lead">{t('templates.lead')}</p>
      {notice && (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {!list ? (
        !error && <Loading />
      ) : (
        <div className="card">
          <table className="table" data-testid="templates">
            <thead>
              <tr>
                <th scope="col">{t('templates.col.title')}</th>
                <th scope="col">{t('templates.col.version')}</th>
                <th scope="col">{t('templates.col.origin')}</th>
                <th scope="col">{t('templates.col.added')}</th>
                <th scope="col" className="num">
                  {t('templates.col.sheets')}
                </th>
                <th scope="col">{t('templates.col.use')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={`${s.id}@${s.version}`}>
                  <th scope="row">
                    <button type="button" className="button-link" onClick={() => void show(s)}>
                      {lang === 'en' ? s.titleEn : s.titleJa}
                    </button>
                    <div className="mono muted small">{s.id}</div>
                  </th>
                  <td className="num">{s.version}</td>
                  <td>{t(`templates.origin.${s.origin}`)}</td>
                  <td className="mono">{dateTime(s.addedAt)}</td>
                  <td className="num">{s.sheets}</td>
                  <td>
                    {s.active ? (
                      <span className="chip chip-ok">{t('templates.active')}</span>
                    ) : (
                      <button type="button" className="button" onClick={() => void activate(s)}>
                        {t('templates.activate')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview && (
        <section className="card desk-template-preview" aria-labelledby="desk-template-preview">
          <h2 id="desk-template-preview">
            {loc(preview.title, lang)} — {t('templates.versionN', { version: preview.version })}
          </h2>
          <p className="muted small">
            {loc(preview.issuedBy, lang)} · {preview.issuedOn}
          </p>
          {preview.sections.map((s) => (
            <div key={s.id}>
              <h3>{loc(s.title, lang)}</h3>
              <ul>
                {s.questions.map((q) => (
                  <li key={q.id}>
                    {loc(q.label, lang)}{' '}
                    <span className="muted small">
                      ({t(`templates.kind.${q.kind}`)}
                      {q.required ? `, ${t('sheet.required')}` : ''}
                      {q.showIf ? `, ${t('templates.conditional')}` : ''})
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </section>
  );
}
