import { describe, expect, it } from "vitest";
import { signInFailure } from "../src/auth/signInError";

const authError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("what a failed sign-in says", () => {
  it("shows the blocking function's own message, as the SDK hands it over from the emulator", () => {
    const error = authError(
      "auth/internal-error",
      'Firebase: ((HTTP request to http://127.0.0.1:5001/demo-firetrack/us-central1/beforeSignIn returned HTTP error 403: {"error":{"message":"Accounts from outsider.test may not sign in here. Use your organisation\'s email address.","status":"PERMISSION_DENIED"}})) (auth/internal-error).',
    );
    expect(signInFailure(error)).toEqual({
      refused: true,
      message: "Accounts from outsider.test may not sign in here. Use your organisation's email address.",
    });
  });

  it("reads production's escaped form too", () => {
    const error = authError(
      "auth/internal-error",
      'Firebase: BLOCKING_FUNCTION_ERROR_RESPONSE : ((HTTP Cloud Function returned an error: {\\"error\\":{\\"message\\":\\"Accounts from evil.example may not sign in here.\\",\\"status\\":\\"PERMISSION_DENIED\\"}})) (auth/internal-error).',
    );
    expect(signInFailure(error)).toEqual({
      refused: true,
      message: "Accounts from evil.example may not sign in here.",
    });
  });

  it("is no refusal for a wrong password or an unknown internal error", () => {
    expect(signInFailure(authError("auth/invalid-credential", "Firebase: Error (auth/invalid-credential)."))).toEqual({
      refused: false,
      message: "That email and password do not match an account.",
    });
    expect(signInFailure(authError("auth/internal-error", "Firebase: Error (auth/internal-error).")).refused).toBe(
      false,
    );
  });
});
