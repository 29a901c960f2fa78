// The page is a client of the public API like any other front end: these calls are all it makes.
async function call(method, path, { token, body } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
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
  submit: (token, formId, data, prefillToken) =>
    call('POST', `/api/v1/forms/${encodeURIComponent(formId)}/submissions`, { token, body: { data, prefillToken } }),
  suggestions: (token) => call('GET', '/api/v1/me/suggestions', { token }),
  disclosures: (token) => call('GET', '/api/v1/me/disclosures?size=50', { token }),
};
