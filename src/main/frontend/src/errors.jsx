// The page's error summary (GOV.UK's): at the top of what went wrong, focused, each line a link to its field.
import { useFocusOnChange } from './hooks.js';

export function ErrorSummary({ t, errors, onPick, focusKey, id = 'error-summary' }) {
  const ref = useFocusOnChange(focusKey);
  if (!errors.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby={`${id}-title`} tabIndex={-1} ref={ref} id={id}>
      <h2 id={`${id}-title`}>{t('errorSummary')}</h2>
      <ul>
        {errors.map((e, i) => (
          <li key={i}><a href={`#${e.id}`} onClick={(ev) => { ev.preventDefault(); onPick(e.id); }}>{e.label ? `${e.label}: ` : ''}{e.message}</a></li>
        ))}
      </ul>
    </div>
  );
}

export function focusField(id, firstInput = false) {
  const target = document.getElementById(id)
    ?? document.querySelector(`[id^="${id}_"]`)
    ?? document.getElementById(id.split('_').slice(0, -1).join('_'));
  if (!target) return;
  const folded = target.closest('details:not([open])');
  if (folded) folded.open = true;
  // opened for change, a group of inputs (an address) gives the focus to its first input
  const input = firstInput && !/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) ? (target.querySelector('input, select, textarea') ?? target) : target;
  input.scrollIntoView({ block: 'center' });
  input.focus({ preventScroll: true });
}
