// Usage: node omeda-cancel-over-http.mjs <base URL> <x-omeda-appid> <expected status>
const [base, appId, expected] = process.argv.slice(2);
const response = await fetch(`${base}/webservices/rest/brand/ABC/omail/deployment/cancel/*`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-omeda-appid': appId },
  body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
});
const body = await response.text();
console.log(`POST …/omail/deployment/cancel/* (x-omeda-appid: ${appId}) → ${response.status} ${body}`);
if (String(response.status) !== expected) {
  console.error(`expected ${expected}`);
  process.exit(1);
}
