/** An app's call: cancel an Omeda deployment on the vendor's real host (MSW intercepts it in-process). */
export function cancelDeployment(trackId: string, origin = 'https://ows.omeda.com'): Promise<Response> {
  return fetch(`${origin}/webservices/rest/brand/ABC/omail/deployment/cancel/*`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-omeda-appid': 'my-app' },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: trackId }),
  });
}
