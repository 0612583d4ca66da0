/**
 * Secrets never leave the proxy in clear: what it logs, journals, reports and writes as HAR is a
 * redacted copy (the forwarded request itself is unchanged). A secret is known by its name, in a
 * header, a query parameter, a JSON or form member, or an XML element: `Authorization`,
 * `x-omeda-appid`, `X-VoltMX-Authorization`, WS-Security `Password`, SFMC's `fueloauth`,
 * `client_secret`, `access_token`, `claims_token` and the like. Values keep their type and, for
 * `Authorization`, their scheme, so redacted traffic still reads (and validates) as the vendor's.
 *
 * @see https://owasp.org/www-project-cheat-sheets/cheatsheets/Logging_Cheat_Sheet.html (data to exclude from logs)
 */
export const REDACTED = 'REDACTED';

const SECRET_NAME = /pass(word|wd)?$|secret|token|authori[sz]ation|appid|api[-_]?key|cookie|fueloauth|credential|signature|session/i;
/** Names that match the pattern yet say nothing secret. */
const NOT_SECRET = new Set(['token_type', 'x-mock-session']);

/** Whether a header, parameter, member or element of this name holds a secret. */
export function isSecretName(name: string): boolean {
  const bare = name.includes(':') ? name.slice(name.lastIndexOf(':') + 1) : name;
  return !NOT_SECRET.has(bare.toLowerCase()) && SECRET_NAME.test(bare);
}

/** Headers with secret values replaced (`Authorization: Basic REDACTED` keeps its scheme). */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!isSecretName(name)) out[name] = value;
    else if (/^(authorization|proxy-authorization)$/i.test(name)) out[name] = value.replace(/^(\S+\s+)?.*$/s, `$1${REDACTED}`);
    else out[name] = REDACTED;
  }
  return out;
}

/** A URL whose secret query parameters are replaced. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  let changed = false;
  for (const name of new Set(parsed.searchParams.keys())) {
    if (isSecretName(name)) {
      parsed.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  return changed ? parsed.toString() : url;
}

/** A body with secret members replaced, read by its media type: JSON, form, or XML (SOAP). */
export function redactBody(contentType: string | undefined, body: string): string {
  if (body === '') return body;
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json')) return redactJson(body);
  if (type.includes('x-www-form-urlencoded')) return redactForm(body);
  if (type.includes('xml')) return redactXml(body);
  // An undeclared body is tried as each format that can hold a secret by name.
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return redactJson(body);
  if (trimmed.startsWith('<')) return redactXml(body);
  return /^[^=&\s]+=/.test(body) ? redactForm(body) : body;
}

/**
 * Nesting deeper than this is masked by text, not by walking the value: the walk and `JSON.stringify`
 * recurse once per level, and a 10 KB body can nest 5,000 deep. No vendor body comes near it.
 */
const MAX_WALKED_DEPTH = 64;

function redactJson(body: string): string {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return redactJsonText(body);
  }
  if (exceedsDepth(data, MAX_WALKED_DEPTH)) return redactJsonText(body);
  const redacted = redactValue(data);
  // Untouched bodies keep their own formatting.
  return redacted === data ? body : JSON.stringify(redacted);
}

/** Every quoted `"secret": "value"` pair masked in the text, in one linear pass (for bodies not walked). */
function redactJsonText(body: string): string {
  return body.replace(/"([^"\\]{1,100})"(\s*:\s*)"(?:[^"\\]|\\.)*"/g, (whole, name: string, colon: string) =>
    isSecretName(name) ? `"${name}"${colon}"${REDACTED}"` : whole,
  );
}

/** Whether objects and arrays nest deeper than `limit` in a parsed JSON value, found without recursion. */
function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const member of Object.values(item)) stack.push([member, depth + 1]);
  }
  return false;
}

/**
 * The same value when nothing in it is secret, else a copy with each secret replaced. Under a secret
 * name every string is secret (Volt MX's `claims_token: { value, exp }`), numbers stay.
 */
function redactValue(value: unknown, secret = false): unknown {
  if (secret && typeof value === 'string') return REDACTED;
  if (value === null || typeof value !== 'object') return value;
  let changed = false;
  const entries = Object.entries(value).map(([name, member]): [string, unknown] => {
    const inSecret = secret || isSecretName(name);
    const next = inSecret && typeof member === 'number' && !secret ? REDACTED : redactValue(member, inSecret);
    if (next !== member) changed = true;
    return [name, next];
  });
  if (!changed) return value;
  return Array.isArray(value) ? entries.map(([, member]) => member) : Object.fromEntries(entries);
}

function redactForm(body: string): string {
  return body
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replaceAll('+', ' '));
      } catch {
        // A malformed escape: judged by its raw name.
      }
      return equals !== -1 && isSecretName(decoded) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
}

/** `<wsse:Password …>secret</wsse:Password>` → `<wsse:Password …>REDACTED</wsse:Password>`; one linear pass. */
function redactXml(body: string): string {
  return body.replace(
    /<([\w.-]+:)?([\w.-]+)(\s[^<>]*)?>([^<]*)<\/\1?\2\s*>/g,
    (whole, prefix: string | undefined, local: string, attributes) =>
      isSecretName(local) ? `<${prefix ?? ''}${local}${attributes ?? ''}>${REDACTED}</${prefix ?? ''}${local}>` : whole,
  );
}
