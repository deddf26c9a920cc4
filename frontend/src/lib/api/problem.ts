import type { Schemas } from './client';

export type Problem = Schemas['Problem'];

/** A failed API call: the HTTP status and the RFC 9457 problem the backend answered with. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The field errors of a validation problem, keyed by field (several for one field joined by `separator`). */
  fieldErrors(separator = '; '): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const error of this.problem?.errors ?? []) {
      if (error.field && error.message) {
        const earlier = errors[error.field];
        errors[error.field] = earlier && earlier !== error.message ? `${earlier}${separator}${error.message}` : error.message;
      }
    }
    return errors;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function asProblem(body: unknown): Problem | undefined {
  if (body && typeof body === 'object' && 'status' in body) {
    return body as Problem;
  }
  return undefined;
}

/**
 * Unwraps an openapi-fetch result: the data, or an ApiError carrying the problem+json body.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError(0, {
      type: 'urn:citystep:problem:network',
      title: 'Network error',
      status: 0,
      detail: cause instanceof Error ? cause.message : String(cause),
    });
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) {
    throw new ApiError(response.status, asProblem(error));
  }
  return data as T;
}

/** A 409 because someone saved a newer version since this one was read (optimistic locking). */
export function isStaleVersion(error: unknown): error is ApiError {
  return isApiError(error) && error.status === 409 && Boolean(error.problem?.type?.endsWith(':stale-version'));
}
