import { createAdminClient } from './admin-client.ts';
import { byId, h } from './dom.ts';
import { createSessionPicker } from './session-picker.ts';
import { createTokenPrompt } from './token-dialog.ts';

/** The part of Swagger UI's global the page uses (from `swagger-ui-bundle.js`, served by the mock). */
declare const SwaggerUIBundle: (options: {
  spec: unknown;
  dom_id: string;
  validatorUrl: null;
  deepLinking: boolean;
  tryItOutEnabled: boolean;
  supportedSubmitMethods: readonly string[];
}) => unknown;

/**
 * The API reference page (`GET /__admin/ui/reference?vendor=<name>`): the vendor's spec as this server
 * serves it (`GET /__admin/openapi/<vendor>.json`, `servers` pointing here, so "Try it out" calls the
 * mock), drawn by Swagger UI. The spec is fetched with the admin token and handed over as an object;
 * Swagger UI's online validator is off, so nothing leaves this origin.
 *
 * @see https://github.com/swagger-api/swagger-ui/blob/master/docs/usage/configuration.md
 */
async function start(): Promise<void> {
  const client = createAdminClient(createTokenPrompt());
  // In a session, the served spec's servers point at the session's base URL: "Try it out" lands there.
  const picker = createSessionPicker(client, () => location.reload());
  const pickerStarted = picker.start();
  const select = byId('reference-vendor', HTMLSelectElement);
  const connection = byId('connection', HTMLParagraphElement);
  const { vendors } = await client.call<{ vendors: string[] }>('GET', '');
  const wanted = new URLSearchParams(location.search).get('vendor');
  const vendor = wanted !== null && vendors.includes(wanted) ? wanted : (vendors[0] ?? '');
  select.replaceChildren(...vendors.map((name) => h('option', { value: name, selected: name === vendor }, name)));
  await pickerStarted;
  const spec = await client.call('GET', `/openapi/${vendor}.json`);
  SwaggerUIBundle({
    spec: inlineParameters(spec as SpecDocument),
    dom_id: '#reference',
    validatorUrl: null,
    deepLinking: false,
    tryItOutEnabled: false,
    supportedSubmitMethods: ['get', 'put', 'post', 'delete', 'patch'],
  });
  // Swagger UI leaves its server picker without a label (an unnamed control to a screen reader).
  const labelServers = (): void => {
    const servers = document.getElementById('servers');
    if (servers && !servers.hasAttribute('aria-label')) servers.setAttribute('aria-label', 'Server');
  };
  new MutationObserver(labelServers).observe(byId('reference', HTMLDivElement), { childList: true, subtree: true });
  connection.textContent = `${vendor} reference`;
}

start().catch((error: unknown) => {
  const connection = document.getElementById('connection');
  if (connection) connection.textContent = `error: ${(error as Error).message}`;
});

interface SpecDocument {
  readonly paths?: Record<string, Record<string, unknown>>;
  readonly components?: { readonly parameters?: Record<string, unknown> };
}

/**
 * The spec with each `$ref` to `#/components/parameters/…` in a `parameters` list replaced by the
 * parameter itself: Swagger UI 5 draws such references of an OpenAPI 3.1 document as unnamed `any`
 * fields, so "Try it out" could not fill the brand or the AppId.
 */
function inlineParameters(spec: SpecDocument): SpecDocument {
  const components = spec.components?.parameters ?? {};
  const inline = (list: unknown): unknown =>
    Array.isArray(list)
      ? list.map((parameter: { $ref?: unknown }) => {
          const name = typeof parameter?.$ref === 'string' ? /^#\/components\/parameters\/(.+)$/.exec(parameter.$ref)?.[1] : undefined;
          return name !== undefined && components[name] !== undefined ? components[name] : parameter;
        })
      : list;
  const paths = Object.fromEntries(
    Object.entries(spec.paths ?? {}).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([key, value]) =>
          key === 'parameters'
            ? [key, inline(value)]
            : [
                key,
                typeof value === 'object' && value !== null && 'parameters' in value
                  ? { ...value, parameters: inline(value.parameters) }
                  : value,
              ],
        ),
      ),
    ]),
  );
  return { ...spec, paths };
}
