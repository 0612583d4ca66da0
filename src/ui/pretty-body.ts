/**
 * A body as a person reads it: JSON indented, XML (SFMC's SOAP envelopes) one element a line and
 * indented, anything else as it came. Text in, text out: the page shows it with `textContent`, never
 * as HTML, since bodies are whatever a client sent. Linear in the body's length.
 *
 * @see https://www.w3.org/TR/xml/#sec-documents
 */
export function prettyBody(body: string, contentType = ''): string {
  const trimmed = body.trim();
  if (trimmed === '') return '';
  if (/json/i.test(contentType) || /^[[{]/.test(trimmed)) {
    try {
      return JSON.stringify(JSON.parse(trimmed), null, 2);
    } catch {
      return body;
    }
  }
  if (/xml/i.test(contentType) || trimmed.startsWith('<')) return prettyXml(trimmed);
  return body;
}

/** Indentation stops growing here (the mock refuses SOAP deeper than 32 levels), so output stays linear. */
const MAX_INDENT = 32;

/** Each tag on its own line unless it holds only text; comments, CDATA and declarations kept whole. */
function prettyXml(xml: string): string {
  const indent = (depth: number): string => '  '.repeat(Math.min(depth, MAX_INDENT));
  const tokens = tokenizeXml(xml);
  const lines: string[] = [];
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as string;
    if (!token.startsWith('<')) {
      if (token.trim() !== '') lines.push(`${indent(depth)}${token.trim()}`);
      continue;
    }
    const closing = token.startsWith('</');
    const opening = !closing && !token.startsWith('<?') && !token.startsWith('<!') && !token.endsWith('/>');
    const text = tokens[index + 1];
    // <a>text</a> stays on one line.
    if (opening && text !== undefined && !text.startsWith('<') && tokens[index + 2]?.startsWith('</')) {
      lines.push(`${indent(depth)}${token}${text.trim()}${tokens[index + 2]}`);
      index += 2;
      continue;
    }
    if (closing) depth = Math.max(0, depth - 1);
    lines.push(`${indent(depth)}${token}`);
    if (opening) depth += 1;
  }
  return lines.join('\n');
}

/**
 * Tags (comments and CDATA whole) and the text between them. Each search starts where the last token
 * ended and an unclosed construct takes the rest of the body, so the scan is linear, whatever the input.
 */
function tokenizeXml(xml: string): string[] {
  const tokens: string[] = [];
  let index = 0;
  while (index < xml.length) {
    if (xml[index] !== '<') {
      const next = xml.indexOf('<', index);
      const end = next === -1 ? xml.length : next;
      tokens.push(xml.slice(index, end));
      index = end;
      continue;
    }
    const close = xml.startsWith('<![CDATA[', index) ? ']]>' : xml.startsWith('<!--', index) ? '-->' : '>';
    const found = xml.indexOf(close, index + 1);
    const end = found === -1 ? xml.length : found + close.length;
    tokens.push(xml.slice(index, end));
    index = end;
  }
  return tokens;
}
