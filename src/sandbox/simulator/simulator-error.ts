/**
 * A client error of the simulator API: a stable code for scripts and tests, and a message written
 * for the person at the page. The server's error handler turns it into `{ error: { code, message } }`.
 */
export class SimulatorError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SimulatorError';
  }
}
