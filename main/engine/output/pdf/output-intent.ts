import { docInternals, newRef, type Doc } from './context.js';

/*
 * The colour meaning of a CMYK print PDF: an /OutputIntent carrying the ICC profile its photos
 * were converted with (cmyk-images.ts). That profile is the one libvips builds in as `cmyk`: its
 * own tags read desc "Chemical proof" and cprt "Created by Graeme W. Gill. Released into the
 * public domain. No Warranty, Use at your own risk." — Graeme Gill is ArgyllCMS's author, and
 * libvips took it from nip2 (docs/print.md has the details). Public domain, so it may ship and be
 * embedded, and altered: its three copies of the measurement data it was made from (the `targ`,
 * `DevD` and `CIED` text tags, 734 KB of the 962 KB) are left out, as no reader of the profile
 * uses them; the colour tables are untouched. It is read from libvips at run time (nothing extra
 * ships): 227 KB, about 170 KB deflated in each CMYK PDF.
 */

/** Text tags of measurement data: not needed to convert colour. */
const DROP = new Set(['targ', 'DevD', 'CIED']);

let profile: Promise<Buffer> | undefined;

/** The ICC header and tag table without the dropped tags; the data stays where it is. */
export function stripMeasurementTags(icc: Buffer): Buffer {
  const count = icc.readUInt32BE(128);
  const tags: { sig: string; offset: number; size: number }[] = [];
  for (let i = 0; i < count; i++) {
    const at = 132 + 12 * i;
    tags.push({
      sig: icc.toString('latin1', at, at + 4),
      offset: icc.readUInt32BE(at + 4),
      size: icc.readUInt32BE(at + 8),
    });
  }
  const keep = tags.filter((t) => !DROP.has(t.sig));
  const used = Math.max(...keep.map((t) => t.offset + t.size));
  // The kept data past the dropped tags' would move; the profile keeps them all before (checked).
  const dropped = tags.filter((t) => DROP.has(t.sig));
  if (dropped.some((t) => t.offset < used)) return icc;
  const out = Buffer.from(icc.subarray(0, Math.ceil(used / 4) * 4));
  out.writeUInt32BE(out.length, 0);
  // The profile ID (an MD5 of the profile) no longer matches: 0 means "not computed".
  out.fill(0, 84, 100);
  out.writeUInt32BE(keep.length, 128);
  keep.forEach((t, i) => {
    const at = 132 + 12 * i;
    out.write(t.sig, at, 'latin1');
    out.writeUInt32BE(t.offset, at + 4);
    out.writeUInt32BE(t.size, at + 8);
  });
  // The freed table entries are zeroed (padding before the first tag's data).
  out.fill(0, 132 + 12 * keep.length, 132 + 12 * count);
  return out;
}

/** libvips' built-in CMYK profile, read back from a 1-pixel CMYK JPEG, measurement data left out. */
export function cmykProfile(): Promise<Buffer> {
  profile ??= (async () => {
    const sharp = (await import('sharp')).default;
    const jpeg = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#ffffff' } })
      .withIccProfile('cmyk')
      .jpeg()
      .toBuffer();
    const { icc } = await sharp(jpeg).metadata();
    if (!icc) throw new Error('libvips gave no CMYK profile');
    return stripMeasurementTags(icc);
  })();
  profile.catch(() => (profile = undefined));
  return profile;
}

/** Names the profile as the document's output intent (the condition its CMYK values are for). */
export function addOutputIntent(doc: Doc, icc: Buffer): void {
  const stream = newRef(doc, { N: 4, Alternate: 'DeviceCMYK' });
  stream.end(icc);
  docInternals(doc).root.data.OutputIntents = [
    {
      Type: 'OutputIntent',
      S: 'GTS_PDFX',
      OutputConditionIdentifier: new String('Custom'),
      OutputCondition: new String('Chemical proof (ArgyllCMS, public domain; libvips built-in cmyk profile)'),
      Info: new String('CMYK of photos and pictures converted with this profile; vector colours as set in the design'),
      RegistryName: new String(''),
      DestOutputProfile: stream,
    },
  ];
}
