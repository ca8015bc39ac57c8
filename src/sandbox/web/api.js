// Talking to the sandbox server: JSON requests and the Server-Sent Events stream.

export class ApiError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** @param {string} path */
export async function getJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  return readReply(response);
}

/** @param {string} path @param {Record<string, unknown>} body */
export async function postJson(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return readReply(response);
}

/** @param {Response} response */
async function readReply(response) {
  const text = await response.text();
  let body;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiError(response.status, `the sandbox answered HTTP ${response.status} with something that is not JSON`);
  }
  if (!response.ok) throw new ApiError(response.status, body?.error ?? `HTTP ${response.status}`);
  return body;
}

/**
 * Keeps an EventSource open. The browser reconnects by itself while the server is down; if it
 * gives up (the server answered with an error), start over after a pause.
 * @param {Record<string, (data: any) => void>} handlers event name → handler
 * @param {{connected: () => void, disconnected: () => void}} status
 */
export function connectEvents(handlers, status) {
  /** @type {EventSource | null} */
  let source = null;
  const open = () => {
    source = new EventSource('/sandbox/events');
    for (const [name, handler] of Object.entries(handlers)) {
      source.addEventListener(name, (event) => handler(JSON.parse(/** @type {MessageEvent} */ (event).data)));
    }
    source.addEventListener('open', () => status.connected());
    source.addEventListener('error', () => {
      status.disconnected();
      if (source?.readyState === EventSource.CLOSED) {
        source = null;
        setTimeout(open, 2000);
      }
    });
  };
  open();
  return () => source?.close();
}
