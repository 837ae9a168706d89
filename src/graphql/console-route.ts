import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { PROJECT_ROOT } from '../config.ts';

/** Where `npm run console:build` (Vite) writes the console: console/dist. */
export const CONSOLE_DIST = join(PROJECT_ROOT, 'console', 'dist');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

// Everything the page loads comes from this server (no CDN); ECharts and Cytoscape set inline styles and draw
// on canvases, hence 'unsafe-inline' for styles and data:/blob: images (for chart downloads).
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The console's static files under /console. Hashed assets (/console/assets/<name>-<hash>.js) never change,
 * so they are cached for a year as immutable; index.html names the current hashes, so it is never cached.
 * Any other path under /console is the single page (its views are addressed by the URL fragment).
 * Returns false when the path is not the console's.
 */
export function serveConsole(req: IncomingMessage, res: ServerResponse, path: string, dist = CONSOLE_DIST): boolean {
  if (path !== '/console' && !path.startsWith('/console/')) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return true;
  }
  if (path === '/console') {
    res.writeHead(301, { location: '/console/' }).end();
    return true;
  }
  const rel = decodeURIComponent(path.slice('/console/'.length));
  const file = resolve(dist, rel);
  const inside = file.startsWith(resolve(dist) + sep);
  const isAsset = inside && rel.startsWith('assets/') && existsSync(file) && statSync(file).isFile();
  if (rel.startsWith('assets/') && !isAsset) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return true;
  }
  const target = isAsset ? file : join(dist, 'index.html');
  if (!existsSync(target)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('The console is not built: run `npm run console:build`.');
    return true;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    ...(isAsset ? {} : { 'content-security-policy': CSP, 'referrer-policy': 'no-referrer' }),
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(target).pipe(res);
  return true;
}
