// /api/public-media/{token}: one media-library file behind a signed, expiring link, without a session,
// for platforms that download a post's media (Instagram, Facebook). Same safe headers as /api/media/{id}/file.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { publicMediaFile } from '../../actions/public-media.ts';
import { errors, newRouter } from '../openapi.ts';
import { disposition, sendFile } from './media.ts';

const params = z.object({ token: z.string().max(200).meta({ param: { name: 'token', in: 'path' }, example: '12.1798675200.abc' }) });
const binary = (description: string) => ({ description, content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } });

export const publicMediaRouter = newRouter().openapi(
  createRoute({
    method: 'get', path: '/public-media/{token}', tags: ['Media'],
    summary: 'A file of a scheduled post, for the platform that publishes it (signed link, valid 24 hours; no session)',
    description: 'The link is made when a post is published and names one file and its expiry, sealed with a key derived from SECRET_KEY. Documents are never served. 404 for a forged, altered or expired link.',
    request: { params },
    responses: { 200: binary('The file'), 206: binary('The asked range'), ...errors },
  }),
  async (c) => {
    const f = await publicMediaFile(c.req.valid('param').token, c.var.deps);
    return sendFile(c, f.path, f.mime, {
      'content-disposition': disposition('inline', f.fileName),
      'content-security-policy': "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
      // Not `private`: the platform's fetchers may sit behind a cache; the link itself expires.
      'cache-control': 'public, max-age=3600',
      'x-robots-tag': 'noindex',
      'referrer-policy': 'no-referrer',
    });
  },
);
