import { defineConcurrencyCases } from './concurrency.cases.ts';
import { defineOmedaCases } from './omeda.cases.ts';
import { defineSfmcClientCases } from './sfmc-clients.cases.ts';
import { useServerTarget } from './support/server-target.ts';

// The same behaviour suites, every request under /__session/cases/: a session is the whole mock,
// including the URLs it hands out (Omeda's lookup Url, SFMC's instance URLs followed by sfmc-sdk).
const target = useServerTarget({ session: 'cases' });
defineOmedaCases(target);
defineSfmcClientCases(target);
defineConcurrencyCases(target);
