// The process logger (pino). Secrets never reach it: tokens are redacted by path.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['*.token', '*.access_token', '*.refresh_token', '*.password', '*.secret', 'req.headers.cookie', 'req.headers.authorization'], censor: '[redacted]' },
  });
}
