import { mockServerSetup } from 'esp-cancel-mock/vitest';

export default mockServerSetup({ strict: true });
