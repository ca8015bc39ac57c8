// Slack mrkdwn needs &, < and > escaped in anything a user typed; everything else is literal.
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to Slack's limit on a character boundary, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  // A string never has more characters than UTF-16 units: short text needs no counting.
  // Otherwise count characters only as far as the cut (every option of a 100-option form
  // comes here; splitting each whole text into an array showed in the form's profile).
  if (text.length <= max) return text;
  let cut = 0;
  for (let i = 0, chars = 0; i < text.length; chars++) {
    if (chars === max - 1) cut = i;
    if (chars === max) return `${text.slice(0, cut)}…`;
    i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  }
  return text;
}
