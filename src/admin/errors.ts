/**
 * An error the dashboard and the admin API show as it is: a stable code (for API clients and tests)
 * and a message written for people. Anything else that escapes a handler is a 500 with no details.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** Field problems, for forms and API clients. */
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what = 'page'): HttpError => new HttpError(404, 'not_found', `That ${what} does not exist or is not yours to see.`);
export const forbidden = (): HttpError => new HttpError(403, 'forbidden', 'Your role does not allow this.');
export const badRequest = (code: string, message: string, problems: string[] = []): HttpError => new HttpError(400, code, message, problems);
export const conflict = (code: string, message: string): HttpError => new HttpError(409, code, message);
