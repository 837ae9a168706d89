import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServices } from '../../src/app.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { CONSOLE_DIST } from '../../src/graphql/console-route.ts';
import { closeHttpServer, createHttpServer } from '../../src/graphql/server.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { bearer, createTestApi, type Gql } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';
import { writeConsoleShop } from './console-shop.ts';
import type { Role } from '../../src/domain/principal.ts';

// Browser tests drive Debian's `chromium` (or GREC_CHROMIUM / CHROME_PATH) through playwright-core: no browser
// download. Without one they skip, saying why; `.ci/run` installs it.
const CANDIDATES = [process.env['GREC_CHROMIUM'], process.env['CHROME_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
export const CHROMIUM: string | undefined = CANDIDATES.find((p): p is string => p !== undefined && p !== '' && existsSync(p));
if (CHROMIUM === undefined) {
  process.stderr.write('console browser tests skipped: no Chromium found (apt-get install chromium, or set GREC_CHROMIUM)\n');
}

export const SCREENSHOTS = join(PROJECT_ROOT, 'docs', 'console');

/** The built console: `npm test` builds it first (pretest); a bare `vitest run` builds it here when missing. */
export function ensureConsoleBuilt(): void {
  if (existsSync(join(CONSOLE_DIST, 'index.html'))) return;
  execFileSync('npm', ['run', '--silent', 'console:build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}

/** The raw token of a role (what a person pastes into the console's token field). */
export function tokenOf(role: Role, subject?: string): string {
  return (bearer(role, subject)['authorization'] ?? '').replace(/^Bearer /, '');
}

export interface ConsoleServer { readonly url: string; readonly gql: Gql; close(): Promise<void> }

/** The real HTTP server (console files, /graphql) over the test graph, on a free port. */
export async function startConsoleServer(graph: GraphConnection): Promise<ConsoleServer> {
  ensureConsoleBuilt();
  const { api, gql } = createTestApi(graph);
  const server: Server = createHttpServer(api, createServices(graph));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url, gql, close: () => closeHttpServer(server, 1000) };
}

export async function launchBrowser(): Promise<Browser> {
  if (CHROMIUM === undefined) throw new Error('no Chromium');
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage', '--font-render-hinting=none'] });
}

/** Opens the console and signs in through the token field, as a person would. */
export async function signIn(page: Page, url: string, token: string, route = ''): Promise<void> {
  // Fail fast with the locator named, rather than at the test's timeout.
  page.setDefaultTimeout(15_000);
  await page.goto(`${url}/console/${route}`);
  await page.getByLabel('Token or API key').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('role').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A console test's world: the graph with the console shop, the real server, Chromium and one signed-in page. */
export interface ConsoleSession {
  readonly graph: GraphConnection;
  readonly server: ConsoleServer;
  readonly browser: Browser;
  readonly page: Page;
}

/**
 * Opens the console shop (writeConsoleShop) behind the real server, runs `prepare` for the file's own data,
 * then signs a 1280 x 800 page in as an analyst at `route`. Close it with closeConsole in afterAll.
 */
export async function openConsole(route: string, prepare?: (graph: GraphConnection, server: ConsoleServer) => Promise<void>): Promise<ConsoleSession> {
  const graph = await openTestGraph();
  const server = await startConsoleServer(graph);
  await writeConsoleShop(graph, server.gql);
  await prepare?.(graph, server);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signIn(page, server.url, tokenOf('analyst'), route);
  return { graph, server, browser, page };
}

export async function closeConsole(s: ConsoleSession | undefined): Promise<void> {
  await s?.browser.close();
  await s?.server.close();
  await s?.graph.close();
}
