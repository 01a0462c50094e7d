import { requireSession } from './session';

/** A page its person may not open (served 403 by the server): their navigation and identity bar only. */
void requireSession();
