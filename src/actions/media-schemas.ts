// Input schemas and public JSON views of the media library.
import { z } from 'zod';
import { MEDIA_KINDS } from '../core/media/index.ts';
import { pageQuery } from './fields.ts';

const altText = z.string().trim().max(1000, 'at most 1,000 characters (Instagram’s limit)');
const tag = z.string().trim().min(1).max(50).regex(/^[^,]+$/, 'no commas');

/** Tags as a list, or one string separated by commas (the upload form sends that). */
export const tagsField = z
  .preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(tag).max(30))
  .meta({ description: 'tags, as a list or separated by commas', example: ['campaign-2026', 'standards-day'] });

export const uploadFields = z
  .object({
    alt_text: altText.optional().meta({ description: 'what the image shows, for people who cannot see it; required before an image goes into a post' }),
    tags: tagsField.optional(),
  })
  .strict();

export const updateMediaInput = z
  .object({
    alt_text: altText.nullable().optional(),
    tags: tagsField.optional().meta({ description: 'replaces every tag' }),
    file_name: z.string().trim().min(1).max(255).optional().meta({ description: 'the name shown in the library' }),
  })
  .strict()
  .meta({ id: 'MediaUpdate' });

export const listMediaInput = pageQuery.extend({
  kind: z.enum(MEDIA_KINDS).optional(),
  tag: z.string().trim().toLowerCase().max(50).optional(),
  q: z.string().max(200).optional().meta({ description: 'words to find in the file name, alt text and tags' }),
});

export const mediaView = z
  .object({
    id: z.number(),
    org: z.string(),
    kind: z.enum(MEDIA_KINDS).meta({ description: 'from the file’s first bytes, not its name' }),
    mime: z.string(),
    file_name: z.string(),
    sha256: z.string(),
    bytes: z.number(),
    width: z.number().nullable().meta({ description: 'as displayed (EXIF orientation and video rotation applied); null when unreadable' }),
    height: z.number().nullable(),
    duration_sec: z.number().nullable(),
    alt_text: z.string().nullable(),
    tags: z.array(z.string()),
    file_url: z.string().meta({ example: '/api/media/1/file' }),
    thumbnail_url: z.string().nullable().meta({ description: 'null for documents' }),
    used_by: z.number().meta({ description: 'how many content variants use it; it can be deleted only at 0' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Media' });
export type MediaView = z.infer<typeof mediaView>;

export const uploadView = mediaView.extend({ duplicate: z.boolean().meta({ description: 'the organisation already had this file; that entry is returned' }) }).meta({ id: 'MediaUpload' });
export type UploadView = z.infer<typeof uploadView>;

export const mediaUsesView = z
  .object({ items: z.array(z.object({ id: z.number(), title: z.string(), status: z.string(), platform: z.string() })) })
  .meta({ id: 'MediaUses' });

export const tagCountsView = z.object({ items: z.array(z.object({ tag: z.string(), count: z.number() })) }).meta({ id: 'MediaTags' });

/** A variant's media entry that points into the library. */
export const libraryMediaRef = z.object({ media_id: z.number().int().positive() }).strict().meta({ id: 'ContentMediaRef', description: 'a file of the media library' });
