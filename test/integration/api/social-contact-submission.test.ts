import { apiAs, expectStatus } from '../../support/api-client';
import { monthsAgo, socialContactReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * Social contacts at submission, through the API (R-SC-PREREQ, R-SC-SOURCE): what is accepted, what is
 * refused and how. Their clocks — approval, capacity, contact, re-assessment — are tested on the
 * workflow itself (test/workflows/social-contact-clocks.test.ts).
 */
let stack: TestStack;
let officer: ReturnType<typeof apiAs>;
beforeAll(async () => {
  stack = await startTestStack();
  officer = apiAs(stack.baseUrl, 'officer');
});
afterAll(async () => {
  await stack?.stop();
});

const SOCIAL = '/api/referrals/social-contacts';

describe('R-SC-PREREQ and R-SC-SOURCE at submission', () => {
  test('a violation 23 months ago is accepted; 25 months ago is refused (422 naming the rule)', async () => {
    const recent = await officer.post(
      SOCIAL,
      socialContactReferral({ violations: [{ date: monthsAgo(23), area: 'WHITE_CENTER' }] }),
    );
    expect(recent.status).toBe(201);
    const old = await officer.post(
      SOCIAL,
      socialContactReferral({ violations: [{ date: monthsAgo(25), area: 'BURIEN' }] }),
    );
    expectStatus(old, 422);
    expect(old.body.error).toMatchObject({
      code: 'PREREQUISITES_NOT_MET',
      reasons: [expect.objectContaining({ ruleId: 'R-SC-PREREQ' })],
    });
    expect(old.body.error.message).toMatch(/more than 24 months/);
  });

  test('a violation outside the catchment area does not qualify; an order protecting someone not in LEAD does not exclude', async () => {
    const outside = await officer.post(
      SOCIAL,
      socialContactReferral({ violations: [{ date: monthsAgo(1), area: 'OUTSIDE_CATCHMENT' }] }),
    );
    expectStatus(outside, 422);
    expect(outside.body.error.message).toMatch(/outside the LEAD catchment area/);
    const order = await officer.post(
      SOCIAL,
      socialContactReferral({
        protectiveOrders: [
          {
            type: 'NO_CONTACT',
            protectedPerson: { givenName: 'Nobody', familyName: 'Enrolled', dateOfBirth: '1970-01-01' },
          },
        ],
      }),
    );
    expect(order.status).toBe(201);
  });

  test('a community source without a vouching officer is refused (400 naming vouchedBy and R-SC-SOURCE)', async () => {
    const res = await officer.post(
      SOCIAL,
      socialContactReferral({
        source: { type: 'COMMUNITY', referrerId: 'Burien Food Bank', organization: 'Burien Food Bank' },
      }),
    );
    expectStatus(res, 400);
    expect(res.body.error.fields).toEqual([
      expect.objectContaining({ field: 'vouchedBy', message: expect.stringContaining('R-SC-SOURCE') }),
    ]);
    const vouched = await officer.post(
      SOCIAL,
      socialContactReferral({
        source: { type: 'COMMUNITY', referrerId: 'Burien Food Bank' },
        vouchedBy: { id: 'S-14', role: 'sergeant' },
      }),
    );
    expect(vouched.status).toBe(201);
  });

  test('unknown catchment areas and verification bases are 400s naming the accepted codes', async () => {
    const res = await officer.post(
      SOCIAL,
      socialContactReferral({ violations: [{ date: monthsAgo(1), area: 'SEATTLE' }] }),
    );
    expectStatus(res, 400);
    expect(res.body.error.message).toMatch(/BURIEN/);
    expect(res.body.error.message).toMatch(/OUTSIDE_CATCHMENT/);
  });
});
