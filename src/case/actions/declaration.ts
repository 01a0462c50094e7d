import type { z } from 'zod';
import type { CaseView } from '../query-views';
import type { ReferralType, Stage } from '../../shared/case-vocabulary';
import type { Role } from '../../shared/roles';
import type { RuleId } from '../../shared/rules';
import type { InputKit } from './input-kit';

/** A field the page asks for. */
export interface ActionField {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'select' | 'datetime' | 'checkboxes' | 'boolean' | 'list';
  options?: Array<[string, string]>;
  required?: boolean;
  /** What the field starts with (an amendment starts from the version in force); never a decision's choice. */
  initial?: string | boolean;
}

/** Who is offered the action: their role, and a prosecutor's office (R-JURISDICTION). */
export interface CaseReader {
  role: string;
  office?: string;
  /** Whether the reader submitted the referral (a sergeant never reviews their own submission). */
  submitted?: boolean;
}

/**
 * How an action is offered to people: its label, when it is open (the case's type and stage, and any
 * further condition on the case), the fields it asks for and what confirming it does. The deciders
 * (src/case/) remain the judges: an action offered can still be refused.
 */
export interface ActionPresentation {
  label: string;
  stages?: Stage[];
  types?: ReferralType[];
  /** A further condition on the case, and on the reader (e.g. a filing decision their office still owes). */
  openWhen?: (view: CaseView, reader: CaseReader) => boolean;
  fields?: ActionField[];
  /** Initial values of fields, by name, from the case (what an amendment changes). */
  initialValues?: (view: CaseView) => Record<string, string | boolean>;
  danger?: boolean;
  /** What confirming does, said before it is confirmed; by the chosen decision where there is one. */
  consequence?: string | Record<string, string>;
  /** The rules behind it: the page's "why", never its label (labels and consequences are words only). */
  rules: RuleId[];
}

/**
 * One case action, declared once: everything the service derives for it — the Temporal update of the
 * same name (src/contract/definitions.ts), the route POST /api/cases/:caseId/<path> and its OpenAPI entry
 * (src/api/routes/case-routes.ts), the permission `case.<name>` (src/contract/permissions.ts) and how the
 * page offers it (src/contract/case-action-catalogue.ts). What it means is its decider's (src/case/).
 * Every action answers alike: the update `ActionAccepted`, the route the case after the action.
 */
export interface CaseActionDeclaration<
  P extends string = string,
  S extends z.ZodType = z.ZodType,
> extends ActionPresentation {
  /** POST /api/cases/:caseId/<path> */
  path: P;
  /** The roles that hold the permission `case.<name>` (PROTOCOL.md "People and roles"). */
  roles: readonly Role[];
  /** The rule that keeps a sergeant from deciding the referral they submitted; the API refuses it (403). */
  notBySubmitter?: RuleId;
  /**
   * The HTTP body and the update's input, validated again inside the workflow; its description is the
   * route's summary. Built from the kit it is given (`inputs.ts`), so reading the declarations loads no zod.
   */
  input: (kit: InputKit) => S;
}

/** Keeps the declaration's own path and schema types (the compiler derives from them). */
export const declareAction = <P extends string, S extends z.ZodType>(declaration: CaseActionDeclaration<P, S>) =>
  declaration;
