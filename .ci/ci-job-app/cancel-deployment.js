/**
 * The "app": cancels an Omeda deployment, as a user's code would, against OMEDA_BASE_URL.
 * With CI_JOB_APP_BROKEN=1 it sends the TrackId as a number, which Omeda's contract forbids: the
 * documented CI job must then go red (validate names the rule), even though the app copes with the 400.
 *
 * @see https://knowledgebase.omeda.com/omedaclientkb/email-deployment-cancel
 */
export async function cancelDeployment(trackId) {
  const base = process.env.OMEDA_BASE_URL ?? 'http://127.0.0.1:4010';
  const broken = process.env.CI_JOB_APP_BROKEN === '1';
  const response = await fetch(`${base}/webservices/rest/brand/ABC/omail/deployment/cancel/*`, {
    method: 'POST',
    headers: { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: broken ? Number(trackId.replace(/\D/g, '')) : trackId }),
  });
  const body = await response.json();
  return response.ok ? { cancelled: true } : { cancelled: false, errors: body.Errors ?? [] };
}
