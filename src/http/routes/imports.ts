// /api/imports: upload files (multipart) to import them, as `socialbench import` does.
import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { importFiles, importReportView } from '../../actions/imports.ts';
import { Invalid } from '../../core/errors.ts';
import type { InputFile } from '../../ingest/read.ts';
import { errorBody } from '../errors.ts';
import { errors, json, newRouter } from '../openapi.ts';

/** Uploads are read in memory by the multipart parser: keep them bounded. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const flag = z.enum(['true', 'false', '1', '0', 'on']).optional();
const form = z.object({
  file: z.any().meta({ description: 'one or more files (repeat the field)', type: 'string', format: 'binary' }),
  account: z.string().optional().meta({ description: 'platform/handle, required for platform export files', example: 'instagram/bsn_sni' }),
  locale: z.enum(['id']).optional(),
  encoding: z.string().optional(),
  as_of: z.string().optional(),
  ignore_unknown: flag,
  dry_run: flag,
  atomic: flag,
});

const on = (v: string | undefined) => v === 'true' || v === '1' || v === 'on';

function uploaded(f: File): InputFile {
  return { name: f.name || 'upload', size: f.size, open: () => f.stream() as unknown as AsyncIterable<Uint8Array> };
}

export const importsRouter = newRouter().openapi(
  createRoute({
    method: 'post', path: '/imports', tags: ['Imports'],
    summary: `Import uploaded files (at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB in all); 422 when a file is rejected, with every problem's file, row and column`,
    middleware: [bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: (c) => c.json(errorBody('too_large', `the upload is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`), 413) })] as const,
    request: { body: { required: true, content: { 'multipart/form-data': { schema: form } } } },
    responses: { 200: json(importReportView, 'Imported (or, with dry_run, what would change)'), 422: json(importReportView, 'A file was rejected; nothing from it was imported'), ...errors },
  }),
  async (c) => {
    const f = c.req.valid('form');
    const list: unknown[] = Array.isArray(f.file) ? f.file : [f.file];
    const files = list.filter((x): x is File => x instanceof File);
    if (files.length === 0) throw new Invalid('no file was uploaded', [{ path: 'file', message: 'add one or more files in the "file" field' }]);
    const report = await importFiles(
      c.var.actor,
      files.map(uploaded),
      { account: f.account, locale: f.locale, encoding: f.encoding, as_of: f.as_of, ignore_unknown: on(f.ignore_unknown), dry_run: on(f.dry_run), atomic: on(f.atomic) },
      c.var.deps,
    );
    return report.rejected ? c.json(report, 422) : c.json(report, 200);
  },
);
