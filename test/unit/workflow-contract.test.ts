import type * as workflows from '../../workflows';
import type { LeadWorkflows } from '../../src/contract/workflow-contract';

// Checked by the compiler: the clients start the workflows by the contract, not by the workflow code.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameNames: Same<keyof typeof workflows, keyof LeadWorkflows> = true;
const sameSignatures: typeof workflows extends LeadWorkflows ? true : false = true;

test('every workflow has the name, input and result its clients start it with', () => {
  expect({ sameNames, sameSignatures }).toEqual({ sameNames: true, sameSignatures: true });
});
