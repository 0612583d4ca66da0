import type { components } from '../../src/generated/sfmc.d.ts';
import { sfmcRetrieveErrors } from './errors.ts';

type Send = components['schemas']['Send'];
type SendResult = components['schemas']['SendResult'];

/**
 * The properties of a Send a Retrieve may name: the `Send` object's fields as Salesforce lists them
 * (the "Retrieve the Scheduled Send Time and Status of a Send" sample asks for many of them). The
 * mock stores only some; see {@link toSendResult}.
 *
 * @see https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/retrieving_the_scheduled_send_time_and_status_of_a_send.html
 * @see https://gist.github.com/wvpv/b24e6c45e8200b6c1b48f96fc3279ac8 (the Send object's fields)
 */
const SEND_PROPERTIES: ReadonlySet<string> = new Set([
  'ID',
  'ObjectID',
  'PartnerKey',
  'CustomerKey',
  'CreatedDate',
  'ModifiedDate',
  'Client.ID',
  'Client.PartnerClientKey',
  'Email.ID',
  'Email.PartnerKey',
  'EmailSendDefinition.ObjectID',
  'EmailSendDefinition.CustomerKey',
  'SendDate',
  'SentDate',
  'FromAddress',
  'FromName',
  'Subject',
  'EmailName',
  'Status',
  'Additional',
  'BCCEmail',
  'Duplicates',
  'InvalidAddresses',
  'ExistingUndeliverables',
  'ExistingUnsubscribes',
  'HardBounces',
  'SoftBounces',
  'OtherBounces',
  'ForwardedEmails',
  'UniqueClicks',
  'UniqueOpens',
  'NumberSent',
  'NumberDelivered',
  'NumberTargeted',
  'NumberErrored',
  'NumberExcluded',
  'Unsubscribes',
  'MissingAddresses',
  'IsAlwaysOn',
  'IsMultipart',
  'PreviewURL',
  'SendLimit',
  'SendWindowOpen',
  'SendWindowClose',
]);

/** The properties the mock stores, in the order the WSDL's APIObject/Send sequence puts them. */
const STORED_PROPERTIES = ['ID', 'SendDate', 'EmailName', 'Status'] as const;

/** A filter as decoded from the envelope: an unvalidated, local-name JSON object. */
type FilterJson = Readonly<Record<string, unknown>>;

export type RetrieveOutcome =
  | { readonly ok: true; readonly results: readonly SendResult[] }
  | { readonly ok: false; readonly overallStatus: string };

/** `Properties` decoded from one or many elements: always a list of trimmed names. */
export function toPropertyList(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return list.filter((item): item is string => typeof item === 'string').map((item) => item.trim());
}

/**
 * A Retrieve of `Send` objects: the requested properties of every Send the filter selects, or the
 * OverallStatus error SFMC answers in band. Linear in the number of Sends (a filter on `ID equals`
 * reads one record).
 */
export function retrieveSends(
  properties: readonly string[],
  filter: FilterJson | undefined,
  store: { findByKey(key: string): Send | undefined; all(): readonly Send[] },
): RetrieveOutcome {
  if (properties.length === 0) return { ok: false, overallStatus: sfmcRetrieveErrors.noProperties() };
  const unknown = properties.filter((name) => !SEND_PROPERTIES.has(name));
  if (unknown.length > 0) return { ok: false, overallStatus: sfmcRetrieveErrors.unknownProperties(unknown, 'Send') };
  const predicate = filter === undefined ? () => true : toPredicate(filter);
  if (typeof predicate === 'string') return { ok: false, overallStatus: predicate };
  const idEquals = filter && isSimple(filter) && filter.Property === 'ID' && filter.SimpleOperator === 'equals';
  const one = idEquals ? store.findByKey(valuesOf(filter)[0] ?? '') : undefined;
  const candidates = idEquals ? (one ? [one] : []) : store.all();
  return { ok: true, results: candidates.filter(predicate).map((send) => toSendResult(send, properties)) };
}

/**
 * One Send as a Result: `xsi:type="Send"`, PartnerKey and ObjectID nil (as SFMC writes them), and the
 * stored properties asked for, in the WSDL's sequence order. Properties the mock does not store are
 * left out (mock choice).
 */
export function toSendResult(send: Send, properties: readonly string[]): SendResult {
  const asked = new Set(properties);
  const pick = <K extends (typeof STORED_PROPERTIES)[number]>(name: K) => (asked.has(name) ? { [name]: send[name] } : {});
  return {
    '@type': 'Send',
    PartnerKey: null,
    ...pick('ID'),
    ObjectID: null,
    ...pick('SendDate'),
    ...pick('EmailName'),
    ...pick('Status'),
  };
}

/** A filter's test on one Send, or the OverallStatus error for a filter the mock cannot apply. */
function toPredicate(filter: FilterJson): ((send: Send) => boolean) | string {
  if (isSimple(filter)) return toSimplePredicate(filter);
  const operator = typeof filter.LogicalOperator === 'string' ? filter.LogicalOperator.trim() : '';
  const left = isRecord(filter.LeftOperand) ? toPredicate(filter.LeftOperand) : sfmcRetrieveErrors.unsupportedFilter();
  const right = isRecord(filter.RightOperand) ? toPredicate(filter.RightOperand) : sfmcRetrieveErrors.unsupportedFilter();
  if (typeof left === 'string') return left;
  if (typeof right === 'string') return right;
  if (operator === 'AND') return (send) => left(send) && right(send);
  if (operator === 'OR') return (send) => left(send) || right(send);
  return sfmcRetrieveErrors.unsupportedFilter();
}

function toSimplePredicate(filter: FilterJson): ((send: Send) => boolean) | string {
  const property = typeof filter.Property === 'string' ? filter.Property.trim() : '';
  if (!(STORED_PROPERTIES as readonly string[]).includes(property)) return sfmcRetrieveErrors.unsupportedFilterProperty(property);
  const values = valuesOf(filter);
  const read = (send: Send) => String(send[property as (typeof STORED_PROPERTIES)[number]]);
  switch (typeof filter.SimpleOperator === 'string' ? filter.SimpleOperator.trim() : '') {
    case 'equals':
      return (send) => read(send) === values[0];
    case 'notEquals':
      return (send) => read(send) !== values[0];
    case 'IN':
      return (send) => values.includes(read(send));
    default:
      return sfmcRetrieveErrors.unsupportedFilter();
  }
}

function isSimple(filter: FilterJson): boolean {
  return filter['@type'] === 'SimpleFilterPart' || (filter['@type'] === undefined && 'Property' in filter);
}

/** `Value` decoded from one or many elements: trimmed strings. */
function valuesOf(filter: FilterJson): string[] {
  return toPropertyList(filter.Value);
}

function isRecord(value: unknown): value is FilterJson {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
