// Declared once: what the citizen typed before and agreed to keep (known answers, the box asking to keep them, the page
// listing and erasing them), and documents already on file offered by reference in a form's attachment slots.
import { useEffect, useRef, useState } from 'react';

import { api } from './api.js';
import { useFocusOnChange } from './hooks.js';
import { get, pointerToId, resolve } from './pointers.js';

/** The fields of a form a citizen may declare once ("x-declare": key), in the form's order. */
export function declaredFieldsOf(schema) {
  const out = [];
  const walk = (raw, pointer) => {
    const node = resolve(schema, raw) ?? {};
    if (typeof node['x-declare'] === 'string') out.push({ pointer, key: node['x-declare'], title: node.title });
    if (node.type === 'object' && node.properties && pointer !== '/attachments') {
      for (const [name, child] of Object.entries(node.properties)) walk(child, `${pointer}/${name}`);
    }
  };
  walk(schema, '');
  return out;
}

/** The attachment slots of a form: properties under /attachments with "x-attachment". */
export function slotsOf(schema) {
  const container = resolve(schema, resolve(schema, schema)?.properties?.attachments);
  return Object.entries(container?.properties ?? {})
    .map(([name, raw]) => [name, resolve(schema, raw)])
    .filter(([, node]) => node?.['x-attachment'])
    .map(([name, node]) => ({ pointer: `/attachments/${name}`, name, title: node.title ?? name, accepts: node['x-attachment'].accepts ?? [] }));
}

/** A field's prefill entry that came from what the citizen declared before (not from a registry). */
export function isDeclared(entry) {
  return entry?.status === 'PREFILLED' && (entry.source === 'declared' || (entry.flags ?? []).includes('SELF_DECLARED'));
}

/** A declared key in the words of a sentence ("số điện thoại"), else the field's title. */
function noun(t, key, title) {
  return t.has(`declare_${key}`) ? t(`declare_${key}`) : (title ?? key).toLowerCase();
}

/** Things in one sentence: "số điện thoại, thư điện tử". */
function listOf(items) {
  return items.join(', ');
}

/** The filing step's question: keep the typed details for next time. Unticked until the citizen ticks it. */
export function KeepBox({ t, fields, data, keep, setKeep }) {
  const typed = fields.filter((f) => {
    const v = get(data, f.pointer);
    return v !== undefined && v !== null && v !== '';
  });
  if (!typed.length) return null;
  const what = listOf([...new Map(typed.map((f) => [f.key, noun(t, f.key, f.title)])).values()]);
  return (
    <section className="keep" aria-labelledby="declare-keep-title" id="declare-keep-section">
      <h2 id="declare-keep-title">{t('keepTitle')}</h2>
      <div className="choice checkbox">
        <input type="checkbox" id="declare-keep" checked={keep} onChange={(e) => setKeep(e.target.checked)}
               aria-describedby="declare-keep-hint" />
        <label htmlFor="declare-keep">{t('keepLabel', { list: what })}</label>
      </div>
      <p className="help" id="declare-keep-hint">{t('keepHint')}</p>
    </section>
  );
}

function documentLine(t, d) {
  const issued = [d.issuedBy ? t('slotIssuedBy', { by: d.issuedBy }) : null, d.issuedOn ? t('slotIssuedOn', { date: t.date(d.issuedOn) }) : null]
    .filter(Boolean).join(', ');
  const source = t.has(`slotSource_${d.source}`) ? t(`slotSource_${d.source}`) : null;
  return [issued, source].filter(Boolean).join(' · ');
}

/** Text the gateway passes on as it came (titles, issuers): Vietnamese, whatever the page's language. */
function Vietnamese({ t, children }) {
  return <span lang={t.lang === 'vi' ? undefined : 'vi'}>{children}</span>;
}

/** The title the form gives its attachment slots together. */
export function slotsTitleOf(schema) {
  return resolve(schema, resolve(schema, schema)?.properties?.attachments)?.title;
}

/** A form's attachment slots: for each, the person's documents on file of an accepted type, or none. */
export function AttachmentSlots({ t, title, slots, offered, chosen, setChosen, errors }) {
  if (!slots.length) return null;
  return (
    <div className="attachments" id="attachment-slots">
      <h2 id="attachment-slots-title"><Vietnamese t={t}>{title ?? t('attachmentsTitle')}</Vietnamese></h2>
      {slots.map((slot) => {
        const id = pointerToId(slot.pointer);
        const docs = offered?.[slot.pointer] ?? [];
        const error = errors.filter((e) => e.pointer === slot.pointer).map((e) => e.message).join(' ');
        const hint = docs.length ? t('slotLead') : t('slotEmpty');
        return (
          <fieldset key={slot.pointer} className={`choices slot${error ? ' has-error' : ''}`} id={id} tabIndex={-1}
                    data-pointer={slot.pointer} aria-describedby={`${id}__hint${error ? ` ${id}__error` : ''}`}>
            <legend><Vietnamese t={t}>{slot.title}</Vietnamese></legend>
            <p className="help" id={`${id}__hint`}>{hint}</p>
            {error ? <p className="field-error" id={`${id}__error`}>{error}</p> : null}
            {docs.map((d, i) => (
              <div className="choice" key={d.documentRef}>
                <input type="radio" id={`${id}_doc_${i}`} name={`${id}_doc`} value={d.documentRef} data-document-ref={d.documentRef}
                       checked={chosen[slot.pointer] === d.documentRef} aria-describedby={`${id}_doc_${i}__detail`}
                       onChange={() => setChosen({ ...chosen, [slot.pointer]: d.documentRef })} />
                <label htmlFor={`${id}_doc_${i}`}>
                  <Vietnamese t={t}>{d.title ?? t('slotDocument')}</Vietnamese>
                  <span className="muted slot-detail" id={`${id}_doc_${i}__detail`}><br />{documentLine(t, d)}</span>
                </label>
              </div>
            ))}
            {docs.length ? (
              <div className="choice">
                <input type="radio" id={`${id}_none`} name={`${id}_doc`} value="" checked={chosen[slot.pointer] === null}
                       onChange={() => setChosen({ ...chosen, [slot.pointer]: null })} />
                <label htmlFor={`${id}_none`}>{t('slotNone')}</label>
              </div>
            ) : null}
          </fieldset>
        );
      })}
    </div>
  );
}

/** What the filing will carry in each slot, on the check page, each with a change link to the slot. */
export function AttachmentAnswers({ t, slots, offered, chosen, onChange }) {
  if (!slots.length) return null;
  return (
    <section aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('attachmentsTitle')}</h2>
      <dl className="summary-list">
        {slots.map((slot) => {
          const doc = (offered?.[slot.pointer] ?? []).find((d) => d.documentRef === chosen[slot.pointer]);
          return (
            <div className="summary-row" key={slot.pointer} data-pointer={slot.pointer} data-document-ref={doc?.documentRef ?? ''}>
              <dt><Vietnamese t={t}>{slot.title}</Vietnamese></dt>
              <dd>{doc ? <><Vietnamese t={t}>{doc.title}</Vietnamese><br /><span className="muted">{documentLine(t, doc)}</span></>
                : t('attachmentNone')}</dd>
              <dd className="summary-action">
                <a href={`#${pointerToId(slot.pointer)}`} onClick={(e) => { e.preventDefault(); onChange(pointerToId(slot.pointer)); }}>
                  {t('change')}<span className="visually-hidden"> <Vietnamese t={t}>{slot.title}</Vietnamese></span>
                </a>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

/** The filing's attachments: pointer → {documentRef}, only the slots where a document on file was chosen. */
export function attachmentsOf(chosen) {
  const out = Object.fromEntries(Object.entries(chosen).filter(([, ref]) => ref).map(([pointer, ref]) => [pointer, { documentRef: ref }]));
  return Object.keys(out).length ? out : undefined;
}

/** On the receipt: what was kept, and where to see and erase it. */
export function KeptNotice({ t, kept, onOpen }) {
  if (!kept?.length) return null;
  return (
    <p id="declared-kept">
      {t('keptOnReceipt', { list: listOf(kept.map((k) => noun(t, k))) })}{' '}
      <a href="#declared-title" id="receipt-declared" onClick={(e) => { e.preventDefault(); onOpen(); }}>{t('declaredTitle')}</a>.
    </p>
  );
}

function formTitle(forms, formId) {
  return forms.find((f) => f.id === formId)?.title ?? formId;
}

/** A key's title in the page's language, else the gateway's (Vietnamese). */
function TitleOf({ t, item }) {
  return t.has(`key_${item.key}`) ? t(`key_${item.key}`) : <Vietnamese t={t}>{item.title ?? item.key}</Vietnamese>;
}

/**
 * "Thông tin bạn đã khai": the values the person agreed to keep, with the day and the form they came from; each erased
 * on its own or all at once, after a confirmation step (GOV.UK), then a notice of what was erased.
 */
export function DeclaredPage({ t, session, forms, onBack }) {
  const [items, setItems] = useState(null);
  const [problem, setProblem] = useState(null);
  const [confirm, setConfirm] = useState(null); // {key} for one value, {all: true} for all of them
  const [done, setDone] = useState(null); // what the last erasure removed
  const [busy, setBusy] = useState(false);
  const [loads, setLoads] = useState(0);
  const returnFocus = useRef(null);
  useEffect(() => {
    let live = true;
    api.profile(session.token).then((r) => {
      if (!live) return;
      if (r.status === 200 && Array.isArray(r.body)) { setItems(r.body); setProblem(null); } else { setProblem(r.body?.detail ?? String(r.status)); }
    });
    return () => { live = false; };
  }, [session.token, loads]);
  const heading = useFocusOnChange(confirm ? `confirm-${confirm.key ?? 'all'}` : 'declared', !done || !!confirm);
  const notice = useFocusOnChange(done?.n, !!done && !confirm);
  // "No, go back" puts the focus back on the button that asked
  useEffect(() => {
    if (!confirm && returnFocus.current) {
      document.getElementById(returnFocus.current)?.focus();
      returnFocus.current = null;
    }
  }, [confirm]);

  const erase = async () => {
    setBusy(true);
    const r = confirm.all ? await api.eraseAllDeclared(session.token) : await api.eraseDeclared(session.token, confirm.key);
    setBusy(false);
    if (r.status !== 204 && r.status !== 200 && r.status !== 404) { setProblem(r.body?.detail ?? String(r.status)); setConfirm(null); return; }
    const item = items?.find((i) => i.key === confirm.key);
    setDone((d) => ({ n: (d?.n ?? 0) + 1, all: !!confirm.all, item }));
    returnFocus.current = null;
    setConfirm(null);
    setItems(null);
    setLoads((n) => n + 1);
  };

  if (confirm) {
    const item = items?.find((i) => i.key === confirm.key);
    return (
      <>
        <h1 tabIndex={-1} ref={heading} id="erase-title">
          {confirm.all ? t('eraseAllConfirmTitle') : t('eraseConfirmTitle', { what: noun(t, item?.key, item?.title) })}
        </h1>
        {item ? <p className="known-value" id="erase-value">{item.value}</p> : null}
        {confirm.all ? (
          <ul id="erase-all-list">{(items ?? []).map((i) => <li key={i.key}><TitleOf t={t} item={i} />: {i.value}</li>)}</ul>
        ) : null}
        <div className="warning-text" id="erase-warning"><strong><span className="warning-icon" aria-hidden="true">!</span>
          <span className="visually-hidden">{t('warning')} </span>{t('eraseWarning')}</strong></div>
        <div className="actions">
          <button type="button" className="button warning" id="erase-yes" onClick={erase} disabled={busy}>
            {confirm.all ? t('eraseAllYes') : t('eraseYes')}
          </button>
          <button type="button" className="button secondary" id="erase-no" onClick={() => setConfirm(null)}>{t('eraseNo')}</button>
        </div>
      </>
    );
  }
  return (
    <>
      <h1 tabIndex={-1} ref={heading} id="declared-title">{t('declaredTitle')}</h1>
      {done ? (
        <div className="notification success" role="status" tabIndex={-1} ref={notice} id="erased" aria-labelledby="erased-title">
          <h2 id="erased-title">{t('erasedTitle')}</h2>
          <p>{done.all ? t('erasedAll') : t('erased', { what: noun(t, done.item?.key, done.item?.title) })}</p>
        </div>
      ) : null}
      <p className="lead">{t('declaredLead')}</p>
      {problem ? <p className="field-error" role="alert">{t('problem', { detail: problem })}</p> : null}
      {items === null && !problem ? <p>{t('loading')}</p> : null}
      {items && !items.length ? <p id="no-declared">{t('declaredEmpty')}</p> : null}
      {items?.length ? (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="declared-caption">
            <table id="declared" className="stack-table">
              <caption id="declared-caption" className="visually-hidden">{t('declaredTitle')}</caption>
              <thead>
                <tr><th scope="col">{t('colDeclared')}</th><th scope="col">{t('colValue')}</th><th scope="col">{t('colDeclaredAt')}</th>
                  <th scope="col">{t('colFromForm')}</th><th scope="col"><span className="visually-hidden">{t('colAction')}</span></th></tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.key} data-key={i.key}>
                    <th scope="row" data-label={t('colDeclared')}><TitleOf t={t} item={i} /></th>
                    <td data-label={t('colValue')} className="declared-value">{i.value}</td>
                    <td data-label={t('colDeclaredAt')}><time dateTime={i.declaredAt}>{t.date(i.declaredAt)}</time></td>
                    <td data-label={t('colFromForm')}>{i.formId ? <Vietnamese t={t}>{formTitle(forms, i.formId)}</Vietnamese> : ''}</td>
                    <td>
                      <button type="button" className="btn" id={`erase-${i.key.replace(/[^A-Za-z0-9_-]/g, '-')}`} data-key={i.key}
                              onClick={(e) => { returnFocus.current = e.currentTarget.id; setConfirm({ key: i.key }); }}>
                        {t('erase')}<span className="visually-hidden"> {noun(t, i.key, i.title)}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="button" className="button secondary" id="erase-all"
                    onClick={() => { returnFocus.current = 'erase-all'; setConfirm({ all: true }); }}>{t('eraseAll')}</button>
          </div>
        </>
      ) : null}
      <div className="actions"><button type="button" className="button secondary" id="declared-back" onClick={onBack}>{t('back')}</button></div>
    </>
  );
}
