import type { SoapDialect } from '../kit/index.ts';

/** The WS-Security namespace: SFMC writes its Security faultcode as `q0:Security` with q0 bound to it. */
const WSSE_NAMESPACE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';

/**
 * SFMC's SOAP dialect: Body elements in the partnerAPI namespace, fault details in
 * `urn:fault.partner.exacttarget.com`, `q0:Security` faultcodes, and the repeatable
 * `Definitions/Definition*` and `Results/Result*`.
 *
 * @see https://developer.salesforce.com/docs/atlas.en-us.mc-apis.meta/mc-apis/perform.htm (envelope) and https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/soap_faults.html (faults)
 */
export const sfmcSoapDialect: SoapDialect = {
  bodyNamespace: 'http://exacttarget.com/wsdl/partnerAPI',
  faultDetail: { element: 'apifault', namespace: 'urn:fault.partner.exacttarget.com' },
  faultCodePrefixes: new Map([['q0', WSSE_NAMESPACE]]),
  alwaysArray: ['Definition', 'Result'],
};
