/**
 * What a failed sign-in says to the person. A refusal by the Auth blocking
 * functions (SIGN_IN_DOMAINS) comes from Auth as
 * `BLOCKING_FUNCTION_ERROR_RESPONSE : ((…{"error":{"message":"…","status":"PERMISSION_DENIED"}}))`;
 * the SDK turns that into `auth/internal-error` and keeps only the part after
 * " : " as its message. The function's own `message` is written for people.
 */
const MESSAGES: Record<string, string> = {
  "auth/invalid-credential": "That email and password do not match an account.",
  "auth/wrong-password": "That email and password do not match an account.",
  "auth/user-not-found": "That email and password do not match an account.",
  "auth/invalid-email": "Enter a valid email address.",
  "auth/missing-password": "Enter your password.",
  "auth/user-disabled": "This account has been disabled.",
  "auth/too-many-requests": "Too many attempts. Wait a minute and try again.",
  "auth/network-request-failed": "The sign-in service could not be reached. Check your connection.",
  "auth/popup-closed-by-user": "The Google window was closed before signing in finished.",
  "auth/popup-blocked": "The browser blocked the Google window. Allow pop-ups for this site.",
  "auth/email-already-in-use": "An account with that address exists already: sign in, or reset its password.",
  "auth/weak-password": "Choose a password of at least 6 characters.",
};

export interface SignInFailure {
  /** True when the deployment's sign-in policy refused the account. */
  refused: boolean;
  message: string;
}

function blockingMessage(code: string, text: string): string | null {
  const fromBlockingFunction =
    text.includes("BLOCKING_FUNCTION_ERROR_RESPONSE") ||
    (code === "auth/internal-error" && /PERMISSION_DENIED|returned (an )?(HTTP )?error/.test(text));
  if (!fromBlockingFunction) return null;
  // The function's answer is JSON, possibly escaped once more inside the server's own message.
  const match = /\\?"message\\?"\s*:\s*\\?"((?:[^"\\]|\\.)*?)\\?"/.exec(text);
  if (!match?.[1]) return "This account may not sign in here.";
  return match[1].replace(/\\(.)/g, "$1");
}

export function signInFailure(error: unknown): SignInFailure {
  const code = (error as { code?: string } | null)?.code ?? "";
  const text = error instanceof Error ? error.message : String(error);
  const refusal = blockingMessage(code, text);
  if (refusal) return { refused: true, message: refusal };
  return { refused: false, message: MESSAGES[code] ?? "Sign-in failed. Try again." };
}
