import type { AttributeValue } from '../trace/span';

const SECRET_KEYS = [/authorization/i, /cookie/i, /api[-_.]?key/i, /password/i, /secret/i, /token/i];

/** Whether an attribute's value must not appear in output: credentials, cookies, configured keys. */
export function isSecretKey(key: string, extra: readonly (string | RegExp)[] = []): boolean {
  return [...SECRET_KEYS, ...extra].some((rule) => (typeof rule === 'string' ? rule === key : rule.test(key)));
}

export function redactValue(key: string, value: AttributeValue, extra?: readonly (string | RegExp)[]): AttributeValue {
  return isSecretKey(key, extra) ? '[redacted]' : value;
}
