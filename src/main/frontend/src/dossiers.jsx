// After filing: the receipt, "Hồ sơ của tôi" (the person's dossiers) and one dossier's journey, as the gateway reports it.
import { useEffect, useRef, useState } from 'react';

import { api } from './api.js';
import { KeptNotice } from './declared.jsx';
import { useFocusOnChange } from './hooks.js';
import { RatingWhenAsked } from './rating.jsx';

const PAGE_SIZE = 20;
// an open dossier is read again every 4 s until it is final, every 30 s once nothing has changed for 5 minutes
// (a failed delivery waits for an operator, a supplement for the citizen)
const REFRESH_MS = 4000;
const QUIET_REFRESH_MS = 30000;
const QUIET_AFTER_MS = 5 * 60 * 1000;
const FINAL = new Set(['REJECTED', 'COMPLETED']);
// statuses whose notes the handling agency writes, in Vietnamese; the gateway's own notes are for operators
const AGENCY_NOTES = new Set(['DELIVERED', 'IN_PROGRESS', 'SUPPLEMENT_REQUESTED', 'RESULT_READY', 'REJECTED', 'COMPLETED']);
const TAG_COLOUR = { RECEIVED: 'grey', DELIVERED: 'blue', DELIVERY_FAILED: 'red', IN_PROGRESS: 'light-blue',
  SUPPLEMENT_REQUESTED: 'yellow', RESULT_READY: 'green', REJECTED: 'red', COMPLETED: 'green' };

export function statusLabel(t, status) {
  return t.has(`status_${status}`) ? t(`status_${status}`) : status;
}

/** A dossier's status as a coloured tag with its words (the colour never says it alone). */
export function StatusTag({ t, status }) {
  return <strong className={`tag tag-${TAG_COLOUR[status] ?? 'grey'}`} data-status={status}>{statusLabel(t, status)}</strong>;
}

/** Text the gateway passes on as it came (form titles, the agency's notes): Vietnamese, whatever the page's language. */
function Vietnamese({ t, children }) {
  return <span lang={t.lang === 'vi' ? undefined : 'vi'}>{children}</span>;
}

function formTitle(forms, formId) {
  return forms.find((f) => f.id === formId)?.title ?? formId;
}

function problemOf(r) {
  return r.body?.detail ?? String(r.status);
}

function Problem({ t, detail }) {
  return detail ? <p className="field-error" role="alert">{t('problem', { detail })}</p> : null;
}

function LinkButton({ id, onClick, children }) {
  return <a href={`#${id ?? ''}`} id={id} onClick={(e) => { e.preventDefault(); onClick(); }}>{children}</a>;
}

/** Where a dossier was filed at a desk: "Nộp tại Bộ phận Một cửa phường Kinh Bắc (000.27.31.H09), cán bộ CB.27.0042". */
export function FiledAtDesk({ t, desk, className }) {
  if (!desk) return null;
  return (
    <span className={className} data-desk-unit={desk.unit}>
      {t('filedAtDesk', { where: desk.unitName ? `${desk.unitName} (${desk.unit})` : t('deskUnit', { unit: desk.unit }), officer: desk.officer })}
    </span>
  );
}

/** The receipt of a filing: GOV.UK's confirmation page (a panel with the reference, then what happens next, then the verdict). */
export function Confirmation({ t, session, receipt, onMyDossiers, onAgain, onDisclosures, onDeclared }) {
  const heading = useFocusOnChange('done');
  // the dossier's view says whether its filing may be rated (canRate), and where it was filed
  const [dossier, setDossier] = useState(null);
  useEffect(() => {
    let live = true;
    api.dossier(session.token, receipt.dossierId).then((r) => { if (live && r.status === 200) setDossier(r.body); });
    return () => { live = false; };
  }, [session.token, receipt.dossierId]);
  return (
    <>
      <div className="confirmation" id="confirmation" data-dossier-id={receipt.dossierId}>
        <h1 tabIndex={-1} ref={heading}>{t('doneTitle')}</h1>
        <p className="confirmation-body">
          {t('doneReference')}<br />
          <strong id="dossier-reference" className="reference">{receipt.dossierId}</strong>
        </p>
        {receipt.filedAt ? <p>{t('doneFiledAt', { at: t.dateTime(receipt.filedAt) })}</p> : null}
        {dossier?.desk ? <p><FiledAtDesk t={t} desk={dossier.desk} /></p> : null}
      </div>
      {receipt.reuse ? <p id="reuse">{t('reuse', receipt.reuse)}</p> : null}
      <KeptNotice t={t} kept={receipt.declared?.kept} onOpen={onDeclared} />
      <h2>{t('doneNextTitle')}</h2>
      <p>{t('doneNext')}</p>
      <p>{t('doneFollow')} <LinkButton id="confirmation-my-dossiers" onClick={onMyDossiers}>{t('myDossiers')}</LinkButton>.</p>
      <RatingWhenAsked t={t} session={session} dossier={dossier} stage="FILING" />
      <div className="actions">
        <button type="button" className="button" id="start-again" onClick={onAgain}>{t('startAgain')}</button>
        <button type="button" className="button secondary" onClick={onDisclosures}>{t('whoRead')}</button>
      </div>
    </>
  );
}

/** "Hồ sơ của tôi": the person's dossiers, newest first, a page of twenty at a time. */
export function MyDossiers({ t, session, forms, onOpen, onBack }) {
  const [page, setPage] = useState(0);
  const [answer, setAnswer] = useState(null);
  const [problem, setProblem] = useState(null);
  useEffect(() => {
    let live = true;
    api.dossiers(session.token, page, PAGE_SIZE).then((r) => {
      if (!live) return;
      if (r.status === 200) { setAnswer(r.body); setProblem(null); } else { setProblem(problemOf(r)); }
    });
    return () => { live = false; };
  }, [session.token, page]);
  const heading = useFocusOnChange(`dossiers-${page}`);
  const pages = answer ? Math.max(1, Math.ceil(answer.total / PAGE_SIZE)) : 1;
  return (
    <>
      <h1 tabIndex={-1} ref={heading} id="my-dossiers-title">{t('myDossiers')}</h1>
      <p className="lead">{t('myDossiersLead')}</p>
      <Problem t={t} detail={problem} />
      {answer === null && !problem ? <p>{t('loading')}</p> : null}
      {answer && !answer.items?.length ? <p id="no-dossiers">{t('myDossiersEmpty')}</p> : null}
      {answer?.items?.length ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="dossiers-caption">
          <table id="dossiers" className="dossier-table" data-total={answer.total}>
            <caption id="dossiers-caption" className="visually-hidden">{t('myDossiers')}</caption>
            <thead>
              <tr><th scope="col">{t('colDossier')}</th><th scope="col">{t('colFiledAt')}</th><th scope="col">{t('colStatus')}</th></tr>
            </thead>
            <tbody>
              {answer.items.map((d) => (
                <tr key={d.dossierId} data-dossier-id={d.dossierId}>
                  <td data-label={t('colDossier')}>
                    <LinkButton id={`dossier-${d.dossierId}`} onClick={() => onOpen(d.dossierId)}>
                      <Vietnamese t={t}>{formTitle(forms, d.formId)}</Vietnamese>
                      <span className="visually-hidden">{t('filedAtHidden', { at: t.dateTime(d.filedAt) })}</span>
                    </LinkButton>
                    <br /><span className="muted">{d.dossierId}</span>
                    {d.desk ? <><br /><FiledAtDesk t={t} desk={d.desk} className="desk-filed" /></> : null}
                  </td>
                  <td data-label={t('colFiledAt')}><time dateTime={d.filedAt}>{t.dateTime(d.filedAt)}</time></td>
                  <td data-label={t('colStatus')}><StatusTag t={t} status={d.status} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t('pageOf', { page: page + 1, pages })}>
          {page > 0 ? <button type="button" className="button secondary" onClick={() => setPage(page - 1)}>{t('previousPage')}</button> : null}
          <span>{t('pageOf', { page: page + 1, pages })}</span>
          {page + 1 < pages ? <button type="button" className="button secondary" onClick={() => setPage(page + 1)}>{t('nextPage')}</button> : null}
        </nav>
      ) : null}
      <div className="actions"><button type="button" className="button secondary" onClick={onBack}>{t('back')}</button></div>
    </>
  );
}

function safeUrl(url) {
  return typeof url === 'string' && /^(https?:\/\/|\/(?!\/))/i.test(url) ? url : null;
}

function Result({ t, result }) {
  const url = safeUrl(result.url);
  return (
    <section aria-labelledby="result-title" id="result">
      <h2 id="result-title">{t('resultTitle')}</h2>
      <dl className="summary-list">
        {result.title || result.type ? (
          <div className="summary-row"><dt>{t('resultType')}</dt><dd><Vietnamese t={t}>{result.title ?? result.type}</Vietnamese></dd></div>
        ) : null}
        {result.number ? <div className="summary-row"><dt>{t('resultNumber')}</dt><dd>{result.number}</dd></div> : null}
        {result.issuedOn ? <div className="summary-row"><dt>{t('resultIssuedOn')}</dt><dd>{t.date(result.issuedOn)}</dd></div> : null}
      </dl>
      {url ? <p><a href={url} id="result-link" className="result-link">{t('resultOpen')}</a></p> : null}
    </section>
  );
}

function Timeline({ t, timeline }) {
  // newest first, like the list of dossiers; the gateway's order is the order events were recorded
  const entries = (timeline ?? []).map((e, i) => ({ ...e, i })).reverse();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timelineTitle')}</h2>
      <p className="muted">{t('timelineLead')}</p>
      <ol className="timeline" id="timeline">
        {entries.map((e) => (
          <li key={e.i} className="timeline-item" data-status={e.status}>
            <h3 className="timeline-title">{e.status === 'RECEIVED' && e.i > 0 ? t('timelineResent') : statusLabel(t, e.status)}</h3>
            <p className="timeline-date"><time dateTime={e.at}>{t.dateTime(e.at)}</time></p>
            {e.note && AGENCY_NOTES.has(e.status) ? <p className="timeline-note"><Vietnamese t={t}>{e.note}</Vietnamese></p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** One dossier: where it stands, its codes, its result once ready, its history; read again every few seconds until final. */
export function DossierDetail({ t, session, forms, id, onBack }) {
  const [dossier, setDossier] = useState(null);
  const [problem, setProblem] = useState(null);
  const [checkedAt, setCheckedAt] = useState(null);
  const [news, setNews] = useState(null);
  const seen = useRef({ status: null, since: Date.now() });
  useEffect(() => {
    let live = true;
    let timer;
    const next = () => { timer = setTimeout(load, Date.now() - seen.current.since > QUIET_AFTER_MS ? QUIET_REFRESH_MS : REFRESH_MS); };
    async function load() {
      if (document.hidden) { next(); return; }
      const r = await api.dossier(session.token, id);
      if (!live) return;
      if (r.status === 200) {
        setDossier(r.body);
        setProblem(null);
        setCheckedAt(new Date().toISOString());
        if (seen.current.status !== r.body.status) {
          if (seen.current.status) setNews(r.body.status);
          seen.current = { status: r.body.status, since: Date.now() };
        }
        if (FINAL.has(r.body.status)) return;
      } else {
        setProblem(problemOf(r));
        if (r.status >= 400 && r.status < 500 && r.status !== 429) return;
      }
      next();
    }
    load();
    return () => { live = false; clearTimeout(timer); };
  }, [session.token, id]);
  const heading = useFocusOnChange(`dossier-${id}`);
  const d = dossier;
  return (
    <>
      <h1 tabIndex={-1} ref={heading} id="dossier-title">{d ? <Vietnamese t={t}>{formTitle(forms, d.formId)}</Vietnamese> : t('dossier')}</h1>
      <p className="visually-hidden" role="status" id="dossier-news">{news ? t('statusChanged', { status: statusLabel(t, news) }) : ''}</p>
      <Problem t={t} detail={problem} />
      {d === null && !problem ? <p>{t('loading')}</p> : null}
      {d ? (
        <div id="dossier" data-dossier-id={d.dossierId} data-status={d.status}>
          <dl className="summary-list">
            <div className="summary-row"><dt>{t('status')}</dt><dd><StatusTag t={t} status={d.status} />
              {t.has(`statusHelp_${d.status}`) ? <p className="status-help">{t(`statusHelp_${d.status}`)}</p> : null}</dd></div>
            <div className="summary-row"><dt>{t('handlingCode')}</dt>
              <dd id="handling-code" data-handling-code={d.handlingCode ?? ''}>{d.handlingCode ?? <span className="muted">{t('handlingCodeNone')}</span>}</dd></div>
            <div className="summary-row"><dt>{t('dossierReference')}</dt><dd id="dossier-id">{d.dossierId}</dd></div>
            <div className="summary-row"><dt>{t('procedureCode')}</dt><dd>{d.procedureCode}</dd></div>
            <div className="summary-row"><dt>{t('filedAt')}</dt><dd><time dateTime={d.filedAt}>{t.dateTime(d.filedAt)}</time></dd></div>
            <div className="summary-row"><dt>{t('channel')}</dt>
              <dd id="dossier-channel" data-channel={d.channel ?? ''}>{d.desk ? <FiledAtDesk t={t} desk={d.desk} /> : t('channelOnline')}</dd></div>
          </dl>
          {!FINAL.has(d.status) && checkedAt ? <p className="muted" id="refreshing">{t('refreshing', { time: t.time(checkedAt) })}</p> : null}
          {d.result ? <Result t={t} result={d.result} /> : null}
          <RatingWhenAsked t={t} session={session} dossier={d} stage="RESULT" />
          <Timeline t={t} timeline={d.timeline} />
        </div>
      ) : null}
      <div className="actions"><button type="button" className="button secondary" id="back-to-dossiers" onClick={onBack}>{t('backToList')}</button></div>
    </>
  );
}
