import { createHmac } from 'node:crypto';

/**
 * Slack's v0 request signature (docs.slack.dev/authentication/verifying-requests-from-slack):
 * `v0=` + hex HMAC-SHA256(signing secret, `v0:<timestamp>:<raw body>`). Bolt rejects requests
 * whose timestamp is more than 5 minutes old with a 401.
 */
export function signRequest(secret: string, body: string | Buffer, timestampSeconds: number): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`v0:${timestampSeconds}:`);
  hmac.update(body);
  return `v0=${hmac.digest('hex')}`;
}

export function signatureHeaders(secret: string, body: string | Buffer, timestampSeconds: number): Record<string, string> {
  return {
    'x-slack-request-timestamp': String(timestampSeconds),
    'x-slack-signature': signRequest(secret, body, timestampSeconds),
  };
}
