import { describe, expect, it } from 'vitest';
import { makeImage, makeMp4 } from '../../testing/media.ts';
import { bytesSource, detectKind, imageDimensions, readMp4 } from './index.ts';

describe('detectKind', () => {
  it('reads the kind from the first bytes, whatever the name says', async () => {
    expect(detectKind(await makeImage('jpeg', 4, 3), 'holiday.png')).toEqual({ kind: 'image', mime: 'image/jpeg', format: 'jpeg' });
    expect(detectKind(await makeImage('png', 4, 3), 'x.jpg')?.format).toBe('png');
    expect(detectKind(await makeImage('gif', 4, 3))?.kind).toBe('gif');
    expect(detectKind(await makeImage('webp', 4, 3))?.mime).toBe('image/webp');
    expect(detectKind(makeMp4({ width: 1080, height: 1920, durationSec: 12 }), 'clip.gif')).toEqual({ kind: 'video', mime: 'video/mp4', format: 'mp4' });
    expect(detectKind(makeMp4({ width: 2, height: 2, durationSec: 1, brand: 'qt' }))?.mime).toBe('video/quicktime');
    expect(detectKind(Buffer.from('%PDF-1.7\n...'), 'a.jpg')).toEqual({ kind: 'document', mime: 'application/pdf', format: 'pdf' });
    expect(detectKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'Plan.DOCX')?.format).toBe('docx');
  });

  it('refuses what it does not know, including text and SVG', () => {
    expect(detectKind(Buffer.from('hello world'), 'a.jpg')).toBeUndefined();
    expect(detectKind(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg')).toBeUndefined();
    expect(detectKind(new Uint8Array(0))).toBeUndefined();
  });
});

describe('imageDimensions', () => {
  it('reads width and height of each image format', async () => {
    for (const f of ['jpeg', 'png', 'gif', 'webp'] as const) {
      expect(imageDimensions(await makeImage(f, 40, 25), f), f).toEqual({ width: 40, height: 25 });
    }
  });

  it('turns a JPEG whose EXIF orientation is a quarter turn', async () => {
    expect(imageDimensions(await makeImage('jpeg', 40, 25, { orientation: 6 }), 'jpeg')).toEqual({ width: 25, height: 40 });
    expect(imageDimensions(await makeImage('jpeg', 40, 25, { orientation: 3 }), 'jpeg')).toEqual({ width: 40, height: 25 });
  });

  it('gives up on a cut header instead of guessing', async () => {
    const png = await makeImage('png', 40, 25);
    expect(imageDimensions(png.subarray(0, 20), 'png')).toBeUndefined();
    expect(imageDimensions(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'jpeg')).toBeUndefined();
  });
});

describe('readMp4', () => {
  it('reads the duration and the video track size with moov at the end or the start', async () => {
    expect(await readMp4(bytesSource(makeMp4({ width: 1280, height: 720, durationSec: 95.5 })))).toEqual({ durationSec: 95.5, width: 1280, height: 720 });
    expect(await readMp4(bytesSource(makeMp4({ width: 640, height: 640, durationSec: 3, moovAtEnd: false, version1: true })))).toEqual({ durationSec: 3, width: 640, height: 640 });
  });

  it('applies the rotation of a portrait phone video', async () => {
    expect(await readMp4(bytesSource(makeMp4({ width: 1080, height: 1920, durationSec: 15, quarterTurn: true })))).toEqual({ durationSec: 15, width: 1080, height: 1920 });
  });

  it('returns nothing it cannot read', async () => {
    const mp4 = makeMp4({ width: 2, height: 2, durationSec: 1 });
    expect(await readMp4(bytesSource(mp4.subarray(0, mp4.length - 50)))).toEqual({});
    expect(await readMp4(bytesSource(Buffer.from([0, 0, 0, 1, 1, 2, 3])))).toEqual({});
  });
});
