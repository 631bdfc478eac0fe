// Field schemas shared by the use cases, with the rules of FORMATS.md.
import { z } from 'zod';
import { isIanaZone, isLocalDate } from '../core/time.ts';
import { PLATFORMS } from '../core/platforms.ts';
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from './context.ts';

export const orgCode = z
  .string()
  .regex(/^[A-Z0-9_-]{2,32}$/, 'must be 2-32 characters of A-Z, 0-9, _ or -')
  .meta({ description: 'Organisation code (natural key)', example: 'BSN' });

export const groupCode = z
  .string()
  .regex(/^[A-Z0-9_-]{2,32}$/, 'must be 2-32 characters of A-Z, 0-9, _ or -')
  .meta({ description: 'Group code (natural key)', example: 'ISO' });

export const timezone = z
  .string()
  .refine(isIanaZone, 'must be an IANA time zone such as Asia/Jakarta')
  .meta({ description: 'IANA time zone', example: 'Asia/Jakarta' });

export const country = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as ID')
  .meta({ example: 'ID' });

const bcp47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const languages = z
  .array(z.string().regex(bcp47, 'must be a BCP 47 tag such as id or en-GB'))
  .min(1, 'needs at least one language')
  .meta({ description: 'BCP 47 tags, preferred first', example: ['id', 'en'] });

export const platform = z
  .preprocess((v) => (typeof v === 'string' && v.toLowerCase() === 'twitter' ? 'x' : typeof v === 'string' ? v.toLowerCase() : v), z.enum(PLATFORMS))
  .meta({ description: 'Platform (twitter is accepted as x)', example: 'instagram' });

export const handle = z
  .string()
  .trim()
  .transform((h) => h.replace(/^@/, ''))
  .pipe(z.string().min(1, 'must not be empty').max(100).regex(/^\S+$/, 'must not contain spaces'))
  .meta({ description: 'Handle without a leading @', example: 'bsn_sni' });

export const localDate = z.string().refine(isLocalDate, 'must be a date YYYY-MM-DD').meta({ example: '2019-08-09' });

export const email = z.email('must be an e-mail address');

export const pageQuery = z.object({
  cursor: z.string().optional().meta({ description: 'next_cursor of the previous page' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_LIMIT_MAX)
    .default(PAGE_LIMIT_DEFAULT)
    .meta({ description: `page size, at most ${PAGE_LIMIT_MAX}` }),
});
