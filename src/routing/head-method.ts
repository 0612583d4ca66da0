/**
 * HEAD is GET without the content (RFC 9110 §9.3.2): wherever the mock supports GET it supports
 * HEAD, with the status and header fields GET would send and no body. One rule for every route
 * (vendor paths, the admin API, sessions): a HEAD request is routed as GET (unless its path declares
 * HEAD), answered as GET, and its body dropped at the end.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-9.3.2
 */
export function toRoutingMethod(method: string): string {
  return method === 'HEAD' ? 'GET' : method;
}

/**
 * The answer to a HEAD request: the GET answer's status and headers without its body. The body is
 * cancelled rather than left unread, so a streamed answer (the journal, its live event stream) stops
 * at once. The engine's drop marker (`Response.error()`) is handed back as it is.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-9.3.2
 */
export function dropContent(response: Response): Response {
  if (response.status === 0 || response.body === null) return response;
  response.body.cancel().catch(() => undefined);
  return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** `dropContent` for the answer to a HEAD request; any other request's answer as it is. */
export function toAnswerFor(request: Request, response: Response): Response {
  return request.method === 'HEAD' ? dropContent(response) : response;
}
