// The fetch the Web API client uses: views.open, views.update, views.push and views.publish
// answer with the whole view they stored (blocks and state included), and the app only ever
// reads the view's id and hash (and its other top-level fields) from that answer.
//
// Why trim: @slack/web-api parses the answer, then deep-copies it to redact tokens and
// serialises the copy for a debug log line it builds whether or not debug logging is on.
// For the 100-option update form and an App Home that is a walk and a JSON.stringify of the
// whole view per call on the main thread, which Slack's acknowledgements share. Here the
// answer is parsed once and handed on without `blocks` and `state`; everything else in it
// (ok, error, warnings, response_metadata, the view's scalar fields) is kept as it was.
const VIEW_METHODS = /\/views\.(open|update|push|publish)$/;
const DROPPED_VIEW_FIELDS = ['blocks', 'state'] as const;

const urlOf = (input: Parameters<typeof fetch>[0]): string => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

export function trimmedViewFetch(base: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const res = await base(input, init);
    if (res.status !== 200 || !VIEW_METHODS.test(urlOf(input))) return res;
    const text = await res.text();
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    const again = (body: string) => new Response(body, { status: res.status, statusText: res.statusText, headers });
    let body: { view?: Record<string, unknown> } | null;
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // Not JSON: let the client report it as it would have.
      return again(text);
    }
    if (!body || typeof body.view !== 'object' || body.view === null) return again(text);
    const view = { ...body.view };
    for (const field of DROPPED_VIEW_FIELDS) delete view[field];
    return again(JSON.stringify({ ...body, view }));
  };
}
