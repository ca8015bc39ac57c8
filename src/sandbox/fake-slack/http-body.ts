import type { IncomingMessage } from 'node:http';
import type { JsonObject } from './types.js';

/**
 * Request body decoding for the three encodings Slack's Web API accepts: form-urlencoded (what
 * @slack/web-api sends, with objects as JSON strings inside fields), JSON (with a Bearer token),
 * and multipart/form-data (file bytes, e.g. to an upload_url).
 */

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export class BodyError extends Error {
  constructor(readonly code: 'invalid_json' | 'invalid_form_data' | 'request_too_large') {
    super(code);
  }
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyError('request_too_large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export interface DecodedBody {
  args: JsonObject;
  /** File parts of a multipart body, in order. */
  parts: MultipartPart[];
}

export function decodeBody(contentType: string | undefined, raw: Buffer): DecodedBody {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (raw.length === 0) return { args: {}, parts: [] };
  if (mediaType === 'application/json') return { args: decodeJson(raw), parts: [] };
  if (mediaType === 'multipart/form-data') return decodeMultipartArgs(contentType ?? '', raw);
  return { args: decodeForm(raw), parts: [] };
}

function decodeJson(raw: Buffer): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BodyError('invalid_json');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BodyError('invalid_json');
  return parsed as JsonObject;
}

function decodeForm(raw: Buffer): JsonObject {
  const args: JsonObject = {};
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) args[key] = value;
  return args;
}

function decodeMultipartArgs(contentType: string, raw: Buffer): DecodedBody {
  const parts = parseMultipart(contentType, raw);
  const args: JsonObject = {};
  for (const part of parts) {
    if (part.filename === undefined) args[part.name] = part.data.toString('utf8');
  }
  return { args, parts: parts.filter((part) => part.filename !== undefined) };
}

/** A minimal RFC 7578 parser: enough for what fetch's FormData and curl produce. */
export function parseMultipart(contentType: string, raw: Buffer): MultipartPart[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new BodyError('invalid_form_data');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const partStart = start + delimiter.length;
    if (raw.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, partStart);
    if (next < 0) break;
    const part = parsePart(raw.subarray(partStart + 2, next - 2)); // skip CRLF after delimiter, before next
    if (part) parts.push(part);
    start = next;
  }
  return parts;
}

function parsePart(chunk: Buffer): MultipartPart | undefined {
  const headerEnd = chunk.indexOf('\r\n\r\n');
  if (headerEnd < 0) return undefined;
  const headers = chunk.subarray(0, headerEnd).toString('utf8');
  const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) return undefined;
  return {
    name,
    filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
    contentType: /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim(),
    data: chunk.subarray(headerEnd + 4),
  };
}
