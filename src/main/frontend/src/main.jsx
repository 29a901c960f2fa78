import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { englishStringTranslator } from '@rjsf/utils';

import { api, atDesk, newIdempotencyKey } from './api.js';
import { AttachmentAnswers, AttachmentSlots, DeclaredPage, KeepBox, attachmentsOf, declaredFieldsOf, isDeclared,
  slotsOf, slotsTitleOf } from './declared.jsx';
import { Confirmation, DossierDetail, MyDossiers } from './dossiers.jsx';
import { ErrorSummary, focusField } from './errors.jsx';
import { useFocusOnChange } from './hooks.js';
import { translator } from './strings.js';
import { errorSchemaOf, get, isAddress, pointerToId, resolve } from './pointers.js';
import { AddressField, BUTTONS, CodeListWidget, ConflictWidget, ElsewhereField, FieldTemplate, LockedField, TitleFieldTemplate, display,
  renderedSchema, uiSchemaOf } from './fields.jsx';
import { PrefilledAnswers } from './prefilled.jsx';
import { missingAnswers } from './required.js';

const LISTS = { provinces: 'provinces-2025', communes: 'communes-2025', communeProvince: 'communes-2025-provinces',
  ethnicity: 'ethnicity', countries: 'countries' };
const FAILED_SOURCE = new Set(['TIMEOUT', 'UNAVAILABLE', 'INVALID_RESPONSE']);
const ASIDE = new Set(['disclosures', 'dossiers', 'dossier', 'declared']);

function titleAt(schema, pointer) {
  let node = schema;
  let title;
  for (const part of pointer.split('/').slice(1)) {
    node = resolve(schema, node);
    node = node?.properties?.[part] ?? (node?.items ? node.items : undefined);
    node = resolve(schema, node);
    if (node?.title) title = node.title;
  }
  return title;
}

/** What the persona reproduces: in Vietnamese (situationVi), in English when the page is, or when the mocks say it in English only. */
function PersonaSituation({ t, persona }) {
  if (!persona) return null;
  const vi = t.lang === 'vi' && persona.situationVi;
  return <p className="help" id="persona-situation" lang={vi || t.lang === 'en' ? undefined : 'en'}>{vi ? persona.situationVi : persona.situation}</p>;
}

/**
 * The demo sign-in: a persona, or the desk's officer. At a desk (desk set) the citizen signs in here beside the officer,
 * with their own account: the officer never signs in as them.
 */
function SignIn({ t, desk, onSignedIn, onOfficer }) {
  const [personas, setPersonas] = useState(null);
  const [choice, setChoice] = useState('hoa');
  const [problem, setProblem] = useState(null);
  useEffect(() => {
    api.personas().then((r) => setPersonas(r.status === 200 ? r.body.filter((p) => p.accountType) : []));
  }, []);
  const submit = async (e) => {
    e.preventDefault();
    const r = await api.signIn(choice);
    if (r.status !== 200) { setProblem(r.body?.detail ?? String(r.status)); return; }
    const persona = personas.find((p) => p.id === choice);
    onSignedIn({ token: r.body.access_token, persona });
  };
  const officer = async () => {
    const r = await api.signInOfficer();
    if (r.status !== 200 || !r.body?.desk) { setProblem(r.body?.detail ?? String(r.status)); return; }
    onOfficer({ token: r.body.access_token, ...r.body.desk });
  };
  const heading = useFocusOnChange(desk ? 'signin-desk' : 'signin');
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>{t(desk ? 'deskSignInTitle' : 'signInTitle')}</h1>
      <p className="lead">{t(desk ? 'deskSignInLead' : 'signInLead')}</p>
      {problem ? <p className="field-error" role="alert">{t('problem', { detail: problem })}</p> : null}
      {personas === null ? <p>{t('loading')}</p> : (
        <form onSubmit={submit} noValidate>
          <div className="form-group">
            <label htmlFor="persona">{t('persona')}</label>
            <select id="persona" value={choice} onChange={(e) => setChoice(e.target.value)} aria-describedby="persona-situation">
              {personas.map((p) => (
                <option key={p.id} value={p.id}>{p.fullName} ({p.id})</option>
              ))}
            </select>
            <PersonaSituation t={t} persona={personas.find((p) => p.id === choice)} />
          </div>
          <button type="submit" className="button" id="sign-in">{t(desk ? 'deskSignIn' : 'signIn')}</button>
        </form>
      )}
      {desk ? null : (
        <section className="officer-signin" aria-labelledby="officer-title">
          <h2 id="officer-title">{t('officerTitle')}</h2>
          <p>{t('officerLead')}</p>
          <button type="button" className="button secondary" id="sign-in-officer" onClick={officer}>{t('officerSignIn')}</button>
        </section>
      )}
    </>
  );
}

function Suggestions({ t, suggestions, forms, onOpen, busy }) {
  // a suggestion without a form here names its procedure only
  const listed = (suggestions ?? []).map((s) => ({ ...s, form: s.formId ? forms.find((f) => f.id === s.formId) : undefined }))
    .filter((s) => !s.formId || s.form);
  if (!listed.length) return null;
  return (
    <section className="suggestions" aria-labelledby="suggestions-title" id="suggestions">
      <h2 id="suggestions-title">{t('suggestionsTitle')}</h2>
      <p>{t('suggestionsLead')}</p>
      <ul className="cards">
        {listed.map((s) => (
          <li key={s.id} className="card" data-life-event={s.lifeEvent}>
            <h3>{s.title}</h3>
            {s.reason ? <p>{s.reason}</p> : null}
            <p className="muted">
              {s.readiness ? t('ready', s.readiness) : t('suggestionNoForm', { code: s.procedureCode ?? '' })}
              {s.dueBy ? <> · {t('dueBy', { date: t.date(s.dueBy) })}</> : null}
            </p>
            {s.form ? (
              <button type="button" className="button" data-suggestion={s.id} disabled={busy} onClick={() => onOpen(s.formId, s.actingFor)}>
                {t('suggestionOpen', { title: s.form.title ?? s.title })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ChooseForm({ t, session, forms, onPrefilled }) {
  const [suggestions, setSuggestions] = useState(null);
  const [formId, setFormId] = useState('');
  const [subject, setSubject] = useState('');
  const [errors, setErrors] = useState([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    // anything but a 200 (an older gateway's 404, a 503) leaves the page asking for the number
    api.suggestions(session.token).then((r) => setSuggestions(r.status === 200 && Array.isArray(r.body?.suggestions) ? r.body.suggestions : []))
      .catch(() => setSuggestions([]));
  }, [session.token]);
  const form = forms.find((f) => f.id === formId);
  const actingType = form?.actingFor?.[0];
  const open = async (id, actingFor) => {
    setBusy(true);
    const r = await api.prefill(session.token, id, actingFor);
    setBusy(false);
    if (r.status === 200) { onPrefilled(id, actingFor, r.body); return; }
    const list = (r.body?.errors?.length ? r.body.errors : [{ pointer: '/actingFor', message: r.body?.detail ?? String(r.status) }]);
    setErrors(list.map((e) => ({ id: e.pointer?.startsWith('/actingFor') ? 'acting-for' : 'form-choice', message: e.message ?? r.body?.detail })));
    setAttempt((n) => n + 1);
  };
  const submit = (e) => {
    e.preventDefault();
    if (!form) { setErrors([{ id: 'form-choice-0', message: t('chooseAForm') }]); setAttempt((n) => n + 1); return; }
    let actingFor;
    if (actingType === 'CHILD') actingFor = { type: 'CHILD', citizenId: subject.trim() };
    if (actingType === 'ENTERPRISE') actingFor = { type: 'ENTERPRISE', enterpriseCode: subject.trim() };
    open(form.id, actingFor);
  };
  const heading = useFocusOnChange('choose');
  const fieldError = (id) => errors.filter((e) => e.id === id).map((e) => e.message).join(' ');
  return (
    <>
      <h1 tabIndex={-1} ref={heading} data-suggestions={suggestions === null ? 'loading' : suggestions.length}>{t('chooseTitle')}</h1>
      <ErrorSummary t={t} errors={errors} onPick={focusField} focusKey={attempt} />
      {suggestions === null ? <p>{t('loading')}</p> : <Suggestions t={t} suggestions={suggestions} forms={forms} onOpen={open} busy={busy} />}
      <form onSubmit={submit} noValidate>
        <fieldset className="choices" id="form-choice">
          <legend>{t('formLegend')}</legend>
          {forms.map((f, i) => (
            <div className="choice" key={f.id}>
              <input type="radio" name="form" id={`form-choice-${i}`} value={f.id} checked={formId === f.id}
                     onChange={() => { setFormId(f.id); setSubject(''); }} />
              <label htmlFor={`form-choice-${i}`}>{f.title} <span className="muted">({t('procedure', { code: f.procedureCode })})</span></label>
            </div>
          ))}
        </fieldset>
        {actingType ? (
          <div className={`form-group${fieldError('acting-for') ? ' has-error' : ''}`}>
            <label htmlFor="acting-for">{actingType === 'CHILD' ? t('actingForChild') : t('actingForEnterprise')}</label>
            <p className="help" id="acting-for-hint">{actingType === 'CHILD' ? t('actingForChildHint') : t('actingForEnterpriseHint')}</p>
            {fieldError('acting-for') ? <p className="field-error" id="acting-for-error">{fieldError('acting-for')}</p> : null}
            <input id="acting-for" type="text" inputMode="numeric" value={subject} onChange={(e) => setSubject(e.target.value)}
                   aria-describedby={`acting-for-hint${fieldError('acting-for') ? ' acting-for-error' : ''}`}
                   aria-invalid={fieldError('acting-for') ? 'true' : undefined} />
          </div>
        ) : null}
        <button type="submit" className="button" id="start-form" disabled={busy}>{t('continue')}</button>
      </form>
    </>
  );
}

function SourceNotices({ t, sources }) {
  const notices = Object.entries(sources ?? {}).flatMap(([name, s]) => {
    if (FAILED_SOURCE.has(s.status)) return [[name, t('sourceFailed', { source: t.short(name) })]];
    // nothing declared yet is no news: the citizen types these fields as on any form
    if (name === 'declared') return [];
    if (s.status === 'REJECTED') return [[name, t('sourceRejected', { source: t.short(name) })]];
    if (s.status === 'NOT_FOUND') return [[name, t('sourceNotFound', { source: t.short(name) })]];
    if (s.status === 'SKIPPED') return [[name, t('sourceSkipped', { source: t.short(name) })]];
    return [];
  });
  if (!notices.length) return null;
  return (
    <div className="notices">
      {notices.map(([name, text]) => <p key={name} className="notice" data-source={name} role="status">{text}</p>)}
    </div>
  );
}

/** Bound fields and those filled, as the suggestions' readiness counts them; of those, the ones the citizen declared before. */
function counts(prefill) {
  const entries = Object.values(prefill?.fields ?? {});
  const prefilled = entries.filter((f) => f.status === 'PREFILLED' || f.status === 'CONFLICT').length;
  const declared = entries.filter(isDeclared).length;
  return { bound: entries.length, prefilled, declared, registry: prefilled - declared };
}

function translateString(t) {
  return (key, params) => (t.has(`rjsf_${key}`) ? t(`rjsf_${key}`) : englishStringTranslator(key, params));
}

function FormPage({ t, lists, schema, prefill, formData, setFormData, errors, attempt, onContinue, onInvalid, onBack, editing, onEditKnown,
  slots, chosen, setChosen }) {
  // a known answer the gateway refused is an input again, with its error
  const open = useMemo(() => new Set([...editing, ...errors.map((e) => e.pointer)]), [editing, errors]);
  const uiSchema = useMemo(() => uiSchemaOf(schema, prefill, t, open), [schema, prefill, t, open]);
  const rendered = useMemo(() => renderedSchema(schema), [schema]);
  const messageOf = useCallback((e) => (e.key ? t(e.key) : e.message), [t]);
  const extraErrors = useMemo(() => errorSchemaOf(errors.filter((e) => !e.pointer.startsWith('/attachments/')), messageOf), [errors, messageOf]);
  const { bound, prefilled, declared, registry } = counts(prefill);
  const heading = useFocusOnChange('form', errors.length === 0);
  const summary = errors.map((e) => ({ id: pointerToId(e.pointer), label: titleAt(schema, e.pointer), message: messageOf(e) }));
  // the page's own check, not the browser's: each required answer left empty, in the page's language, at the top and at its field
  const submit = (data) => {
    const missing = missingAnswers(rendered, data);
    if (missing.length) onInvalid(missing, data);
    else onContinue(data);
  };
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>{schema.title}</h1>
      <ErrorSummary t={t} errors={summary} onPick={focusField} focusKey={attempt} />
      <div className="panel" id="prefill-counter">
        <p><strong>{declared ? t('prefillCounterDeclared', { prefilled, bound, registry, declared }) : t('prefillCounter', { prefilled, bound })}</strong></p>
        <p>{t(prefilled ? 'prefillCounterLead' : 'prefillCounterNone')}</p>
      </div>
      <SourceNotices t={t} sources={prefill.sources} />
      {uiSchema['ui:widget'] === 'hidden' ? null : <h2 id="questions-title">{t('questionsTitle')}</h2>}
      <Form key={t.lang} schema={rendered} uiSchema={uiSchema} formData={formData} validator={validator} noValidate noHtml5Validate showErrorList={false}
            formContext={{ t, lists, onEditKnown }} extraErrors={extraErrors} translateString={translateString(t)}
            templates={{ ButtonTemplates: BUTTONS, FieldTemplate, TitleFieldTemplate }}
            fields={{ locked: LockedField, address: AddressField, elsewhere: ElsewhereField }} widgets={{ codelist: CodeListWidget, conflict: ConflictWidget }}
            onChange={(e) => setFormData(e.formData)} onSubmit={(e) => submit(e.formData)}>
        <AttachmentSlots t={t} title={slotsTitleOf(schema)} slots={slots} offered={prefill.attachments} chosen={chosen} setChosen={setChosen} errors={errors} />
        <PrefilledAnswers t={t} lists={lists} schema={schema} prefill={prefill} data={formData} open={open} onEdit={onEditKnown} />
        <div className="actions">
          <button type="submit" className="button" id="to-check">{t('continue')}</button>
          <button type="button" className="button secondary" onClick={onBack}>{t('back')}</button>
        </div>
      </Form>
    </>
  );
}

function answersOf(schema, data, prefill, pointer = '', node = schema, name = '') {
  const resolved = resolve(schema, node) ?? {};
  if (resolved.type === 'object' && resolved.properties && !isAddress(resolved)) {
    return Object.entries(resolved.properties).flatMap(([key, child]) => answersOf(schema, data, prefill, `${pointer}/${key}`, child, key));
  }
  const value = get(data, pointer);
  const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length);
  const entry = prefill.fields?.[pointer];
  if (empty && !entry && !(schema.required ?? []).includes(pointer.split('/')[1])) return [];
  return [{ pointer, node: resolved, name, title: resolved.title ?? name, value, entry }];
}

/** The filing got no answer, or one saying "not now": the citizen stays here and presses again (the same key files once). */
function FilingProblem({ t, problem }) {
  const ref = useFocusOnChange(problem?.attempt, !!problem);
  if (!problem) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="filing-problem-title" tabIndex={-1} ref={ref} id="filing-problem">
      <h2 id="filing-problem-title">{t('filingProblemTitle')}</h2>
      <p>{t(problem.lost ? 'filingLost' : 'filingLater')}</p>
    </div>
  );
}

function CheckAnswers({ t, lists, schema, prefill, data, onChange, onSubmit, busy, problem, slots, chosen, keep, setKeep }) {
  const heading = useFocusOnChange('check');
  const sections = Object.entries(resolve(schema, schema).properties ?? {}).filter(([key]) => !(key === 'attachments' && slots.length));
  const declaredFields = useMemo(() => declaredFieldsOf(schema), [schema]);
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>{t('checkTitle')}</h1>
      <FilingProblem t={t} problem={problem} />
      <p className="lead">{t('checkLead')}</p>
      {sections.map(([key, node]) => {
        const rows = answersOf(schema, data, prefill, `/${key}`, node, key);
        if (!rows.length) return null;
        const section = resolve(schema, node);
        return (
          <section key={key}>
            {section.type === 'object' && !isAddress(section) ? <h2>{section.title ?? key}</h2> : null}
            <dl className="summary-list">
              {rows.map((row) => (
                <div className="summary-row" key={row.pointer} data-pointer={row.pointer}>
                  <dt>{row.title}</dt>
                  <dd>
                    {display(row.value, row.node, row.name, { t, lists })}
                    {isDeclared(row.entry) ? (get(prefill.data, row.pointer) === row.value
                      ? <><br /><span className="muted known-date">{t('knownDeclaredOn', { date: t.date(row.entry.asOf) })}</span></> : null)
                      : row.entry?.source && (row.entry.status === 'PREFILLED' || row.entry.status === 'CONFLICT')
                        ? <><br /><span className="badge">{t('badge', { source: t.source(row.entry.source) })}</span></> : null}
                  </dd>
                  <dd className="summary-action">
                    {row.entry?.locked ? null : (
                      <a href={`#${pointerToId(row.pointer)}`} onClick={(e) => { e.preventDefault(); onChange(pointerToId(row.pointer), row.pointer); }}>
                        {t('change')}<span className="visually-hidden"> {row.title}</span>
                      </a>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      <AttachmentAnswers t={t} slots={slots} offered={prefill.attachments} chosen={chosen} onChange={onChange} />
      <KeepBox t={t} fields={declaredFields} data={data} keep={keep} setKeep={setKeep} />
      <div className="actions">
        <button type="button" className="button" id="submit" onClick={onSubmit} disabled={busy}>{t('submit')}</button>
        <button type="button" className="button secondary" onClick={() => onChange(null)}>{t('back')}</button>
      </div>
    </>
  );
}

function Disclosures({ t, session, forms, onBack }) {
  const [page, setPage] = useState(null);
  const [problem, setProblem] = useState(null);
  useEffect(() => {
    api.disclosures(session.token).then((r) => (r.status === 200 ? setPage(r.body) : setProblem(r.body?.detail ?? String(r.status))));
  }, [session.token]);
  const heading = useFocusOnChange('disclosures');
  const titleOf = (id) => forms.find((f) => f.id === id)?.title ?? id;
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>{t('disclosuresTitle')}</h1>
      <p className="lead">{t('disclosuresLead')}</p>
      {problem ? <p className="field-error" role="alert">{t('problem', { detail: problem })}</p> : null}
      {page === null && !problem ? <p>{t('loading')}</p> : null}
      {page && !page.items?.length ? <p>{t('disclosuresEmpty')}</p> : null}
      {page?.items?.length ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="disclosures-caption">
          <table id="disclosures">
            <caption id="disclosures-caption" className="visually-hidden">{t('disclosuresTitle')}</caption>
            <thead>
              <tr><th scope="col">{t('colWhen')}</th><th scope="col">{t('colForm')}</th><th scope="col">{t('colWho')}</th>
                <th scope="col">{t('colSubject')}</th><th scope="col">{t('colSources')}</th><th scope="col">{t('colFields')}</th></tr>
            </thead>
            <tbody>
              {page.items.map((d, i) => (
                <tr key={`${d.requestId}-${i}`}>
                  <td>{new Date(d.at).toLocaleString(t.lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}</td>
                  <td>{titleOf(d.form?.id)}</td>
                  <td>{d.readByYou ? t('byYou', { client: d.client }) : t('byOther', { client: d.client })}
                    {d.desk ? <><br /><span className="desk-read" data-desk-unit={d.desk.unit}>{t.lang === 'vi' && d.desk.text ? d.desk.text
                      : t('readAtDesk', { where: d.desk.unitName ? `${d.desk.unitName} (${d.desk.unit})` : t('deskUnit', { unit: d.desk.unit }),
                        officer: d.desk.officer })}</span></> : null}</td>
                  <td>{d.subjectRole === 'self' ? t('subject_self') : (t.has(`role_${d.subjectRole}`) ? t(`role_${d.subjectRole}`) : d.subjectRole)}
                    {d.actingFor ? ` (${t.has(`acting_${d.actingFor}`) ? t(`acting_${d.actingFor}`) : d.actingFor})` : ''}</td>
                  <td>{Object.entries(d.sources ?? {}).map(([s, status]) => `${t.short(s)}: ${t.has(`st_${status}`) ? t(`st_${status}`) : t('st_other')}`).join(', ')}</td>
                  <td>{d.releasedPointers?.length ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="actions"><button type="button" className="button secondary" onClick={onBack}>{t('back')}</button></div>
    </>
  );
}

/** Who is at the desk: the unit and its officer, and the citizen signed in beside them (or none yet). */
function DeskBanner({ t, desk, citizen }) {
  const unit = desk.unitName ? <span lang={t.lang === 'vi' ? undefined : 'vi'}>{desk.unitName}</span> : t('deskUnit', { unit: desk.unit });
  return (
    <div className="desk-banner" id="desk-banner" data-officer={desk.officer} data-unit={desk.unit}><p>
      <strong>{unit} — {t('deskOfficer', { officer: desk.officer })}</strong>
      <br /><span id="desk-citizen">{citizen ? t('deskCitizen', { name: citizen.fullName }) : t('deskNoCitizen')}</span>
    </p></div>
  );
}

function App() {
  const [lang, setLang] = useState(() => localStorage.getItem('lang') ?? 'vi');
  const t = useMemo(() => translator(lang), [lang]);
  const [session, setSession] = useState(null);
  // at a one-stop desk: the officer signed in ({token, officer, unit, unitName}); the citizen's session beside it
  const [desk, setDesk] = useState(null);
  const [view, setView] = useState('signin');
  const [forms, setForms] = useState([]);
  const [lists, setLists] = useState({});
  const [current, setCurrent] = useState(null); // {formId, actingFor, schema, prefill}
  const [formData, setFormData] = useState({});
  const [errors, setErrors] = useState([]);
  const [attempt, setAttempt] = useState(0);
  const [receipt, setReceipt] = useState(null);
  const [busy, setBusy] = useState(false);
  const [filingProblem, setFilingProblem] = useState(null);
  const filing = useRef({ key: null, inFlight: false });
  const [dossierId, setDossierId] = useState(null);
  const [problem, setProblem] = useState(null);
  const [returnTo, setReturnTo] = useState('choose');
  // declared once: the known answers opened for change, the box to keep what was typed (never ticked by the page),
  // and the document chosen in each attachment slot (pointer → documentRef, null for "none")
  const [editing, setEditing] = useState(() => new Set());
  const [keep, setKeep] = useState(false);
  const [chosen, setChosen] = useState({});

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('lang', lang);
  }, [lang]);
  useEffect(() => {
    api.catalogue().then((r) => r.status === 200 && setForms(r.body));
    Promise.all(Object.entries(LISTS).map(async ([key, name]) => {
      const r = await api.codeList(name);
      return [key, new Map(r.status === 200 ? r.body.codes.map((c) => [c.code, c.name]) : [])];
    })).then((entries) => setLists(Object.fromEntries(entries)));
  }, []);

  const prefilled = async (formId, actingFor, prefill) => {
    const r = await api.schema(formId);
    if (r.status !== 200) { setProblem(r.body?.detail); return; }
    setCurrent({ formId, actingFor, schema: r.body, prefill });
    setFormData(structuredClone(prefill.data ?? {}));
    setEditing(new Set());
    setKeep(false);
    setChosen({});
    setErrors([]);
    setFilingProblem(null);
    filing.current.key = null;
    setView('form');
  };
  // one key per filing, kept until the gateway answers for good: a second click while the first is out does nothing,
  // and a retry after a lost answer or a 5xx sends the same key, so the gateway files once
  const submit = async () => {
    if (filing.current.inFlight) return;
    filing.current.inFlight = true;
    filing.current.key ??= newIdempotencyKey();
    setBusy(true);
    const declare = declaredFieldsOf(current.schema).length ? { keep } : undefined;
    const r = await api.file(session.token, current.formId, formData, current.prefill.prefillToken, filing.current.key,
      { declare, attachments: attachmentsOf(chosen) });
    filing.current.inFlight = false;
    setBusy(false);
    if (r.status === 0 || r.status === 429 || r.status >= 500) {
      setFilingProblem((p) => ({ lost: r.status === 0, attempt: (p?.attempt ?? 0) + 1 }));
      return;
    }
    filing.current.key = null;
    setFilingProblem(null);
    if (r.status === 201) { setReceipt(r.body); setView('done'); return; }
    const list = r.body?.errors?.length ? r.body.errors : [{ pointer: '', message: r.body?.detail ?? String(r.status) }];
    setErrors(list.map((e) => ({ pointer: e.pointer ?? '', message: messageFor(t, e) })));
    setAttempt((n) => n + 1);
    setView('form');
  };
  // "Thay đổi" on a prefilled answer: it becomes a question, whose input takes the focus
  const editKnown = (pointer) => {
    setEditing((e) => new Set([...e, pointer]));
    setTimeout(() => focusField(pointerToId(pointer), true), 50);
  };
  // at a desk, the citizen may sign out alone (the next one signs in beside the same officer); signing out ends both
  const signOut = (keepDesk = false) => {
    filing.current.key = null;
    if (!keepDesk) { atDesk(null); setDesk(null); }
    setSession(null); setCurrent(null); setReceipt(null); setFilingProblem(null); setDossierId(null); setView('signin');
  };
  const officerSignedIn = (officer) => { atDesk(officer.token); setDesk(officer); setView('signin'); };
  // the pages of the header come back to the step the citizen left, never to one another
  const navigate = (target) => { setReturnTo(ASIDE.has(view) ? returnTo : view); setView(target); };

  let main;
  if (!session || view === 'signin') {
    main = <SignIn t={t} desk={desk} onOfficer={officerSignedIn} onSignedIn={(s) => { setSession(s); setView('choose'); }} />;
  } else if (view === 'choose') {
    main = <ChooseForm t={t} session={session} forms={forms} onPrefilled={prefilled} />;
  } else if (view === 'form') {
    main = <FormPage t={t} lists={lists} schema={current.schema} prefill={current.prefill} formData={formData} setFormData={setFormData}
                     errors={errors} attempt={attempt} onContinue={(d) => { setFormData(d); setErrors([]); setView('check'); }} onBack={() => setView('choose')}
                     onInvalid={(missing, d) => { setFormData(d); setErrors(missing); setAttempt((n) => n + 1); }}
                     editing={editing} onEditKnown={editKnown} slots={slotsOf(current.schema)} chosen={chosen} setChosen={setChosen} />;
  } else if (view === 'check') {
    main = <CheckAnswers t={t} lists={lists} schema={current.schema} prefill={current.prefill} data={formData} busy={busy} onSubmit={submit}
                         problem={filingProblem} slots={slotsOf(current.schema)} chosen={chosen} keep={keep} setKeep={setKeep}
                         onChange={(id, pointer) => {
                           setFilingProblem(null);
                           // a prefilled answer is listed, not asked: "Sửa" opens it as a question
                           if (pointer && current.prefill.fields?.[pointer] && !current.prefill.fields[pointer].locked) setEditing((e) => new Set([...e, pointer]));
                           setView('form');
                           if (id) setTimeout(() => focusField(id), 50);
                         }} />;
  } else if (view === 'done') {
    main = <Confirmation t={t} session={session} receipt={receipt} onAgain={() => setView('choose')} onMyDossiers={() => navigate('dossiers')}
                         onDisclosures={() => navigate('disclosures')} onDeclared={() => navigate('declared')} />;
  } else if (view === 'disclosures') {
    main = <Disclosures t={t} session={session} forms={forms} onBack={() => setView(returnTo)} />;
  } else if (view === 'dossiers') {
    main = <MyDossiers t={t} session={session} forms={forms} onOpen={(id) => { setDossierId(id); setView('dossier'); }}
                       onBack={() => setView(returnTo)} />;
  } else if (view === 'declared') {
    main = <DeclaredPage t={t} session={session} forms={forms} onBack={() => setView(returnTo)} />;
  } else if (view === 'dossier') {
    main = <DossierDetail t={t} session={session} forms={forms} id={dossierId} onBack={() => setView('dossiers')} />;
  }
  return (
    <>
      <a href="#main" className="skip-link" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>{t('skip')}</a>
      <header>
        <div className="header"><div className="header-inner">
          <span className="service">{t('service')}</span>
          <nav aria-label={t('service')}>
            <button type="button" className="link" id="language" lang={lang === 'vi' ? 'en' : 'vi'} aria-label={t('languageLabel')}
                    onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>{t('language')}</button>
            {session ? (
              <>
                <button type="button" className="link" id="my-dossiers" aria-current={['dossiers', 'dossier'].includes(view) ? 'page' : undefined}
                        onClick={() => navigate('dossiers')}>{t('myDossiers')}</button>
                <button type="button" className="link" id="declared-data" aria-current={view === 'declared' ? 'page' : undefined}
                        onClick={() => navigate('declared')}>{t('declaredTitle')}</button>
                <button type="button" className="link" id="who-read" aria-current={view === 'disclosures' ? 'page' : undefined}
                        onClick={() => navigate('disclosures')}>{t('whoRead')}</button>
                {desk ? <button type="button" className="link" id="sign-out-citizen" onClick={() => signOut(true)}>{t('changeCitizen')}</button> : null}
              </>
            ) : null}
            {session || desk ? (
              <button type="button" className="link" id="sign-out" onClick={() => signOut()}>{t(desk ? 'officerSignOut' : 'signOut')}</button>
            ) : null}
          </nav>
        </div></div>
        <p className="banner">{t('banner')}{session ? <> · <span id="signed-in">{t('signedInAs', { name: session.persona?.fullName })}</span></> : null}</p>
        {desk ? <DeskBanner t={t} desk={desk} citizen={session?.persona} /> : null}
      </header>
      <main id="main" tabIndex={-1}>
        {problem ? <p className="field-error" role="alert">{t('problem', { detail: problem })}</p> : null}
        {main}
      </main>
    </>
  );
}

function messageFor(t, e) {
  const message = e.message ?? '';
  if (/required property/.test(message)) return t('required');
  if (/^locked/.test(message)) return t('lockedChanged');
  if ((e.pointer ?? '').startsWith('/attachments/')) return t('slotRefused');
  return message.replace(/^: /, '');
}

createRoot(document.getElementById('app')).render(<App />);
