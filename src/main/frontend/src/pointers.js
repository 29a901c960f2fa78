// JSON Pointers of the gateway (/applicant/fullName) and the ids react-jsonschema-form gives fields (root_applicant_fullName).
export function pointerToId(pointer) {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return ['root', ...parts].join('_');
}

export function get(data, pointer) {
  let node = data;
  for (const part of pointer.split('/').slice(1)) {
    if (node == null) return undefined;
    node = node[part];
  }
  return node;
}

/** The ErrorSchema rjsf shows at each field, from the problem's errors. */
export function errorSchemaOf(errors, messageOf) {
  const out = {};
  for (const e of errors) {
    let node = out;
    for (const part of (e.pointer || '').split('/').slice(1)) {
      node[part] = node[part] ?? {};
      node = node[part];
    }
    node.__errors = [...(node.__errors ?? []), messageOf(e)];
  }
  return out;
}

export function resolve(root, node) {
  if (node && typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
    const target = get(root, node.$ref.slice(1));
    const { $ref, ...rest } = node;
    return { ...target, ...rest };
  }
  return node;
}

export function isAddress(node) {
  return node?.type === 'object' && node.properties?.provinceCode && node.properties?.communeCode;
}

/** The code list behind a field: the binding's codelist: transform, else a field the forms always draw from a list. */
const LISTS_BY_NAME = { ethnicity: 'ethnicity', nationality: 'countries', religion: 'religion' };
export function codeListOf(name, node) {
  const bindings = [].concat(node?.['x-prefill'] ?? []);
  for (const b of bindings) {
    const m = /^codelist:(.+)$/.exec(b.transform ?? '');
    if (m) return m[1];
  }
  return node?.type === 'string' && !node.enum ? LISTS_BY_NAME[name] : undefined;
}
