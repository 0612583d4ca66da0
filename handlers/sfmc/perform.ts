import type { components } from '../../src/generated/sfmc.d.ts';
import { type HandlerResult, toIsoTime } from '../kit/index.ts';
import { responseHeader, sfmcResultErrors } from './errors.ts';
import type { SfmcContext } from './module.ts';

type PerformResult = components['schemas']['PerformResult'];
type PerformRequestEnvelope = components['schemas']['PerformRequestEnvelope'];
type ApiObject = components['schemas']['APIObject'];

/**
 * One Result for one Definition: a cancel of a scheduled Send, or the error SFMC-like words. Only a
 * cancel waits (for the store), so every other Result comes back at once, without a promise.
 */
function performOne(action: string, definition: ApiObject, context: SfmcContext): PerformResult | Promise<PerformResult> {
  const type = definition['@type'] ?? 'APIObject';
  const rawId = definition.ID?.trim() ?? '';
  const id = /^\d{1,10}$/.test(rawId) ? Number(rawId) : undefined;
  // Two literals rather than a spread: V8 copies spread objects slowly on this path.
  const object =
    rawId === ''
      ? { '@type': type, PartnerKey: null, ObjectID: null }
      : { '@type': type, PartnerKey: null, ID: id ?? rawId, ObjectID: null };
  const error = (made: { ErrorCode: number; StatusMessage: string }): PerformResult => ({
    StatusCode: 'Error',
    StatusMessage: made.StatusMessage,
    ErrorCode: made.ErrorCode,
    Object: object,
    Task: '',
  });
  // SFMC matches actions case-insensitively (sfmc-sdk performs 'Start' against captured answers).
  if (action.toLowerCase() !== 'cancel' || type !== 'Send') return error(sfmcResultErrors.cannotPerform(action || '(none)', type));
  if (rawId === '') return error(sfmcResultErrors.missingId());
  const send = id === undefined ? undefined : context.store.sends.findByKey(String(id));
  if (!send) return error(sfmcResultErrors.sendNotFound(rawId));
  if (send.Status === 'Canceled') return error(sfmcResultErrors.alreadyCanceled(send.ID));
  if (send.Status === 'Complete') return error(sfmcResultErrors.alreadyComplete(send.ID));
  if (send.Status === 'Sending') return error(sfmcResultErrors.sending(send.ID));
  return cancelSend(send, object, context);
}

/** A stored Send, as the store hands it out. */
type StoredSend = NonNullable<ReturnType<SfmcContext['store']['sends']['findByKey']>>;

async function cancelSend(send: StoredSend, object: PerformResult['Object'], context: SfmcContext): Promise<PerformResult> {
  const canceledAt = toIsoTime(context.clock.now().getTime());
  await context.store.sends.update(send, {
    data(draft) {
      draft.Status = 'Canceled';
      draft.CanceledDate = canceledAt;
    },
  });
  // SFMC writes a Task on every Result (the WSDL requires it); a cancel starts no task, so it is empty.
  return { StatusCode: 'OK', StatusMessage: 'Send perform called successfully', Object: object, Task: '' };
}

/** `OK` when all Results are OK, `Error` when none is, `Has Errors` when mixed. */
function overallStatusOf(results: readonly PerformResult[]): 'OK' | 'Has Errors' | 'Error' {
  const failed = results.filter((result) => result.StatusCode !== 'OK').length;
  if (failed === 0) return 'OK';
  return failed === results.length ? 'Error' : 'Has Errors';
}

/**
 * Each Definition in document order, the next only once the one before is done (a Definition that
 * waits on the store holds the rest back), into `results` from `from` on.
 *
 * @see https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/canceling_a_scheduled_send.html
 */
export function performAll(
  action: string,
  definitions: readonly ApiObject[],
  context: SfmcContext,
  results: PerformResult[],
  from: number,
): PerformResult[] | Promise<PerformResult[]> {
  for (let index = from; index < definitions.length; index += 1) {
    const result = performOne(action, definitions[index] as ApiObject, context);
    if (result instanceof Promise) {
      return result.then((settled) => {
        results.push(settled);
        return performAll(action, definitions, context, results, index + 1);
      });
    }
    results.push(result);
  }
  return results;
}

/** The Perform answer for the Results of every Definition (none: the "No Definitions" error). */
export function performAnswer(results: PerformResult[], Envelope: PerformRequestEnvelope['Envelope'], context: SfmcContext): HandlerResult {
  const relatesTo = Envelope.Header?.MessageID ?? undefined;
  const Header = responseHeader('PerformResponse', context.clock.now(), context.randomUUID, relatesTo);
  const RequestID = context.randomUUID();
  // Two literals rather than a spread: V8 copies spread objects slowly on this path.
  const PerformResponseMsg =
    results.length > 0
      ? { Results: { Result: results }, OverallStatus: overallStatusOf(results), OverallStatusMessage: '', RequestID }
      : { OverallStatus: 'Error' as const, OverallStatusMessage: 'No Definitions were supplied.', RequestID };
  return { status: 200, body: { Envelope: { Header, Body: { PerformResponseMsg } } } };
}
