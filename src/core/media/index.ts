// Public API of the media library's pure parts: kind detection from magic bytes, image header sizes, the MP4 box reader, upload limits.
export { HEAD_BYTES, MEDIA_KINDS, detectKind, imageDimensions, type Detected, type Dimensions, type LibraryKind } from './detect.ts';
export { bytesSource, readMp4, type ByteSource, type VideoInfo } from './mp4.ts';

/** The largest upload: X's video limit (512 MB), which covers every image and Instagram's 300 MB video. */
export const MAX_MEDIA_BYTES = 512 * 1024 * 1024;

/** Tags are short words, compared in lower case. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))].sort();
}

/** Images and GIFs are described for people who cannot see them before they go into a post. */
export function needsAltText(kind: string): boolean {
  return kind === 'image' || kind === 'gif';
}
