// The page is a client of the public API like any other front end: these calls are all it makes.

// At a one-stop desk the officer's token is the caller and the citizen's, signed in beside them, rides along:
// every call made with a citizen's token then sends both (the request runs as the citizen's).
let officerToken = null;

/** The desk's officer signed in (their token), or signed out (null): from now on every citizen's call says so. */
export function atDesk(token) {
  officerToken = token;
}

async function call(method, path, { token, body, headers: extra } = {}) {
  const headers = { Accept: 'application/json, application/problem+json', ...extra };
  if (token && officerToken) {
    headers.Authorization = `Bearer ${officerToken}`;
    headers['X-Citizen-Authorization'] = `Bearer ${token}`;
  } else if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
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
  // the demo desk's officer (roles OFFICER, with the desk in desk: {officer, unit, unitName})
  signInOfficer: () => call('POST', '/api/v1/demo/tokens', { body: { officer: true } }),
  catalogue: () => call('GET', '/api/v1/forms'),
  schema: (formId) => call('GET', `/api/v1/forms/${encodeURIComponent(formId)}`),
  codeList: (name) => call('GET', `/api/v1/codelists/${encodeURIComponent(name)}`),
  prefill: (token, formId, actingFor) =>
    call('POST', `/api/v1/forms/${encodeURIComponent(formId)}/prefill`, { token, body: actingFor ? { actingFor } : {} }),
  // the same key on every try of one filing: a double click or a retry after a lost answer files once
  // declare ({keep}) only on a form with fields declared once; attachments (pointer → {documentRef}) only when chosen
  file: (token, formId, data, prefillToken, idempotencyKey, { declare, attachments } = {}) =>
    call('POST', `/api/v1/forms/${encodeURIComponent(formId)}/dossiers`,
      { token, body: { data, prefillToken, declare, attachments }, headers: { 'Idempotency-Key': idempotencyKey } }),
  dossiers: (token, page, size) => call('GET', `/api/v1/me/dossiers?page=${page}&size=${size}`, { token }),
  dossier: (token, id) => call('GET', `/api/v1/me/dossiers/${encodeURIComponent(id)}`, { token }),
  suggestions: (token) => call('GET', '/api/v1/me/suggestions', { token }),
  profile: (token) => call('GET', '/api/v1/me/profile', { token }),
  eraseDeclared: (token, key) => call('DELETE', `/api/v1/me/profile/${encodeURIComponent(key)}`, { token }),
  eraseAllDeclared: (token) => call('DELETE', '/api/v1/me/profile', { token }),
  // stage FILING or RESULT, score 1–5, items {easy, time, staff} and comment optional
  rate: (token, id, rating) => call('POST', `/api/v1/me/dossiers/${encodeURIComponent(id)}/rating`, { token, body: rating }),
  disclosures: (token) => call('GET', '/api/v1/me/disclosures?size=50', { token }),
};

/** A new filing's Idempotency-Key: 32 random hex digits (visible ASCII, well under the gateway's 64). */
export function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `page-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
