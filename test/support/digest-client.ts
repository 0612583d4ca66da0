import { createHash } from 'node:crypto';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** The parts of a Message Central 401 challenge: both schemes in one field, Digest first. */
export interface DigestChallenge {
  readonly nonce: string;
  readonly opaque: string;
  readonly stale: boolean;
}

const CHALLENGE =
  /^Digest realm="messagesystems\.com",qop="auth,auth-int",nonce="([0-9a-f]{32})",opaque="([0-9a-f]{32})"(,stale=true)?, Basic realm="messagesystems\.com"$/;

/** Reads the challenge of a 401; throws when the field is not the documented one. */
export function readChallenge(header: string | null): DigestChallenge {
  const match = CHALLENGE.exec(header ?? '');
  if (!match) throw new Error(`not the Basic + Digest challenge: ${header}`);
  return { nonce: match[1] as string, opaque: match[2] as string, stale: match[3] !== undefined };
}

export interface DigestAnswer {
  readonly username: string;
  readonly password: string;
  readonly method: string;
  readonly uri: string;
  readonly challenge: DigestChallenge;
  readonly nc: number;
  readonly qop?: 'auth' | 'auth-int';
  readonly body?: string;
  readonly cnonce?: string;
}

/**
 * `Authorization: Digest …` as a client computes it from a challenge, written out from RFC 7616
 * §3.4.1 (MD5): response = MD5(MD5(A1):nonce:nc:cnonce:qop:MD5(A2)).
 *
 * @see https://www.rfc-editor.org/rfc/rfc7616#section-3.4.1
 */
export function digestAuthorization(answer: DigestAnswer): string {
  const qop = answer.qop ?? 'auth';
  const cnonce = answer.cnonce ?? '0a4f113b';
  const nc = answer.nc.toString(16).padStart(8, '0');
  const ha1 = md5(`${answer.username}:messagesystems.com:${answer.password}`);
  const ha2 = md5(qop === 'auth-int' ? `${answer.method}:${answer.uri}:${md5(answer.body ?? '')}` : `${answer.method}:${answer.uri}`);
  const response = md5(`${ha1}:${answer.challenge.nonce}:${nc}:${cnonce}:${qop}:${ha2}`);
  return (
    `Digest username="${answer.username}", realm="messagesystems.com", nonce="${answer.challenge.nonce}", uri="${answer.uri}", ` +
    `algorithm=MD5, response="${response}", opaque="${answer.challenge.opaque}", qop=${qop}, nc=${nc}, cnonce="${cnonce}"`
  );
}
