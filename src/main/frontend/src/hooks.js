import { useEffect, useRef } from 'react';

/** A ref to put on a view's heading (or an alert): it takes the focus each time dep changes, as a new view would. */
export function useFocusOnChange(dep, enabled = true) {
  const ref = useRef(null);
  useEffect(() => { if (enabled) ref.current?.focus(); }, [dep, enabled]);
  return ref;
}
