import type { MessageEntity, File as TelegramFile } from '@grammyjs/types';
import { badRequest } from '../core/api-error.ts';
import { mediaObject, storeFile } from '../core/files.ts';
import type { FileKind, FileRecord } from '../core/store.ts';
import type { MethodEnv, MethodTable } from './method-env.ts';
import type { Params } from './params.ts';
import { commitSend, formatParam, MAX_CAPTION, prepareSend, textFields } from './send-common.ts';

const WRONG_FILE = 'wrong file identifier/HTTP URL specified';
const MAX_UPLOAD = 50 * 1024 * 1024;

/** Resolves an InputFile parameter: multipart upload (direct or attach://), known file_id, or HTTP URL. */
async function resolveInput(p: Params, env: MethodEnv, kind: FileKind): Promise<FileRecord> {
  let value = p.file(kind);
  if (value === undefined) throw badRequest(`there is no ${kind} in the request`);
  if (typeof value === 'string' && value.startsWith('attach://')) {
    value = p.file(value.slice('attach://'.length));
    if (!(value instanceof File)) throw badRequest(`there is no ${kind} in the request`);
  }
  if (value instanceof File) {
    if (value.size > MAX_UPLOAD) throw badRequest('Request Entity Too Large');
    const data = Buffer.from(await value.arrayBuffer());
    if (data.length === 0) throw badRequest(`file must be non-empty`);
    const fileName = kind === 'document' || kind === 'audio' ? value.name || undefined : undefined;
    return storeFile(env.ctx, { data, kind, mime_type: value.type || undefined, file_name: fileName });
  }
  const known = env.ctx.store.files.get(value);
  if (known) return known;
  if (/^https?:\/\//i.test(value)) return fetchRemote(env, value, kind);
  throw badRequest(WRONG_FILE);
}

async function fetchRemote(env: MethodEnv, url: string, kind: FileKind): Promise<FileRecord> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = Buffer.from(await response.arrayBuffer());
    const mime = response.headers.get('content-type')?.split(';')[0]?.trim();
    const name = new URL(url).pathname.split('/').pop() || undefined;
    return storeFile(env.ctx, { data, kind, mime_type: mime, file_name: name });
  } catch {
    throw badRequest('failed to get HTTP URL content');
  }
}

function sendMedia(kind: FileKind) {
  return async (p: Params, env: MethodEnv) => {
    const target = prepareSend(p, env);
    const caption = formatParam(
      env,
      p.str('caption') ?? '',
      p.str('parse_mode'),
      p.json<MessageEntity[]>('caption_entities'),
    );
    if (caption.text.length > MAX_CAPTION) throw badRequest('message caption is too long');
    const file = await resolveInput(p, env, kind);
    const media = mediaObject(file, {
      duration: p.int('duration'),
      performer: p.str('performer'),
      title: p.str('title'),
      width: p.int('width'),
      height: p.int('height'),
    });
    return commitSend(env, target, {
      [kind]: media,
      ...(caption.text ? textFields(caption, 'caption') : {}),
    });
  };
}

export function fileInfo(file: FileRecord): TelegramFile {
  return {
    file_id: file.file_id,
    file_unique_id: file.file_unique_id,
    file_size: file.size,
    file_path: file.file_path,
  };
}

export function createMediaMethods(): MethodTable {
  return {
    sendphoto: sendMedia('photo'),
    senddocument: sendMedia('document'),
    sendvoice: sendMedia('voice'),
    sendaudio: sendMedia('audio'),
    sendvideo: sendMedia('video'),
    sendanimation: sendMedia('animation'),
    getfile(p, env) {
      const id = p.str('file_id');
      if (!id) throw badRequest('file_id not specified');
      const file = env.ctx.store.files.get(id);
      if (!file) throw badRequest('invalid file_id');
      return fileInfo(file);
    },
  };
}
