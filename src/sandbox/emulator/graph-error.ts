import { randomBytes } from 'node:crypto';

export interface GraphErrorInit {
  code: number;
  /** The full `error.message`, e.g. "(#100) Invalid parameter". */
  message: string;
  details?: string;
  subcode?: number;
  httpStatus?: number;
  isTransient?: boolean;
}

/** A Graph API failure carrying exactly what Meta puts in its `{"error":{…}}` answer. */
export class GraphError extends Error {
  readonly code: number;
  readonly details?: string;
  readonly subcode?: number;
  readonly httpStatus: number;
  readonly isTransient?: boolean;

  constructor(init: GraphErrorInit) {
    super(init.message);
    this.name = 'GraphError';
    this.code = init.code;
    this.details = init.details;
    this.subcode = init.subcode;
    this.httpStatus = init.httpStatus ?? 400;
    this.isTransient = init.isTransient;
  }

  /** Meta's error body; `error_data` only when there are details, as Meta omits it for auth errors. */
  toBody(): { error: Record<string, unknown> } {
    const error: Record<string, unknown> = { message: this.message, type: 'OAuthException', code: this.code };
    if (this.subcode !== undefined) error.error_subcode = this.subcode;
    if (this.isTransient !== undefined) error.is_transient = this.isTransient;
    if (this.details !== undefined) error.error_data = { messaging_product: 'whatsapp', details: this.details };
    error.fbtrace_id = fbtraceId();
    return { error };
  }
}

/** An opaque trace id shaped like Meta's (`A` + 22 URL-safe characters). */
export function fbtraceId(): string {
  return 'A' + randomBytes(17).toString('base64url').slice(0, 22);
}

/** Code 100: a parameter of the wrong shape or an unsupported value. */
export function invalidParameter(details: string): GraphError {
  return new GraphError({ code: 100, message: '(#100) Invalid parameter', details });
}

/** Code 131008: a required parameter is absent. */
export function missingParameter(path: string): GraphError {
  return new GraphError({ code: 131008, message: '(#131008) Required parameter is missing', details: `The parameter ${path} is required.` });
}

/** Code 131009: a parameter is present but breaks a limit (length, count, uniqueness, format). */
export function invalidValue(details: string): GraphError {
  return new GraphError({ code: 131009, message: '(#131009) Parameter value is not valid', details });
}

/** Meta's answer for an id the token cannot see or an edge the object does not have. */
export function unsupportedRequest(method: 'get' | 'post' | 'delete', id: string): GraphError {
  return new GraphError({
    code: 100,
    subcode: 33,
    message:
      `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, ` +
      'or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api',
  });
}

/** HTTP 401, code 190: a token Meta cannot parse or does not know. */
export function unknownToken(): GraphError {
  return new GraphError({ code: 190, httpStatus: 401, message: 'Invalid OAuth access token - Cannot parse access token' });
}

/** HTTP 401, code 190 subcode 460: a token that was valid and has been invalidated. */
export function invalidatedToken(): GraphError {
  return new GraphError({
    code: 190,
    subcode: 460,
    httpStatus: 401,
    message: 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
  });
}

/** Code 104: no access token at all. */
export function tokenRequired(): GraphError {
  return new GraphError({ code: 104, message: 'An access token is required to request this resource.', httpStatus: 400 });
}

/** Code 200 (HTTP 403): the token lacks the scope the edge needs. */
export function permissionError(scope: string): GraphError {
  return new GraphError({ code: 200, httpStatus: 403, message: `(#200) Requires ${scope} permission to manage the object` });
}

/** Code 2500: a path the Graph API does not have (including a malformed version). */
export function unknownPath(path: string): GraphError {
  return new GraphError({ code: 2500, message: `Unknown path components: ${path}` });
}
