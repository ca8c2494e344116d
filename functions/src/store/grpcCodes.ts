/**
 * The gRPC status codes Firestore's errors carry in `code`, named once for the
 * store and the event handlers (https://grpc.github.io/grpc/core/md_doc_statuscodes.html).
 */
export const GRPC = {
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  UNAVAILABLE: 14,
} as const;
export type GrpcCode = (typeof GRPC)[keyof typeof GRPC];

export const grpcCode = (err: unknown): unknown =>
  err !== null && typeof err === "object" ? (err as { code?: unknown }).code : undefined;

export const hasGrpcCode = (err: unknown, ...codes: GrpcCode[]): boolean =>
  codes.some((code) => grpcCode(err) === code);

/** A create() that found the document there: for idempotent writers, the work is already done. */
export const isAlreadyExists = (err: unknown): boolean => hasGrpcCode(err, GRPC.ALREADY_EXISTS);
