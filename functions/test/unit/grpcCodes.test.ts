import { describe, expect, it } from "vitest";
import { GRPC, grpcCode, hasGrpcCode, isAlreadyExists } from "../../src/store/grpcCodes";

describe("gRPC codes", () => {
  it("reads the code Firestore errors carry, and nothing from anything else", () => {
    expect(grpcCode(Object.assign(new Error("x"), { code: 6 }))).toBe(6);
    for (const notAnError of [null, undefined, 6, "6", {}]) expect(grpcCode(notAnError)).toBeUndefined();
  });

  it("matches codes exactly", () => {
    const aborted = { code: GRPC.ABORTED };
    expect(hasGrpcCode(aborted, GRPC.DEADLINE_EXCEEDED, GRPC.ABORTED)).toBe(true);
    expect(hasGrpcCode(aborted, GRPC.ALREADY_EXISTS)).toBe(false);
    expect(isAlreadyExists({ code: 6 })).toBe(true);
    expect(isAlreadyExists({ code: "6" })).toBe(false);
    expect(isAlreadyExists({ code: "already-exists" })).toBe(false);
  });
});
