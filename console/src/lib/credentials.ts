// The console accepts either credential the API does: a JWT (sent as a Bearer token) or an API key
// (`grec_<id>_<secret>`, sent as X-API-Key). Sending both is refused by the API, so exactly one header goes.
export function credentialHeaders(token: string | null): Record<string, string> {
  const t = token?.trim() ?? '';
  if (t === '') return {};
  return t.startsWith('grec_') ? { 'x-api-key': t } : { authorization: `Bearer ${t}` };
}
