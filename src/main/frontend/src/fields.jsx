// How prefilled values look to a citizen: locked values as text with their source, conflicts as choices,
// addresses as province and commune pickers in the units of 2025.
import { ariaDescribedByIds } from '@rjsf/utils';
import { isDeclared, slotsOf } from './declared.jsx';
import { codeListOf, isAddress, resolve } from './pointers.js';

const DATE_PATTERN = '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$';
const FILLED = new Set(['PREFILLED', 'CONFLICT']);
const FAILED = new Set(['SOURCE_FAILED', 'NOT_CONSENTED']);

export function Badge({ entry, t }) {
  if (!entry?.source) return null;
  return (
    <span className="badge">
      {t('badge', { source: t.source(entry.source) })}
      {entry.asOf ? <> · {t('asOf', { date: t.date(entry.asOf) })}</> : null}
    </span>
  );
}

/** A value as a citizen reads it: labels for codes, dd/MM/yyyy for dates, the text of an address. */
export function display(value, node, name, ctx) {
  const { t, lists } = ctx;
  if (value === undefined || value === null || value === '') return t('notAnswered');
  if (isAddress(node)) return value.text || [value.street, lists.communes?.get(value.communeCode), lists.provinces?.get(value.provinceCode)].filter(Boolean).join(', ');
  if (Array.isArray(value)) {
    return value.map((item) => (typeof item === 'object'
      ? Object.entries(item).map(([, v]) => (typeof v === 'boolean' ? (v ? '★' : '') : v)).filter(Boolean).join(' – ')
      : String(item))).join('; ');
  }
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (node?.enum && t.has(`enum_${value}`)) return t(`enum_${value}`);
  const list = codeListOf(name, node);
  if (list && lists[list]?.get(value)) return `${lists[list].get(value)}`;
  if (node?.pattern === DATE_PATTERN || /date|issuedOn/i.test(name ?? '')) return t.date(value);
  if (typeof value === 'object') return Object.values(value).join(', ');
  return String(value);
}

function contextOf(registry) {
  return registry.formContext;
}

export function Flags({ entry, value, ctx }) {
  const { t } = ctx;
  const flags = entry?.flags ?? [];
  return (
    <>
      {flags.includes('CONVERTED_TO_2025_UNITS') && value?.legacy?.text
        ? <p className="flag" data-flag="CONVERTED_TO_2025_UNITS">{t('converted', { legacy: value.legacy.text })}</p> : null}
      {flags.includes('UNIT_UNKNOWN') ? <p className="flag" data-flag="UNIT_UNKNOWN">{t('unknownUnit')}</p> : null}
      {flags.includes('UNIT_PROVINCE_MISMATCH') ? <p className="flag" data-flag="UNIT_PROVINCE_MISMATCH">{t('provinceMismatch')}</p> : null}
    </>
  );
}

export function ConflictNote({ entry, ctx }) {
  const { t } = ctx;
  if (entry?.status !== 'CONFLICT') return null;
  return (
    <div className="conflict-note">
      <strong>{t('conflictTitle')}</strong>
      {(entry.alternatives ?? []).map((a, i) => (
        <p key={i}>{t('conflictLocked', { source: t.source(a.source), value: typeof a.value === 'object' ? a.value?.text : a.value, winner: t.source(entry.source) })}</p>
      ))}
    </div>
  );
}

function FieldErrors({ id, errors }) {
  if (!errors?.length) return null;
  return <p className="field-error" id={`${id}__error`}>{errors.join(' ')}</p>;
}

/** A value from an authoritative register: plain text, its source and date, never a disabled input. */
export function LockedField({ schema, formData, fieldPathId, name, uiSchema, registry }) {
  const ctx = contextOf(registry);
  const entry = uiSchema?.['ui:options']?.entry;
  const id = fieldPathId.$id;
  return (
    <div className="locked" id={id} tabIndex={-1} data-pointer={entry?.pointer} data-locked="true">
      <div className="locked-label" id={`${id}__label`}>{schema.title ?? name}</div>
      <div className="locked-value" aria-describedby={`${id}__source`}>{display(formData, schema, name, ctx)}</div>
      <div id={`${id}__source`}><Badge entry={entry} t={ctx.t} /></div>
      <ConflictNote entry={entry} ctx={ctx} />
    </div>
  );
}

function Select({ id, label, value, options, onChange, t, describedBy, required }) {
  return (
    <div className="form-group">
      <label htmlFor={id}>{label}{required ? <span aria-hidden="true">*</span> : null}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} aria-describedby={describedBy}>
        <option value="">{t('choose')}</option>
        {options.map(([code, text]) => <option key={code} value={code}>{text}</option>)}
      </select>
    </div>
  );
}

/** An address object: locked, as its text; otherwise province, then the communes of that province, then the street. */
export function AddressField({ schema, formData, fieldPathId, name, uiSchema, registry, onChange, errorSchema, required }) {
  const ctx = contextOf(registry);
  const { t, lists } = ctx;
  const entry = uiSchema?.['ui:options']?.entry;
  const id = fieldPathId.$id;
  const value = formData ?? {};
  const title = schema.title ?? name;
  const ambiguous = (entry?.flags ?? []).includes('UNIT_AMBIGUOUS') && Array.isArray(value.candidates);
  const set = (next) => onChange(next, fieldPathId.path);
  const ambiguousPicker = ambiguous ? (
    <fieldset className="choices" id={`${id}_communeCode`} tabIndex={-1}>
      <legend>{t('ambiguousLegend')}</legend>
      <p className="flag" data-flag="UNIT_AMBIGUOUS">{t('ambiguous')}</p>
      {value.candidates.map((c) => (
        <div className="choice" key={c.communeCode}>
          <input type="radio" id={`${id}_candidate_${c.communeCode}`} name={`${id}_candidate`} value={c.communeCode}
                 checked={value.communeCode === c.communeCode} onChange={() => set({ ...value, communeCode: c.communeCode })} />
          <label htmlFor={`${id}_candidate_${c.communeCode}`}>{c.name}</label>
        </div>
      ))}
    </fieldset>
  ) : null;

  if (entry?.locked && FILLED.has(entry.status)) {
    return (
      <div className="locked" id={id} tabIndex={-1} data-locked="true">
        <div className="locked-label">{title}</div>
        <div className="locked-value">{display(value, schema, name, ctx)}</div>
        <Badge entry={entry} t={t} />
        <Flags entry={entry} value={value} ctx={ctx} />
        {ambiguousPicker}
        <FieldErrors id={`${id}_communeCode`} errors={errorSchema?.communeCode?.__errors} />
      </div>
    );
  }
  const provinces = [...(lists.provinces ?? new Map())];
  const communes = [...(lists.communes ?? new Map())].filter(([code]) => lists.communeProvince?.get(code) === value.provinceCode);
  const compose = (next) => {
    const text = [next.street, lists.communes?.get(next.communeCode), lists.provinces?.get(next.provinceCode)].filter(Boolean).join(', ');
    const { legacy, candidates, districtCode, ...rest } = next;
    return { ...rest, country: 'VN', text: text || undefined };
  };
  const helpId = `${id}__help`;
  return (
    <fieldset className="address" id={id} tabIndex={-1}>
      <legend>{title}{required ? null : <Optional t={t} />}</legend>
      {entry && FILLED.has(entry.status) ? <p className="help" id={helpId}>{t('prefilledEditable', { source: t.source(entry.source) })} <Badge entry={entry} t={t} /></p> : null}
      {entry && FAILED.has(entry.status) ? <p className="help" id={helpId}>{t('failedHere', { source: t.short(entry.source) })}</p> : null}
      <Flags entry={entry} value={value} ctx={ctx} />
      <Select id={`${id}_provinceCode`} label={t('province')} value={value.provinceCode} options={provinces} t={t}
              onChange={(v) => set(compose({ ...value, provinceCode: v, communeCode: undefined }))} />
      <FieldErrors id={`${id}_provinceCode`} errors={errorSchema?.provinceCode?.__errors} />
      {ambiguous ? ambiguousPicker : (
        <Select id={`${id}_communeCode`} label={t('commune')} value={value.communeCode} options={communes} t={t}
                onChange={(v) => set(compose({ ...value, communeCode: v }))} />
      )}
      <FieldErrors id={`${id}_communeCode`} errors={errorSchema?.communeCode?.__errors} />
      <div className="form-group">
        <label htmlFor={`${id}_street`}>{t('street')}</label>
        <input id={`${id}_street`} type="text" value={value.street ?? ''} autoComplete="street-address"
               onChange={(e) => set(compose({ ...value, street: e.target.value || undefined }))} />
      </div>
      <FieldErrors id={`${id}_street`} errors={errorSchema?.street?.__errors} />
    </fieldset>
  );
}

/** A dropdown from a code list of the gateway. */
export function CodeListWidget({ id, value, required, onChange, options, registry }) {
  const { t, lists } = contextOf(registry);
  const list = lists[options.list] ?? new Map();
  return (
    <select id={id} className="form-control" value={value ?? ''} required={required}
            aria-describedby={ariaDescribedByIds(id, true)} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{t('choose')}</option>
      {[...list].map(([code, text]) => <option key={code} value={code}>{text}</option>)}
    </select>
  );
}

/** Two registries disagree on an editable value: the citizen picks one. */
export function ConflictWidget({ id, value, onChange, options, registry, schema }) {
  const { t } = contextOf(registry);
  const entry = options.entry;
  const choices = [{ value: entry.value, source: entry.source }, ...(entry.alternatives ?? [])];
  return (
    <fieldset className="choices" id={id} tabIndex={-1} aria-describedby={ariaDescribedByIds(id, true)}>
      <legend className="visually-hidden">{t('conflictChoose')}</legend>
      <p>{t('conflictTitle')}: {t('conflictChoose').toLowerCase()}</p>
      {choices.map((c, i) => (
        <div className="choice" key={i}>
          <input type="radio" id={`${id}_choice_${i}`} name={`${id}_choice`} checked={value === c.value}
                 onChange={() => onChange(c.value)} />
          <label htmlFor={`${id}_choice_${i}`}>{String(c.value)} <span className="muted">({t('conflictFrom', { source: t.source(c.source) })})</span></label>
        </div>
      ))}
    </fieldset>
  );
}

function TextButton(labelKey, className, prefix = '') {
  return function Button({ onClick, disabled, registry, id }) {
    return (
      <button type="button" id={id} className={`btn ${className}`} onClick={onClick} disabled={disabled}>
        {prefix}{registry.translateString(labelKey)}
      </button>
    );
  };
}

/** Array buttons that say what they do, in the page's language, rather than an icon. */
export const BUTTONS = {
  AddButton: TextButton('Add Item', 'btn-add', '+ '),
  RemoveButton: TextButton('Remove', 'btn-remove'),
  MoveUpButton: TextButton('Move up', 'btn-move'),
  MoveDownButton: TextButton('Move down', 'btn-move'),
  CopyButton: TextButton('Copy', 'btn-copy'),
};

/**
 * Whether a prefilled answer is shown in the list of prefilled answers rather than asked: a value from a register or
 * declared before, not opened for change (the pointers in open), not one the citizen must still choose (an editable
 * conflict, an address whose old commune became several).
 */
export function summarised(entry, node, open) {
  if (!entry || !FILLED.has(entry.status) || open.has(entry.pointer)) return false;
  if (entry.status === 'CONFLICT' && !entry.locked) return false;
  return !(isAddress(node) && (entry.flags ?? []).includes('UNIT_AMBIGUOUS'));
}

const ASKED_ELSEWHERE = { 'ui:widget': 'hidden', 'ui:field': 'elsewhere' };

/** A field shown in the list of prefilled answers, not in the questions. */
export function ElsewhereField() {
  return null;
}

/**
 * The uiSchema of a form given its prefill: the questions first (what the citizen must answer, then the rest no register
 * answered), the prefilled answers left out (the page lists them after the questions, see prefilled.jsx) unless opened
 * for change (the pointers in open), locked values with an error as text, pickers, dropdowns with a prompt, choices.
 */
export function uiSchemaOf(root, prefill, t, open = new Set()) {
  const fields = prefill?.fields ?? {};
  // what the citizen must answer: required, and no register nor earlier declaration gave it
  const mustAnswer = (raw, pointer, required) => {
    const node = resolve(root, raw) ?? {};
    if (node.type === 'object' && node.properties && !isAddress(node)) {
      return required && Object.entries(node.properties)
        .some(([key, child]) => mustAnswer(child, `${pointer}/${key}`, (node.required ?? []).includes(key)));
    }
    return required && !(fields[pointer] && FILLED.has(fields[pointer].status));
  };
  const walk = (raw, pointer, name) => {
    const node = resolve(root, raw) ?? {};
    const entry = fields[pointer] ? { ...fields[pointer], pointer } : undefined;
    if (summarised(entry, node, open)) return ASKED_ELSEWHERE;
    if (isAddress(node)) return { 'ui:field': 'address', 'ui:options': { entry } };
    if (node.type === 'object' && node.properties) {
      const ui = {};
      for (const [key, child] of Object.entries(node.properties)) ui[key] = walk(child, `${pointer}/${key}`, key);
      const keys = Object.keys(node.properties);
      if (keys.every((key) => ui[key] === ASKED_ELSEWHERE)) return ASKED_ELSEWHERE;
      const first = keys.filter((key) => mustAnswer(node.properties[key], `${pointer}/${key}`, (node.required ?? []).includes(key)));
      ui['ui:order'] = [...first, ...keys.filter((key) => !first.includes(key))];
      return ui;
    }
    if (entry?.locked && FILLED.has(entry.status)) return { 'ui:field': 'locked', 'ui:label': false, 'ui:options': { entry } };
    const declared = isDeclared(entry);
    const ui = {};
    const options = {};
    if (node.type === 'array' && node.items) {
      Object.assign(ui, { items: walk(node.items, `${pointer}/-`, '') });
      Object.assign(options, { orderable: false, copyable: false });
      ui['ui:description'] = t.has(`arrayHint_${name}`) ? t(`arrayHint_${name}`) : t('arrayHint');
    }
    if (entry?.status === 'CONFLICT') {
      ui['ui:widget'] = 'conflict';
      options.entry = entry;
    } else if (codeListOf(name, node)) {
      ui['ui:widget'] = 'codelist';
      options.list = codeListOf(name, node);
    }
    if (node.enum) {
      ui['ui:enumNames'] = node.enum.map((v) => (t.has(`enum_${v}`) ? t(`enum_${v}`) : String(v)));
      ui['ui:placeholder'] = t('choose');
    }
    if (declared) ui['ui:help'] = t('declaredEditable', { date: t.date(entry.asOf) });
    else if (entry?.status === 'PREFILLED') ui['ui:help'] = t('prefilledEditable', { source: t.source(entry.source) });
    if (entry && FAILED.has(entry.status)) ui['ui:help'] = t('failedHere', { source: t.short(entry.source) });
    if (Object.keys(options).length) ui['ui:options'] = options;
    return ui;
  };
  return walk(root, '', '');
}

/** "(không bắt buộc)" after the label of a question the citizen may leave empty, GOV.UK style, rather than "*" on the others. */
function Optional({ t }) {
  return <span className="optional"> {t('optional')}</span>;
}

/**
 * Every field: its label (marked when optional), hint, error and input, in that order (GOV.UK); a field listed among the
 * prefilled answers is not drawn at all.
 */
export function FieldTemplate({ id, classNames, style, label, children, errors, help, description, hidden, required, displayLabel,
  rawErrors, uiSchema, registry, schema }) {
  if (hidden) return null;
  const { t } = contextOf(registry);
  const checkbox = uiSchema?.['ui:widget'] === 'checkbox' || (schema.type === 'boolean' && !schema.enum && !uiSchema?.['ui:widget']);
  return (
    <div className={`form-group ${classNames ?? ''}${rawErrors?.length ? ' has-error' : ''}`} style={style}>
      {displayLabel && !checkbox && label ? <label className="control-label" htmlFor={id}>{label}{required ? null : <Optional t={t} />}</label> : null}
      {displayLabel && description ? description : null}
      {help}
      {errors}
      {children}
    </div>
  );
}

/** A section's or a list's heading: no "*" (a section is not a question); a list the citizen may leave empty says so. */
export function TitleFieldTemplate({ id, title, required, schema, registry }) {
  return <legend id={id}>{title}{schema?.type === 'array' && !required ? <Optional t={contextOf(registry).t} /> : null}</legend>;
}

/**
 * The schema as rendered: the page's own heading names the form, and the schemas' descriptions are notes in English.
 * The attachment slots are not data: the page draws them itself (AttachmentSlots) and files them apart.
 */
export function renderedSchema(schema) {
  const strip = (node) => {
    if (Array.isArray(node)) return node.map(strip);
    if (!node || typeof node !== 'object') return node;
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      if (['description', 'x-prefill', 'x-form', 'x-declare', 'x-attachment', '$id', '$schema'].includes(k)) continue;
      out[k] = strip(v);
    }
    return out;
  };
  const { title, ...rest } = strip(schema);
  if (slotsOf(schema).length) {
    const { attachments, ...properties } = rest.properties;
    rest.properties = properties;
    if (Array.isArray(rest.required)) rest.required = rest.required.filter((r) => r !== 'attachments');
  }
  return rest;
}
