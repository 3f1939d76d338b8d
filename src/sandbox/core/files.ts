import type { Audio, Document, PhotoSize, Video, Voice } from '@grammyjs/types';
import type { SandboxContext } from './context.ts';
import { newFileIds } from './ids.ts';
import type { FileKind, FileRecord } from './store.ts';

const FOLDERS: Record<FileKind, string> = {
  photo: 'photos',
  document: 'documents',
  voice: 'voice',
  audio: 'music',
  video: 'videos',
  animation: 'animations',
  sticker: 'stickers',
};
const DEFAULT_MIME: Record<FileKind, string> = {
  photo: 'image/jpeg',
  document: 'application/octet-stream',
  voice: 'audio/ogg',
  audio: 'audio/mpeg',
  video: 'video/mp4',
  animation: 'video/mp4',
  sticker: 'image/webp',
};
const EXT_BY_MIME: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'audio/ogg': 'oga',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'video/mp4': 'mp4',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
};

/**
 * Like Telegram, a document uploaded as application/octet-stream (grammY sends every part so) gets
 * its type from the file name: "export.json" is application/json, "tasks.csv" text/csv.
 */
const MIME_BY_EXT: Record<string, string> = {
  ...Object.fromEntries(Object.entries(EXT_BY_MIME).map(([mime, ext]) => [ext, mime])),
  jpeg: 'image/jpeg',
  json: 'application/json',
  csv: 'text/csv',
  ics: 'text/calendar',
  zip: 'application/zip',
  html: 'text/html',
  md: 'text/markdown',
};

export interface NewFile {
  data: Buffer;
  kind: FileKind;
  mime_type?: string | undefined;
  file_name?: string | undefined;
}

export function storeFile(ctx: SandboxContext, input: NewFile): FileRecord {
  const seq = ++ctx.store.counters.file;
  const nameExt = input.file_name?.includes('.')
    ? input.file_name.split('.').pop()?.toLowerCase()
    : undefined;
  const generic = !input.mime_type || input.mime_type === 'application/octet-stream';
  const byName = generic && nameExt ? MIME_BY_EXT[nameExt] : undefined;
  const mime = byName ?? (input.mime_type || DEFAULT_MIME[input.kind]);
  const ext = input.kind === 'voice' ? 'oga' : (EXT_BY_MIME[mime] ?? nameExt ?? 'bin');
  const record: FileRecord = {
    ...newFileIds(seq),
    file_path: `${FOLDERS[input.kind]}/file_${seq}.${ext}`,
    kind: input.kind,
    mime_type: mime,
    file_name: input.file_name,
    size: input.data.length,
    data: input.data,
  };
  ctx.store.files.set(record.file_id, record);
  ctx.changed();
  return record;
}

/** Width/height from PNG, GIF, WebP (VP8X) or JPEG headers; 0×0 when unknown. */
export function imageSize(data: Buffer): { width: number; height: number } {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length > 10 && data.toString('ascii', 0, 3) === 'GIF') {
    return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  }
  if (
    data.length > 30 &&
    data.toString('ascii', 8, 12) === 'WEBP' &&
    data.toString('ascii', 12, 16) === 'VP8X'
  ) {
    return { width: 1 + data.readUIntLE(24, 3), height: 1 + data.readUIntLE(27, 3) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return { width: 0, height: 0 };
      const marker = data[i + 1] ?? 0;
      const length = data.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: data.readUInt16BE(i + 7), height: data.readUInt16BE(i + 5) };
      }
      i += 2 + length;
    }
  }
  return { width: 0, height: 0 };
}

export interface MediaExtras {
  duration?: number | undefined;
  performer?: string | undefined;
  title?: string | undefined;
  width?: number | undefined;
  height?: number | undefined;
}

/** The Telegram media object for a stored file (photo gives a one-size PhotoSize array). */
export function mediaObject(
  file: FileRecord,
  extras: MediaExtras = {},
): PhotoSize[] | Document | Voice | Audio | Video {
  const ids = { file_id: file.file_id, file_unique_id: file.file_unique_id };
  switch (file.kind) {
    case 'photo': {
      const size = imageSize(file.data);
      return [{ ...ids, width: size.width, height: size.height, file_size: file.size }];
    }
    case 'voice':
      return { ...ids, duration: extras.duration ?? 0, mime_type: file.mime_type, file_size: file.size };
    case 'audio':
      return {
        ...ids,
        duration: extras.duration ?? 0,
        ...(extras.performer ? { performer: extras.performer } : {}),
        ...(extras.title ? { title: extras.title } : {}),
        ...(file.file_name ? { file_name: file.file_name } : {}),
        mime_type: file.mime_type,
        file_size: file.size,
      };
    case 'video':
    case 'animation':
      return {
        ...ids,
        width: extras.width ?? 0,
        height: extras.height ?? 0,
        duration: extras.duration ?? 0,
        mime_type: file.mime_type,
        file_size: file.size,
      };
    default:
      return {
        ...ids,
        ...(file.file_name ? { file_name: file.file_name } : {}),
        mime_type: file.mime_type,
        file_size: file.size,
      };
  }
}
