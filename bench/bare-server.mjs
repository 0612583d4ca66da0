// The benchmark's baseline: a bare node:http server that reads the whole body, parses it like the mock
// would (JSON) or keeps it as text (XML, form), and answers one fixed response. Configured by the
// BASELINE environment variable: {"status":200,"contentType":"…","body":"…"}. Prints its port.
import { createServer } from 'node:http';
import { spin } from './baseline-spin.mjs';

const baseline = JSON.parse(process.env.BASELINE ?? '{"status":200,"contentType":"application/json","body":"{}"}');
const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    if (text && (request.headers['content-type'] ?? '').includes('json')) JSON.parse(text);
    spin();
    response.writeHead(baseline.status, { 'content-type': baseline.contentType });
    response.end(baseline.body);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
