// The citizen's verdict on a dossier, GOV.UK's done-page pattern: one question first ("Bạn có hài lòng…?"), which is
// enough to send; what else the citizen may tell (how easy, how long, the desk's officer, a comment) below it, optional.
import { useEffect, useState } from 'react';

import { api } from './api.js';
import { ErrorSummary, focusField } from './errors.jsx';
import { useFocusOnChange } from './hooks.js';

const SCALE = [5, 4, 3, 2, 1];
// staff only for a dossier filed at a desk: the gateway refuses it online
const ITEMS = ['easy', 'time', 'staff'];
export const COMMENT_MAX = 1200;

/** A 1–5 choice as a radio group in a fieldset, its question the legend; the first radio's id is `${name}-5`. */
function Scale({ t, name, legend, labels, value, onChange, error, small }) {
  return (
    <div className={`form-group${error ? ' has-error' : ''}`}>
      <fieldset className={`choices scale${small ? ' scale-small' : ''}`} id={name} aria-describedby={error ? `${name}-error` : undefined}>
        <legend className={small ? 'legend-small' : undefined}>{legend}</legend>
        {error ? <p className="field-error" id={`${name}-error`}>{error}</p> : null}
        {SCALE.map((v) => (
          <div className="choice" key={v}>
            <input type="radio" name={name} id={`${name}-${v}`} value={v} checked={value === v} onChange={() => onChange(v)} />
            <label htmlFor={`${name}-${v}`}>{t(`${labels}${v}`)}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** GOV.UK's character count: how many are left (or too many), shown under the box and told politely. */
function CharacterCount({ t, id, length }) {
  const left = COMMENT_MAX - length;
  const text = left >= 0 ? t('ratingCharsLeft', { n: t.number(left) }) : t('ratingCharsOver', { n: t.number(-left) });
  return <p className={`help${left < 0 ? ' field-error' : ''}`} id={id} aria-live="polite">{text}</p>;
}

function messageOf(t, e, stage) {
  const pointer = e.pointer ?? '';
  if (pointer === '/score') return t(`ratingChoose_${stage}`);
  if (pointer.startsWith('/items/')) return t('ratingChooseItem');
  if (pointer === '/comment') return t('ratingCommentLong');
  return e.message ?? e.detail;
}

/** The form for one stage of one dossier; in its place, once sent, the thanks. */
export function Rating({ t, session, dossier, stage }) {
  const base = `rating-${stage.toLowerCase()}`;
  const desk = dossier.channel === 'DESK';
  const [score, setScore] = useState(null);
  const [items, setItems] = useState({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const thanks = useFocusOnChange(sent, sent);
  const idOf = (pointer) => (pointer.startsWith('/items/') ? `${base}-${pointer.slice(7)}-5`
    : pointer === '/comment' ? `${base}-comment` : `${base}-score-5`);
  const fail = (list) => { setErrors(list); setAttempt((n) => n + 1); };

  const send = async (e) => {
    e.preventDefault();
    if (busy) return;
    const missing = [];
    if (score === null) missing.push({ pointer: '/score', id: idOf('/score'), message: t(`ratingChoose_${stage}`) });
    if (comment.length > COMMENT_MAX) missing.push({ pointer: '/comment', id: idOf('/comment'), message: t('ratingCommentLong') });
    if (missing.length) { fail(missing); return; }
    const chosen = Object.fromEntries(Object.entries(items).filter(([key]) => desk || key !== 'staff'));
    setBusy(true);
    const r = await api.rate(session.token, dossier.dossierId, {
      stage, score, items: Object.keys(chosen).length ? chosen : undefined, comment: comment.trim() ? comment : undefined });
    setBusy(false);
    if (r.status === 201) { setErrors([]); setSent(true); return; }
    const code = String(r.body?.type ?? '').split('/').pop();
    if (r.status === 409) {
      fail([{ pointer: '', id: idOf('/score'), message: t(code === 'result-not-ready' ? 'ratingNotReady' : 'ratingAlready') }]);
      return;
    }
    const list = r.body?.errors?.length ? r.body.errors : [{ pointer: '', message: r.body?.detail ?? String(r.status) }];
    fail(list.map((x) => ({ pointer: x.pointer ?? '', id: idOf(x.pointer ?? ''), message: messageOf(t, x, stage) })));
  };

  if (sent) {
    return (
      <div className="notification rating-thanks" id={`${base}-thanks`} data-stage={stage}>
        <h2 tabIndex={-1} ref={thanks}>{t('ratingThanksTitle')}</h2>
        <p>{t('ratingThanks')}</p>
      </div>
    );
  }
  const errorAt = (pointer) => errors.filter((x) => x.pointer === pointer).map((x) => x.message).join(' ');
  const commentError = errorAt('/comment');
  return (
    <section className="rating" id={base} data-stage={stage} aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{t(`ratingTitle_${stage}`)}</h2>
      <ErrorSummary t={t} id={`${base}-errors`} errors={errors} onPick={focusField} focusKey={attempt} />
      <form onSubmit={send} noValidate>
        <Scale t={t} name={`${base}-score`} legend={t(`ratingQuestion_${stage}`)} labels="ratingScore_" value={score}
               onChange={setScore} error={errorAt('/score')} />
        <h3 id={`${base}-more`}>{t('ratingMore')}</h3>
        {ITEMS.filter((key) => desk || key !== 'staff').map((key) => (
          <Scale key={key} t={t} name={`${base}-${key}`} legend={t(`ratingItem_${key}`)} labels="ratingLevel_" small
                 value={items[key] ?? null} onChange={(v) => setItems((all) => ({ ...all, [key]: v }))} error={errorAt(`/items/${key}`)} />
        ))}
        <div className={`form-group${commentError ? ' has-error' : ''}`}>
          <label htmlFor={`${base}-comment`}>{t('ratingComment')}</label>
          <p className="help" id={`${base}-comment-hint`}>{t('ratingCommentHint')}</p>
          {commentError ? <p className="field-error" id={`${base}-comment-error`}>{commentError}</p> : null}
          <textarea id={`${base}-comment`} rows={4} value={comment} onChange={(e) => setComment(e.target.value)}
                    aria-invalid={commentError ? 'true' : undefined}
                    aria-describedby={`${base}-comment-hint ${base}-comment-count${commentError ? ` ${base}-comment-error` : ''}`} />
          <CharacterCount t={t} id={`${base}-comment-count`} length={comment.length} />
        </div>
        <button type="submit" className="button" id={`${base}-send`} disabled={busy}>{t('ratingSend')}</button>
      </form>
    </section>
  );
}

/**
 * The question for a stage, asked when the dossier's view says it may be rated now (canRate) and not rated yet; once
 * asked it stays (its thanks too) while the citizen is on the page, whatever a later reading of the dossier says.
 */
export function RatingWhenAsked({ t, session, dossier, stage }) {
  const [asked, setAsked] = useState(false);
  const askable = !!dossier?.canRate?.includes(stage);
  useEffect(() => { if (askable) setAsked(true); }, [askable]);
  return asked || askable ? <Rating t={t} session={session} dossier={dossier} stage={stage} /> : null;
}
