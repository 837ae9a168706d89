import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Headers that prove a request was not a browser's "simple" cross-site request: a page can only send them
 * after a CORS preflight, which an unlisted origin fails. Bearer tokens and API keys count.
 */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'authorization', 'x-api-key'] as const;

/**
 * yoga's CSRF prevention: a GET, or a POST a page can send without a preflight (form-encoded, multipart,
 * text/plain), must carry one of CSRF_HEADERS; JSON POSTs are preflighted and pass. The plugin's refusal
 * ("Required CSRF header(s) not present", no code) is re-raised as a coded 403 that says what to send.
 */
export function useCsrfHeader(): Plugin {
  const csrf = useCSRFPrevention({ requestHeaders: [...CSRF_HEADERS] });
  const check = csrf.onRequestParse;
  return {
    onRequestParse(payload) {
      try {
        return check?.(payload);
      } catch {
        throw createGraphQLError(`CSRF protection: a GET, or a form, multipart or text/plain POST, must carry one of the headers ${CSRF_HEADERS.join(', ')}`, {
          extensions: { code: 'BAD_REQUEST', http: { status: 403 } },
        });
      }
    },
  };
}
