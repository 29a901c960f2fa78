// The page is a client of the public API like any other front end: these calls are all it makes.
async function call(method, path, { token, body, headers: extra } = {}) {
  const headers = { Accept: 'application/json, application/problem+json', ...extra };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    return { status: 0, body: { detail: String(e.message ?? e) } };
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { detail: text }; }
  return { status: response.status, body: json };
}

export const api = {
  personas: () => call('GET', '/api/v1/demo/personas'),
  signIn: (persona) => call('POST', '/api/v1/demo/tokens', { body: { persona } }),
  catalogue: () => call('GET', '/api/v1/forms'),
  schema: (formId) => call('GET', `/api/v1/forms/${encodeURIComponent(formId)}`),
  codeList: (name) => call('GET', `/api/v1/codelists/${encodeURIComponent(name)}`),
  prefill: (token, formId, actingFor) =>
    call('POST', `/api/v1/forms/${encodeURIComponent(formId)}/prefill`, { token, body: actingFor ? { actingFor } : {} }),
  // the same key on every try of one filing: a double click or a retry after a lost answer files once
  file: (token, formId, data, prefillToken, idempotencyKey) =>
    call('POST', `/api/v1/forms/${encodeURIComponent(formId)}/dossiers`,
      { token, body: { data, prefillToken }, headers: { 'Idempotency-Key': idempotencyKey } }),
  dossiers: (token, page, size) => call('GET', `/api/v1/me/dossiers?page=${page}&size=${size}`, { token }),
  dossier: (token, id) => call('GET', `/api/v1/me/dossiers/${encodeURIComponent(id)}`, { token }),
  suggestions: (token) => call('GET', '/api/v1/me/suggestions', { token }),
  disclosures: (token) => call('GET', '/api/v1/me/disclosures?size=50', { token }),
};

/** A new filing's Idempotency-Key: 32 random hex digits (visible ASCII, well under the gateway's 64). */
export function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `page-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
