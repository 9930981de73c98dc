/** Names the access-token sign-in shares between the server and the browser (no server code here). */
export const TOKEN_COOKIE = "judge_lab_token";
export const SIGN_IN_PATH = "/login";
/** The sign-in form posts the token here (a route handler, so it can answer 429 with Retry-After). */
export const SIGN_IN_API_PATH = "/api/sign-in";
