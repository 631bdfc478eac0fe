// Typed domain errors; http/ maps them to one error shape, cli/ to one line and an exit code.
export type ErrorCode = 'not_found' | 'forbidden' | 'unauthorized' | 'invalid' | 'conflict' | 'rate_limited';

export interface ErrorDetail {
  /** Where: a field path, or file/row/column for imports. */
  path?: string;
  file?: string;
  /** The workbook sheet, for XLSX and XLS files. */
  sheet?: string;
  row?: number;
  column?: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  constructor(message: string) {
    super('not_found', message);
  }
}
export class Forbidden extends DomainError {
  constructor(message = 'you may not do this') {
    super('forbidden', message);
  }
}
/** No valid session (or wrong credentials at sign-in). */
export class Unauthenticated extends DomainError {
  constructor(message = 'sign in first') {
    super('unauthorized', message);
  }
}
/** Too many attempts; try again after `retryAfterSeconds`. */
export class TooManyAttempts extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', message);
  }
}
export class Invalid extends DomainError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super('invalid', message, details);
  }
}
export class Conflict extends DomainError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super('conflict', message, details);
  }
}
