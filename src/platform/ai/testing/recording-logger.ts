import type { AiLogger } from '../ai-port.ts';

export interface RecordingLogger extends AiLogger {
  lines: { level: 'debug' | 'info' | 'warn' | 'error'; obj: object; msg: string }[];
  messages(level?: 'debug' | 'info' | 'warn' | 'error'): string[];
}

/** A pino-shaped logger that keeps what it was told, for asserting on log lines. */
export function createRecordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  const at =
    (level: RecordingLogger['lines'][number]['level']) =>
    (obj: object, msg = '') => {
      lines.push({ level, obj, msg });
    };
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    messages: (level) => lines.filter((l) => !level || l.level === level).map((l) => l.msg),
  };
}
