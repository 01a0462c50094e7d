import { currentUser, START_PAGE } from './session';

/** The front door: straight to the signed-in person's page, or to sign in. */
void currentUser().then((user) => location.replace(user ? START_PAGE[user.role] : '/sign-in'));
