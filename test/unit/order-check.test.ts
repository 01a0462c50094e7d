import { loadConfig } from '../../src/config/load-config';
import { hasProtectiveOrders, ORDERS_NOT_CHECKED } from '../../src/referrals/protective-orders';
import { arrestDiversionSchema } from '../../src/referrals/referral-schema';
import { assessBeforeSubmission } from '../../src/referrals/arrest-assessment';
import { arrestReferral } from '../support/referrals';

/** Issue 22 item 2, R-EX-ORDER: before a submission, whom an order protects is never checked, and the answer says so. */
const config = loadConfig();
const before = (protectiveOrders: unknown[]) =>
  assessBeforeSubmission(config, arrestDiversionSchema(config).parse(arrestReferral({ protectiveOrders })));
const order = { type: 'NO_CONTACT', protectedPerson: { stateId: 'WA-1' } };

test('issue 22 item 2: R-EX-ORDER — the check before submitting never finds an order excluding, and notes that orders are checked when the referral is recorded', () => {
  const result = before([order, order]);
  expect(result).toMatchObject({ eligible: true, reasons: [] });
  expect(result.notes).toEqual([ORDERS_NOT_CHECKED]);
  expect(before([]).notes).toEqual([]);
});

test('issue 22 item 2: R-EX-ORDER — the per-officer limit counts the bodies that carry orders, as sent', () => {
  expect(hasProtectiveOrders({ protectiveOrders: [order] })).toBe(true);
  for (const body of [{ protectiveOrders: [] }, {}, undefined, { protectiveOrders: 'WA-1' }])
    expect(hasProtectiveOrders(body)).toBe(false);
});
