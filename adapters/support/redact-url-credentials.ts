/**
 * Replaces the user info of a URL (or of a spec holding one) with `***`: URLs end up in error
 * messages, and passwords must not.
 * @example redactUrlCredentials('jaeger+https://ann:hunter2@host') // 'jaeger+https://***@host'
 */
export function redactUrlCredentials(text: string): string {
  return text.replace(/\/\/[^/@]*@/, '//***@');
}
