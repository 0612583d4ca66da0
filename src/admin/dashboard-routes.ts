import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REQUEST_LIMITS, requestTargetLength } from '../limits/request-limits.ts';
import { toAnswerFor, toRoutingMethod } from '../routing/head-method.ts';
import { findPackageRoot } from '../spec/load-specs.ts';
import { renderDashboardPage, renderReferencePage } from './dashboard-pages.ts';

/** Where the dashboard lives; a browser asking for `/` is sent here. */
export const DASHBOARD_PATH = '/__admin/ui';

/**
 * Everything a page may load comes from this server: the browser refuses any other origin, so the
 * dashboard works (and is seen to work) on an air-gapped machine. Swagger UI sets inline styles.
 *
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy
 */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
} as const;

type AssetSource = 'build' | 'swagger-ui-dist';

/** The files the pages load, by name: nothing else is read from disk (no path from the URL reaches it). */
const ASSETS: Readonly<Record<string, { readonly source: AssetSource; readonly type: string }>> = {
  'dashboard.js': { source: 'build', type: 'text/javascript; charset=utf-8' },
  'dashboard.css': { source: 'build', type: 'text/css; charset=utf-8' },
  'reference.js': { source: 'build', type: 'text/javascript; charset=utf-8' },
  'swagger-ui-bundle.js': { source: 'swagger-ui-dist', type: 'text/javascript; charset=utf-8' },
  'swagger-ui.css': { source: 'swagger-ui-dist', type: 'text/css; charset=utf-8' },
};

const cache = new Map<string, Promise<string | undefined>>();

/**
 * The dashboard's routes, open without the admin token (the pages hold no data: they ask for the
 * token and read everything through the admin API): `GET /__admin/ui` (the dashboard),
 * `GET /__admin/ui/reference?vendor=<name>` (the API reference, rendered by Swagger UI from
 * `GET /__admin/openapi/<vendor>.json`), `GET /__admin/ui/assets/<file>`; and `GET /` from a browser
 * (`Accept: text/html`), sent to the dashboard. Anything else is not ours: `undefined`.
 *
 * @see ../../docs/guides/dashboard.md
 */
export async function serveDashboard(request: Request): Promise<Response | undefined> {
  if (toRoutingMethod(request.method) !== 'GET') return undefined;
  const url = new URL(request.url);
  // Past the request target limit: not ours either, so the admin API's 414 answers it.
  if (requestTargetLength(url) > REQUEST_LIMITS.maxUrlLength) return undefined;
  const response = await answerDashboard(request, url.pathname);
  return response && toAnswerFor(request, response);
}

async function answerDashboard(request: Request, pathname: string): Promise<Response | undefined> {
  if (pathname === '/')
    return (request.headers.get('accept') ?? '').includes('text/html')
      ? new Response(null, { status: 303, headers: { location: DASHBOARD_PATH } })
      : undefined;
  const path = pathname.replace(/\/+$/, '');
  if (path === DASHBOARD_PATH) return page(renderDashboardPage());
  if (path === `${DASHBOARD_PATH}/reference`) return page(renderReferencePage(findSwaggerUi() !== undefined));
  if (!path.startsWith(`${DASHBOARD_PATH}/`)) return undefined;
  const name = path.slice(`${DASHBOARD_PATH}/assets/`.length);
  const asset = path.startsWith(`${DASHBOARD_PATH}/assets/`) ? ASSETS[name] : undefined;
  const body = asset ? await readAsset(name, asset.source) : undefined;
  if (!asset || !body) {
    const hint = asset?.source === 'build' ? ' (run `npm run build`)' : '';
    return new Response(`Not found: ${path}${hint}\n`, { status: 404, headers: { ...PAGE_HEADERS, 'content-type': 'text/plain' } });
  }
  return new Response(body, { status: 200, headers: { ...PAGE_HEADERS, 'content-type': asset.type } });
}

function page(html: string): Response {
  return new Response(html, { status: 200, headers: { ...PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8' } });
}

/** Reads an asset once; a missing file stays missing until the server restarts (after a build). */
function readAsset(name: string, source: AssetSource): Promise<string | undefined> {
  let read = cache.get(name);
  if (!read) {
    const directory = source === 'build' ? join(findPackageRoot(), 'dist', 'ui') : findSwaggerUi();
    read = directory === undefined ? Promise.resolve(undefined) : readFile(join(directory, name), 'utf8').catch(() => undefined);
    cache.set(name, read);
  }
  return read;
}

/**
 * The folder of the optional dependency `swagger-ui-dist`, resolved as Node resolves it from this
 * package (so a user's hoisted copy is found), or `undefined` when it is not installed.
 *
 * @see https://www.npmjs.com/package/swagger-ui-dist
 */
function findSwaggerUi(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  } catch {
    return undefined;
  }
}
