import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/ports/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
};
var ExternalError = class extends Error {
  constructor(message, details = {}) {
    super(message, { cause: details.cause });
    this.details = details;
  }
  details;
  name = "ExternalError";
};
var RequestError = class extends ExternalError {
  name = "RequestError";
  /** The HTTP status of the last answer, when there was one. */
  status;
  /** The service's own explanation (DocuElevate's `detail`, GitHub's message), when its answer had one. */
  detail;
  /** Requests made before giving up, retries included. */
  attempts;
  constructor(message, details = {}) {
    super(message, details);
    this.status = details.status;
    this.detail = details.detail;
    this.attempts = details.attempts ?? 1;
  }
};
var AppliedStateConflictError = class extends ExternalError {
  constructor(message, expected, actual) {
    super(message);
    this.expected = expected;
    this.actual = actual;
  }
  expected;
  actual;
  name = "AppliedStateConflictError";
};

export {
  UsageError,
  ExternalError,
  RequestError,
  AppliedStateConflictError
};
