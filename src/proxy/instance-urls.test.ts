import { describe, expect, it } from 'vitest';
import { createInstanceUrls } from './instance-urls.ts';

const TOKEN = (soap: string, rest: string) =>
  JSON.stringify({
    access_token: 'a',
    token_type: 'Bearer',
    expires_in: 1079,
    scope: 's',
    soap_instance_url: soap,
    rest_instance_url: rest,
  });

describe('instance-urls', () => {
  it("points an instance on the target's own origin at the proxy's origin", () => {
    const urls = createInstanceUrls();
    const body = urls.rewrite(TOKEN('http://up:1/', 'http://up:1/'), 'http://proxy:9', 'http://up:1');
    expect(JSON.parse(body as string)).toMatchObject({ soap_instance_url: 'http://proxy:9/', rest_instance_url: 'http://proxy:9/' });
  });

  it('reaches an instance on another host through a learned /__upstream/<n> prefix, one per origin', () => {
    const urls = createInstanceUrls();
    const soap = 'https://mc1.soap.marketingcloudapis.com/';
    const rest = 'https://mc1.rest.marketingcloudapis.com/';
    const body = JSON.parse(urls.rewrite(TOKEN(soap, rest), 'http://proxy:9', 'https://mc1.auth.marketingcloudapis.com') as string);
    expect(body).toMatchObject({ soap_instance_url: 'http://proxy:9/__upstream/0/', rest_instance_url: 'http://proxy:9/__upstream/1/' });
    expect(urls.resolve('/__upstream/0/Service.asmx')).toEqual({
      origin: 'https://mc1.soap.marketingcloudapis.com',
      pathname: '/Service.asmx',
    });
    urls.rewrite(TOKEN(soap, rest), 'http://proxy:9', 'https://mc1.auth.marketingcloudapis.com');
    expect(urls.resolve('/__upstream/2/Service.asmx')).toBeUndefined();
  });

  it('leaves bodies without instance URLs, non-JSON bodies and unknown prefixes alone', () => {
    const urls = createInstanceUrls();
    expect(urls.rewrite('{"SubmissionId":"x"}', 'http://proxy:9', 'http://up:1')).toBeUndefined();
    expect(urls.rewrite('<soap_instance_url>', 'http://proxy:9', 'http://up:1')).toBeUndefined();
    expect(urls.rewrite('{"soap_instance_url":"not a url"}', 'http://proxy:9', 'http://up:1')).toBeUndefined();
    expect(urls.resolve('/__upstream/x/Service.asmx')).toBeUndefined();
    expect(urls.resolve('/Service.asmx')).toBeUndefined();
  });
});
