// /api/organizations/{code}/media and /api/media/{id}: the media library. The upload streams the multipart
// body to disk (mediaUploadRouter is mounted before the 1 MB body limit); files are served with ranges.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { Busboy } from '@fastify/busboy';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import * as actions from '../../actions/media.ts';
import { fileSize, receiveFile, UploadTooLarge, type ReceivedFile } from '../../actions/media-files.ts';
import * as s from '../../actions/media-schemas.ts';
import { pageView } from '../../actions/views.ts';
import { Invalid } from '../../core/errors.ts';
import { MAX_MEDIA_BYTES } from '../../core/media/index.ts';
import type { Env } from '../openapi.ts';
import { body, errors, json, newRouter, noContent } from '../openapi.ts';

const tags = ['Media'];
const orgParams = z.object({ code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'BSN' }) });
const idParams = z.object({ id: z.coerce.number().int().positive().meta({ param: { name: 'id', in: 'path' }, example: 1 }) });
const MB = MAX_MEDIA_BYTES / 1024 / 1024;

interface Parsed {
  file: ReceivedFile | undefined;
  fields: Record<string, string>;
  truncated: boolean;
}

/** Reads the multipart body: the `file` part goes straight to disk, the other fields are kept. */
function parseUpload(c: Context<Env>): Promise<Parsed> {
  const type = c.req.header('content-type') ?? '';
  const raw = c.req.raw.body;
  if (!type.toLowerCase().startsWith('multipart/form-data') || !raw) {
    throw new Invalid('send the file as multipart/form-data in the field "file"', [{ path: 'file', message: 'missing' }]);
  }
  return new Promise<Parsed>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let pending: Promise<ReceivedFile> | undefined;
    let truncated = false;
    let bb: InstanceType<typeof Busboy>;
    try {
      bb = new Busboy({ headers: { 'content-type': type }, limits: { fileSize: MAX_MEDIA_BYTES, files: 1, fields: 10, fieldSize: 16 * 1024, parts: 12 } });
    } catch (err) {
      reject(new Invalid(`the multipart body cannot be read: ${err instanceof Error ? err.message : String(err)}`));
      return;
    }
    bb.on('file', (name, stream, filename) => {
      if (name !== 'file' || pending) {
        stream.resume();
        return;
      }
      stream.on('limit', () => {
        truncated = true;
      });
      pending = receiveFile(c.var.deps, filename, stream, MAX_MEDIA_BYTES + 1);
      // Its failure is reported at 'finish'.
      pending.catch(() => undefined);
    });
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('error', (err: unknown) => reject(err instanceof Error ? new Invalid(`the multipart body cannot be read: ${err.message}`) : err));
    bb.on('finish', () => {
      (pending ?? Promise.resolve(undefined)).then((file) => resolve({ file, fields, truncated }), reject);
    });
    Readable.fromWeb(raw as unknown as NodeWebStream<Uint8Array>).on('error', reject).pipe(bb);
  });
}

const tooLarge = () => new HTTPException(413, { message: `the file is larger than ${MB} MB` });

/** The upload route: outside the OpenAPI validator, which would read the whole body into memory. */
export const mediaUploadRouter = newRouter();
mediaUploadRouter.post('/organizations/:code/media', async (c) => {
  let parsed: Parsed;
  try {
    parsed = await parseUpload(c);
  } catch (err) {
    if (err instanceof UploadTooLarge) throw tooLarge();
    throw err;
  }
  const { file, fields, truncated } = parsed;
  if (!file) throw new Invalid('no file was uploaded', [{ path: 'file', message: 'add the file in the "file" field' }]);
  if (truncated) {
    await file.discard();
    throw tooLarge();
  }
  const v = await actions.uploadMedia(c.var.actor, c.req.param('code'), file, fields, c.var.deps);
  return c.json(v, v.duplicate ? 200 : 201);
});
mediaUploadRouter.openAPIRegistry.registerPath({
  method: 'post', path: '/organizations/{code}/media', tags,
  summary: `Upload a file to the media library (multipart, at most ${MB} MB)`,
  description: 'The kind (image, video, gif, document) is read from the first bytes, never the name; size and video length are read from the file. 201 when new, 200 with duplicate=true when the organisation already has this file.',
  request: {
    params: orgParams,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.string().meta({ format: 'binary' }), alt_text: z.string().optional(), tags: z.string().optional().meta({ description: 'separated by commas' }) }),
        },
      },
    },
  },
  responses: { 201: json(s.uploadView, 'Added'), 200: json(s.uploadView, 'Already in the library'), 413: errors[400], ...errors },
});

export function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A file answer; one byte range when asked (video players seek with them). */
export async function sendFile(c: Context<Env>, path: string, type: string, extra: Record<string, string>): Promise<Response> {
  const size = await fileSize(path);
  if (size === undefined) return c.json({ error: { code: 'not_found', message: 'the file is missing from the data directory', details: [] } }, 404);
  const headers: Record<string, string> = { 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'private, max-age=86400', 'x-content-type-options': 'nosniff', ...extra };
  const range = /^bytes=(\d*)-(\d*)$/.exec(c.req.header('range') ?? '');
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start > end || start >= size) return c.body(null, 416, { 'content-range': `bytes */${size}` });
    const stream = Readable.toWeb(createReadStream(path, { start, end })) as unknown as ReadableStream;
    return c.body(stream, 206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1) });
  }
  const stream = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream;
  return c.body(stream, 200, { ...headers, 'content-length': String(size) });
}

const binary = (description: string) => ({ description, content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } });

export const mediaRouter = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}/media', tags, summary: "The organisation's media, newest first; filter by kind and tag, search words",
      request: { params: orgParams, query: s.listMediaInput },
      responses: { 200: json(pageView(s.mediaView, 'MediaPage'), 'A page of media'), ...errors },
    }),
    async (c) => c.json(await actions.listMedia(c.var.actor, c.req.valid('param').code, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}/media-tags', tags, summary: "The tags of the organisation's media with their counts",
      request: { params: orgParams },
      responses: { 200: json(s.tagCountsView, 'The tags'), ...errors },
    }),
    async (c) => c.json(await actions.mediaTags(c.var.actor, c.req.valid('param').code, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/media/{id}', tags, summary: 'One media entry',
      request: { params: idParams },
      responses: { 200: json(s.mediaView, 'The entry'), ...errors },
    }),
    async (c) => c.json(await actions.getMedia(c.var.actor, c.req.valid('param').id, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/media/{id}', tags, summary: 'Set alt text, tags or the shown file name',
      request: { params: idParams, body: body(s.updateMediaInput) },
      responses: { 200: json(s.mediaView, 'Updated'), ...errors },
    }),
    async (c) => c.json(await actions.updateMedia(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/media/{id}', tags, summary: 'Delete an unused entry and its file (409 while content uses it)',
      request: { params: idParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      await actions.deleteMedia(c.var.actor, c.req.valid('param').id, c.var.deps);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/media/{id}/uses', tags, summary: 'The content items whose variants use this file',
      request: { params: idParams },
      responses: { 200: json(s.mediaUsesView, 'The uses'), ...errors },
    }),
    async (c) => c.json(await actions.mediaUses(c.var.actor, c.req.valid('param').id, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/media/{id}/file', tags, summary: 'The file itself (byte ranges supported); documents download as attachments',
      request: { params: idParams },
      responses: { 200: binary('The file, with its detected content type'), 206: binary('The asked range'), ...errors },
    }),
    async (c) => {
      const f = await actions.mediaFile(c.var.actor, c.req.valid('param').id, c.var.deps);
      const inline = f.kind !== 'document';
      return sendFile(c, f.path, f.mime, {
        'content-disposition': disposition(inline ? 'inline' : 'attachment', f.fileName),
        // Served files never run code in the app's origin.
        'content-security-policy': "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/media/{id}/thumbnail', tags, summary: 'A WebP thumbnail (images; a poster placeholder for videos); 404 for documents',
      request: { params: idParams },
      responses: { 200: { description: 'WebP image', content: { 'image/webp': { schema: z.string().meta({ format: 'binary' }) } } }, ...errors },
    }),
    async (c) => {
      const t = await actions.mediaThumbnail(c.var.actor, c.req.valid('param').id, c.var.deps);
      return sendFile(c, t.path, 'image/webp', {});
    },
  );
