// The page's own check before "Tiếp tục": the required answers left empty (the gateway checks the rest when filing).
import { codeListOf, isAddress, resolve } from './pointers.js';

function empty(value) {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)
    || (typeof value === 'object' && !Array.isArray(value) && !Object.values(value).some((v) => !empty(v)));
}

function keyOf(node, name) {
  if (node.type === 'array') return 'requiredAdd';
  return node.enum || codeListOf(name, node) ? 'requiredChoose' : 'requiredEnter';
}

/**
 * Each required answer left empty, as {pointer, key} (key: the message in strings.js), in the form's order. A section
 * the citizen may leave out is checked only once something in it is answered.
 */
export function missingAnswers(schema, data) {
  const out = [];
  const walk = (raw, value, pointer) => {
    const node = resolve(schema, raw);
    if (!node || typeof node !== 'object') return;
    if (isAddress(node) && empty(value)) return;
    if (node.type === 'object' && node.properties) {
      for (const [key, prop] of Object.entries(node.properties)) {
        const child = resolve(schema, prop) ?? {};
        const v = value?.[key];
        const required = (node.required ?? []).includes(key);
        if (required && isAddress(child) && empty(v)) out.push({ pointer: `${pointer}/${key}/provinceCode`, key: 'requiredChoose' });
        else if (required && empty(v) && !(child.type === 'object' && child.properties)) out.push({ pointer: `${pointer}/${key}`, key: keyOf(child, key) });
        else if (required || !empty(v)) walk(child, v ?? {}, `${pointer}/${key}`);
      }
    } else if (node.type === 'array' && Array.isArray(value)) {
      value.forEach((item, i) => walk(node.items, item, `${pointer}/${i}`));
    }
  };
  walk(schema, data ?? {}, '');
  return out;
}
