import { importJWK, SignJWT, type KeyLike } from 'jose';
import { CLAIMS, createTokenService, generateLocalKey, type TokenService } from '../../src/auth/tokens';

const SESSION_SECONDS = 8 * 3600;
let tokens: TokenService;
let sign: (claims: Record<string, unknown>, edit?: (jwt: SignJWT) => SignJWT) => Promise<string>;

beforeAll(async () => {
  const key = await generateLocalKey();
  tokens = await createTokenService({
    issuer: 'lead-referrals',
    audience: 'lead-referrals',
    sessionSeconds: SESSION_SECONDS,
    localKey: key,
  });
  const privateKey = (await importJWK(key.privateJwk, 'ES256')) as KeyLike;
  // A token signed with the service's own key, as an attacker holding an old or hand-made one would have it.
  sign = (claims, edit = (jwt) => jwt) =>
    edit(
      new SignJWT({ [CLAIMS.role]: 'supervisor', ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: key.publicJwk.kid })
        .setSubject('someone')
        .setIssuer('lead-referrals')
        .setAudience('lead-referrals'),
    ).sign(privateKey);
});

const refusal = (token: string) =>
  tokens.verify(token).then(
    () => 'accepted',
    (err: { code: string; message: string }) => `${err.code}: ${err.message}`,
  );
const now = () => Math.floor(Date.now() / 1000);
const session = { [CLAIMS.sessionVersion]: 0 };

test('issue 22 item 6: a session the service issues carries its expiry, its session version and its id', async () => {
  const { token, sessionId } = await tokens.issue({ id: 'ana', role: 'officer', agency: 'BURIEN_PD' });
  expect(await tokens.verify(token)).toMatchObject({ id: 'ana', sessionVersion: 0, sessionId });
  await expect(tokens.issue({ id: 'ana', role: 'officer' }, SESSION_SECONDS + 1)).rejects.toThrow(/session length/);
});

test('issue 22 item 6: a token without exp, or one that outlives the session length, is refused naming why', async () => {
  const withJti = (jwt: SignJWT) => jwt.setJti('s-1').setIssuedAt();
  expect(await refusal(await sign(session, withJti))).toMatch(/^TOKEN_WITHOUT_EXPIRY: .*no expiry \(exp\)/);
  expect(await refusal(await sign(session, (jwt) => withJti(jwt).setExpirationTime('100y')))).toMatch(
    /^TOKEN_LIFETIME_TOO_LONG: .*session length \(8 hours, AUTH_SESSION_HOURS\)/,
  );
  // Issued long ago with a long life: still inside it now, but longer than a session ever lasts.
  const stale = (jwt: SignJWT) =>
    jwt
      .setJti('s-2')
      .setIssuedAt(now() - SESSION_SECONDS)
      .setExpirationTime(now() + 60);
  expect(await refusal(await sign(session, stale))).toMatch(/^TOKEN_LIFETIME_TOO_LONG/);
  // Without iat, the expiry counts from now.
  expect(await refusal(await sign(session, (jwt) => jwt.setJti('s-3').setExpirationTime('9h')))).toMatch(
    /^TOKEN_LIFETIME_TOO_LONG/,
  );
  expect(await refusal(await sign(session, (jwt) => withJti(jwt).setExpirationTime('8h')))).toBe('accepted');
});

test('issue 22 item 6: a token of this service without its session (version and id) is refused, so none skips revocation', async () => {
  const valid = (jwt: SignJWT) => jwt.setIssuedAt().setExpirationTime('1h');
  expect(await refusal(await sign({}, (jwt) => valid(jwt).setJti('s-4')))).toMatch(
    /^TOKEN_WITHOUT_SESSION: .*lead_session_version and jti/,
  );
  expect(await refusal(await sign(session, valid))).toMatch(/^TOKEN_WITHOUT_SESSION/);
  expect(await refusal(await sign(session, (jwt) => valid(jwt).setJti('s-5')))).toBe('accepted');
});

test('issue 26: a sign-in names its programs (lead_programs); without the claim it names none; a malformed one is refused', async () => {
  const { token } = await tokens.issue({ id: 'pm', role: 'project_manager', programs: ['burien', 'harbor-county'] });
  expect(await tokens.verify(token)).toMatchObject({ id: 'pm', programs: ['burien', 'harbor-county'] });
  const without = await tokens.verify((await tokens.issue({ id: 'cm', role: 'case_manager' })).token);
  expect(without).not.toHaveProperty('programs');
  const exp = now() + 600;
  const bad = await sign({ ...session, [CLAIMS.programs]: ['Burien LEAD'] }, (jwt) =>
    jwt.setJti('j').setExpirationTime(exp),
  );
  expect(await refusal(bad)).toMatch(/^INVALID_TOKEN/);
});
