import { GraphError } from './graph-error.ts';

/** What Meta says for one error code, in a send response or in a `failed` status. */
export interface CatalogueEntry {
  title: string;
  details: string;
  httpStatus: number;
  /** Meta reports this code only in a `failed` status webhook after answering the send with 200. */
  asynchronous?: boolean;
  transient?: boolean;
  /** Error messages of auth and platform errors carry no "(#code)" prefix. */
  bareMessage?: boolean;
  subcode?: number;
}

const HREF = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';

const CATALOGUE: Record<number, CatalogueEntry> = {
  0: { title: 'AuthException', details: 'We were unable to authenticate the app user.', httpStatus: 401 },
  1: { title: 'An unknown error has occurred.', details: 'Invalid request or possible server error.', httpStatus: 500, transient: true, bareMessage: true },
  2: { title: 'Service temporarily unavailable', details: 'Temporary due to downtime or due to being overloaded.', httpStatus: 503, transient: true, bareMessage: true },
  3: { title: 'Application does not have the capability to make this API call.', details: 'Capability or permissions issue.', httpStatus: 403 },
  4: { title: 'Application request limit reached', details: 'The app has reached its API call rate limit.', httpStatus: 400, transient: true },
  10: { title: 'Application does not have permission for this action', details: 'Permission is either not granted or has been removed.', httpStatus: 403 },
  100: { title: 'Invalid parameter', details: 'Invalid parameter', httpStatus: 400 },
  190: {
    title: 'Error validating access token: Session has expired.',
    details: 'The access token has expired.',
    httpStatus: 401,
    bareMessage: true,
    subcode: 463,
  },
  200: { title: 'Permissions error', details: 'Permission is either not granted or has been removed.', httpStatus: 403 },
  80007: { title: 'Rate limit issues', details: 'The WhatsApp Business Account has reached its rate limit.', httpStatus: 400, transient: true },
  130429: { title: 'Rate limit hit', details: 'Cloud API message throughput has been reached.', httpStatus: 400, transient: true },
  130472: {
    title: "User's number is part of an experiment",
    details: "Failed to send message because this user's phone number is part of an experiment.",
    httpStatus: 400,
    asynchronous: true,
  },
  131000: { title: 'Something went wrong', details: 'Message failed to send due to an unknown error.', httpStatus: 500, transient: true },
  131005: { title: 'Access denied', details: 'Permission is either not granted or has been removed.', httpStatus: 403 },
  131008: { title: 'Required parameter is missing', details: 'The request is missing a required parameter.', httpStatus: 400 },
  131009: { title: 'Parameter value is not valid', details: 'One or more parameter values are invalid.', httpStatus: 400 },
  131016: { title: 'Service unavailable', details: 'A service is temporarily unavailable.', httpStatus: 503, transient: true },
  131021: { title: 'Recipient cannot be sender', details: 'Sender and recipient phone number is the same.', httpStatus: 400 },
  131026: {
    title: 'Message undeliverable',
    details: 'Unable to deliver message: the recipient is not on WhatsApp, has not accepted the latest terms, or uses an old WhatsApp version.',
    httpStatus: 400,
    asynchronous: true,
  },
  131047: {
    title: 'Re-engagement message',
    details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    httpStatus: 400,
  },
  131049: {
    title: 'This message was not delivered to maintain healthy ecosystem engagement.',
    details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
    httpStatus: 400,
    asynchronous: true,
  },
  131050: {
    title: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
    details: 'The user has stopped marketing messages from this business.',
    httpStatus: 400,
    asynchronous: true,
  },
  131051: { title: 'Unsupported message type', details: 'Message type is not currently supported.', httpStatus: 400 },
  131052: { title: 'Media download error', details: 'Unable to download the media sent by the user.', httpStatus: 400, asynchronous: true },
  131053: { title: 'Media upload error', details: 'Unable to upload the media used in the message.', httpStatus: 400, asynchronous: true },
  131056: {
    title: '(Business Account, Consumer Account) pair rate limit hit',
    details:
      'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
    httpStatus: 400,
    transient: true,
  },
  131057: { title: 'Account in maintenance mode', details: 'Business Account is in maintenance mode.', httpStatus: 400, transient: true },
  132000: {
    title: 'Number of parameters does not match the expected number of params',
    details: 'The number of variable parameter values does not match the template.',
    httpStatus: 400,
  },
  132001: { title: 'Template name does not exist in the translation', details: 'The template does not exist in this language.', httpStatus: 400 },
  133010: { title: 'Phone number not registered', details: 'The phone number is not registered on the WhatsApp Business Platform.', httpStatus: 400 },
};

/** Meta's description of `code`, or a generic one for codes the emulator has no text for. */
export function catalogueEntry(code: number): CatalogueEntry {
  return CATALOGUE[code] ?? { title: `Error ${code}`, details: `Error code ${code}.`, httpStatus: 400 };
}

/** The immediate error Meta answers a send with for `code`. */
export function errorForCode(code: number, details?: string): GraphError {
  const e = catalogueEntry(code);
  return new GraphError({
    code,
    message: e.bareMessage ? e.title : `(#${code}) ${e.title}`,
    details: code === 190 ? undefined : (details ?? e.details),
    subcode: e.subcode,
    httpStatus: e.httpStatus,
    isTransient: e.transient,
  });
}

/** The `errors[]` item of a `failed` status webhook for `code`. */
export function statusError(code: number): { code: number; title: string; message: string; error_data: { details: string }; href: string } {
  const e = catalogueEntry(code);
  return { code, title: e.title, message: e.title, error_data: { details: e.details }, href: HREF };
}
