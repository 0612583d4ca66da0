import { defineConcurrencyCases } from './concurrency.cases.ts';
import { defineMomentumCases } from './momentum.cases.ts';
import { defineOmedaCases } from './omeda.cases.ts';
import { defineSfmcCases } from './sfmc.cases.ts';
import { defineSfmcClientCases } from './sfmc-clients.cases.ts';
import { useServerTarget } from './support/server-target.ts';
import { defineVoltMxCases } from './voltmx.cases.ts';

// The same behaviour suites, every request under /__session/cases/: a session is the whole mock,
// including the URLs it hands out (Omeda's lookup Url, SFMC's instance URLs followed by sfmc-sdk) and
// every vendor's read-back after a cancel (Omeda lookup, Volt MX status, SFMC Retrieve, Momentum's
// mailing read).
const target = useServerTarget({ session: 'cases' });
defineOmedaCases(target);
defineVoltMxCases(target);
defineSfmcCases(target);
defineMomentumCases(target);
defineSfmcClientCases(target);
defineConcurrencyCases(target);
