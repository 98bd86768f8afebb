// Calls another service with fetch (traced by the undici instrumentation, which also injects
// the W3C traceparent header) and reads the JSON answer.
export async function callJson(url, { method = 'GET', json } = {}) {
  const res = await fetch(url, {
    method,
    headers: json === undefined ? {} : { 'content-type': 'application/json' },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

/** The URL of a downstream service from its env var, or a clear startup failure. */
export function requireUrl(name) {
  const url = process.env[name];
  if (!url) {
    console.error(`Missing ${name}: the URL of a service this one calls.`);
    process.exit(2);
  }
  return url.replace(/\/$/, '');
}
