// The prefilled answers, after the questions (GOV.UK and VA: ask only what is missing, then show what is known): one list,
// grouped by where the answers came from, one source line a group; expanded on a desktop, folded on a phone.
import { useState } from 'react';
import { isDeclared } from './declared.jsx';
import { ConflictNote, Flags, display, summarised } from './fields.jsx';
import { get, isAddress, pointerToId, resolve } from './pointers.js';

const WIDE = '(min-width: 40.0625rem)';

/** The answers listed here, in the form's order, each with its section (a top-level object's title). */
function rowsOf(root, prefill, data, open) {
  const fields = prefill?.fields ?? {};
  const rows = [];
  const walk = (raw, pointer, name, section) => {
    const node = resolve(root, raw) ?? {};
    const entry = fields[pointer] ? { ...fields[pointer], pointer } : undefined;
    if (summarised(entry, node, open)) {
      rows.push({ pointer, name, node, entry, section, title: node.title ?? name, value: get(data, pointer) });
      return;
    }
    if (node.type === 'object' && node.properties && !isAddress(node)) {
      for (const [key, child] of Object.entries(node.properties)) {
        walk(child, `${pointer}/${key}`, key, pointer ? section : { key, title: resolve(root, child)?.title });
      }
    }
  };
  walk(root, '', '', null);
  return rows;
}

/** Rows by source (what the citizen declared before being one source), in the order the sources first appear. */
function groupsOf(rows) {
  const groups = new Map();
  for (const row of rows) {
    const source = isDeclared(row.entry) ? 'declared' : row.entry.source;
    if (!groups.has(source)) groups.set(source, []);
    groups.get(source).push(row);
  }
  return [...groups.entries()];
}

/** Within a group, the rows of each section under its title (a row at the top level has none). */
function sectionsOf(rows) {
  const sections = [];
  for (const row of rows) {
    const last = sections[sections.length - 1];
    if (last && last.key === (row.section?.key ?? null)) last.rows.push(row);
    else sections.push({ key: row.section?.key ?? null, title: row.section?.title, rows: [row] });
  }
  return sections;
}

function SourceLine({ t, source, rows }) {
  const dates = [...new Set(rows.map((r) => r.entry.asOf).filter(Boolean))].map((d) => t.date(d));
  if (source === 'declared') return <h3 className="source-line">{t('knownDeclaredOn', { date: dates.join(', ') })}</h3>;
  return (
    <h3 className="source-line">
      {t('badge', { source: t.source(source) })}
      {dates.length ? <> · {t('asOf', { date: dates.join(', ') })}</> : null}
    </h3>
  );
}

function Row({ t, lists, row, onEdit }) {
  const id = pointerToId(row.pointer);
  const locked = !!row.entry.locked;
  return (
    <div className="summary-row" id={id} tabIndex={-1} data-pointer={row.pointer} data-locked={locked ? 'true' : undefined}
         data-declared={isDeclared(row.entry) ? 'true' : undefined}>
      <dt id={`${id}__label`}>{row.title}</dt>
      <dd>
        <span className="known-value">{display(row.value, row.node, row.name, { t, lists })}</span>
        <Flags entry={row.entry} value={row.value} ctx={{ t }} />
        <ConflictNote entry={row.entry} ctx={{ t }} />
      </dd>
      <dd className="summary-action">
        {locked ? null : (
          <button type="button" className="link-button" id={`${id}__change`} onClick={() => onEdit(row.pointer)}>
            {t('knownChange')}<span className="visually-hidden"> {row.title}</span>
          </button>
        )}
      </dd>
    </div>
  );
}

export function PrefilledAnswers({ t, lists, schema, prefill, data, open, onEdit }) {
  const [wide] = useState(() => window.matchMedia?.(WIDE).matches ?? true);
  const rows = rowsOf(schema, prefill, data, open);
  if (!rows.length) return null;
  return (
    <section className="prefilled" aria-labelledby="prefilled-title" id="prefilled">
      <h2 id="prefilled-title">{t('prefilledTitle')}</h2>
      <details open={wide} id="prefilled-details">
        <summary>{t('prefilledShow', { count: rows.length })}</summary>
        {groupsOf(rows).map(([source, group]) => (
          <div className="source-group" key={source} data-source={source}>
            <SourceLine t={t} source={source} rows={group} />
            {group.some((r) => r.entry.locked) ? <p className="help">{t('lockedGroupHint')}</p> : null}
            {sectionsOf(group).map((section) => (
              <div key={section.key ?? ''}>
                {section.title ? <h4 className="section-title">{section.title}</h4> : null}
                <dl className="summary-list">
                  {section.rows.map((row) => <Row key={row.pointer} t={t} lists={lists} row={row} onEdit={onEdit} />)}
                </dl>
              </div>
            ))}
          </div>
        ))}
      </details>
    </section>
  );
}
