/**
 * The dashboard's two HTML pages. They hold no data and no secrets (they are served without the admin
 * token): the scripts they load read everything through the admin API, asking for the token once.
 * The element ids are what `src/ui/` binds to.
 *
 * @see ../../docs/guides/dashboard.md
 */
const HEAD = `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/__admin/ui/assets/dashboard.css">
<link rel="icon" href="data:,">`;

const HEADER = (current: 'dashboard' | 'reference') => `<header class="top">
  <p class="brand">esp-cancel-mock</p>
  <nav aria-label="Pages">
    <a href="/__admin/ui"${current === 'dashboard' ? ' aria-current="page"' : ''}>Dashboard</a>
    <a href="/__admin/ui/reference"${current === 'reference' ? ' aria-current="page"' : ''}>API reference</a>
  </nav>
  <div class="field session-picker" hidden><label for="session">Session</label> <select id="session"></select></div>
  <p id="connection" class="connection" role="status">connecting…</p>
</header>`;

const TOKEN_DIALOG = `<dialog id="token-dialog" aria-labelledby="token-title">
  <form method="dialog" id="token-form">
    <h2 id="token-title">Admin token</h2>
    <p id="token-reason">This server was started with <code>--admin-token</code>. The token is kept for this browser tab only.</p>
    <label for="token-input">Token</label>
    <input id="token-input" name="token" type="password" autocomplete="off" required>
    <div class="actions"><button type="submit">Use token</button></div>
  </form>
</dialog>`;

/** `GET /__admin/ui`: live traffic, state, force, clock and faults. */
export function renderDashboardPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
${HEAD}
<title>esp-cancel-mock dashboard</title>
<script type="module" src="/__admin/ui/assets/dashboard.js"></script>
</head>
<body>
${HEADER('dashboard')}
<main>
<h1>Dashboard</h1>
<section aria-labelledby="traffic-title" class="panel">
  <h2 id="traffic-title">Live traffic</h2>
  <form class="filters" id="traffic-filters" aria-label="Filter traffic">
    <div class="field"><label for="filter-vendor">Vendor</label> <select id="filter-vendor"><option value="">all</option></select></div>
    <div class="field"><label for="filter-operation">Operation</label> <select id="filter-operation"><option value="">all</option></select></div>
    <div class="field"><label for="filter-status">Status</label> <select id="filter-status">
      <option value="">all</option><option value="2">2xx</option><option value="3">3xx</option>
      <option value="4">4xx</option><option value="5">5xx</option>
    </select></div>
    <button type="button" id="traffic-clear">Clear journal</button>
  </form>
  <p id="traffic-count" class="hint" aria-live="polite"></p>
  <table class="traffic">
    <caption class="visually-hidden">Exchanges, newest first; open one to see its request, response and validation issues</caption>
    <thead><tr><th scope="col">Time</th><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Vendor</th><th scope="col">Operation</th><th scope="col">Status</th><th scope="col">ms</th></tr></thead>
    <tbody id="traffic-rows"></tbody>
  </table>
</section>
<section aria-labelledby="force-title" class="panel">
  <h2 id="force-title">Force an answer</h2>
  <form id="force-form" class="grid-form">
    <div class="field"><label for="force-operation">Operation to force</label> <select id="force-operation" required></select></div>
    <div class="field"><label for="force-status">Forced status</label> <select id="force-status" required></select></div>
    <div class="field"><label for="force-example">Example</label> <select id="force-example"><option value="">(default)</option></select></div>
    <div class="field"><label for="force-times">Times</label> <input id="force-times" type="number" min="1" step="1" value="1" required></div>
    <div class="field inline"><input id="force-always" type="checkbox"> <label for="force-always">always (until cleared)</label></div>
    <div class="actions"><button type="submit">Queue</button></div>
  </form>
  <p id="force-message" class="hint" role="status"></p>
  <table>
    <caption>Queued forced answers</caption>
    <thead><tr><th scope="col">Operation</th><th scope="col">Status</th><th scope="col">Example</th><th scope="col">Times left</th></tr></thead>
    <tbody id="force-rows"></tbody>
  </table>
  <button type="button" id="force-clear">Clear the queue</button>
</section>
<section aria-labelledby="state-title" class="panel">
  <h2 id="state-title">State</h2>
  <p><button type="button" id="state-reset">Reset to the default dataset</button> <span id="state-message" class="hint" role="status"></span></p>
  <div id="state-tables"></div>
</section>
<section aria-labelledby="clock-title" class="panel">
  <h2 id="clock-title">Clock and faults</h2>
  <p>Mock clock: <output id="clock-now"></output> <span id="clock-mode" class="hint"></span></p>
  <form id="clock-form" class="grid-form">
    <div class="field"><label for="clock-input">Pin the clock at</label> <input id="clock-input" type="text" placeholder="2030-01-15T15:00:00Z" required></div>
    <div class="actions"><button type="submit">Pin</button> <button type="button" id="clock-release">Follow real time</button></div>
  </form>
  <p id="clock-message" class="hint" role="status"></p>
  <h3 id="faults-title">Fault plan</h3>
  <p id="faults-summary" class="hint"></p>
  <form id="faults-form">
    <label for="faults-input">Plan (JSON, see docs/reference/limits.md)</label>
    <textarea id="faults-input" rows="5" spellcheck="false"></textarea>
    <div class="actions"><button type="submit">Apply plan</button> <button type="button" id="faults-clear">Clear faults</button></div>
  </form>
  <p id="faults-message" class="hint" role="status"></p>
</section>
</main>
${TOKEN_DIALOG}
</body>
</html>
`;
}

/** `GET /__admin/ui/reference?vendor=<name>`: Swagger UI over the vendor's served spec, or how to get it. */
export function renderReferencePage(rendererInstalled: boolean): string {
  const renderer = rendererInstalled
    ? `<link rel="stylesheet" href="/__admin/ui/assets/swagger-ui.css">
<script src="/__admin/ui/assets/swagger-ui-bundle.js" defer></script>
<script type="module" src="/__admin/ui/assets/reference.js"></script>`
    : '';
  // Swagger UI draws its own <main> landmark; without it, the message is the page's main content.
  const body = rendererInstalled
    ? '<div id="reference"></div>'
    : '<main><p>The API reference is drawn by the optional dependency <code>swagger-ui-dist</code>, which is not installed here: <code>npm install swagger-ui-dist</code>, then restart the server. The specs themselves are at <code>/__admin/openapi/&lt;vendor&gt;.yaml</code>.</p></main>';
  return `<!doctype html>
<html lang="en">
<head>
${HEAD}
<title>esp-cancel-mock API reference</title>
${renderer}
</head>
<body>
${HEADER('reference')}
<div class="intro">
<h1>API reference</h1>
<form class="filters" id="reference-form" aria-label="Choose a vendor" method="get" action="/__admin/ui/reference">
  <div class="field"><label for="reference-vendor">Vendor</label> <select id="reference-vendor" name="vendor"></select></div>
  <button type="submit">Show</button>
</form>
</div>
${body}
${TOKEN_DIALOG}
</body>
</html>
`;
}
