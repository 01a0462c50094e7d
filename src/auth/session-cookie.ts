/** The cookie local sign-in sets for the pages: the API reads a session from it, the pages read who is signed in. */
export const SESSION_COOKIE = 'lead_session';
