import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * The one logger factory. Secrets and phone numbers are redacted by path wherever they appear;
 * code must still never put a phone number or token into a message string.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'token', '*.token', 'accessToken', '*.accessToken', 'access_token', '*.access_token',
          'appSecret', '*.appSecret', 'app_secret', '*.app_secret', 'password', '*.password',
          'authorization', '*.authorization', 'req.headers.authorization', 'req.headers.cookie',
          'phone', '*.phone', 'wa_id', '*.wa_id', 'from', '*.from', 'to', '*.to', 'recipient_id', '*.recipient_id',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
