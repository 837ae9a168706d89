// The credential the console sends, kept in sessionStorage: it lasts for the tab, not beyond it, and is never
// written anywhere else (no cookie, so no CSRF surface; the API reads it from a header).
const KEY = 'grec.console.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
