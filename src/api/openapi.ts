import { z } from 'zod';
import type { LeadConfig } from '../config/config-schema';
import { arrestDiversionSchema } from '../referrals/referral-schema';
import { socialContactSchema } from '../referrals/social-contact-schema';
import { CASE_ACTION_NAMES, caseActionSchemas } from '../shared/case-actions';
import { PERMISSIONS } from '../shared/permissions';
import { CASE_ACTION_PATHS } from './case-action-routes';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const jsonBody = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } },
});

/** The API's OpenAPI document, generated from the same zod schemas that validate requests. */
export function openApiDocument(config: LeadConfig) {
  const caseId = { name: 'caseId', in: 'path', required: true, schema: { type: 'string' } };
  const identity = [
    { name: 'X-LEAD-User', in: 'header', required: true, schema: { type: 'string' } },
    {
      name: 'X-LEAD-Role',
      in: 'header',
      required: true,
      schema: {
        type: 'string',
        enum: ['officer', 'sergeant', 'case_manager', 'prosecutor', 'project_manager', 'supervisor'],
      },
    },
  ];
  const month = {
    name: 'month',
    in: 'path',
    required: true,
    schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
  };
  const paths: Record<string, unknown> = {
    '/api/referrals/arrest-diversions': {
      post: {
        summary: 'Divert a person at arrest (idempotent on submissionId)',
        parameters: identity,
        requestBody: jsonBody(arrestDiversionSchema(config)),
        responses: {
          201: { description: 'Case created; its workflow is running' },
          200: { description: 'The same submission was already recorded: the existing case' },
          400: errorResponse('A field is invalid; each is named'),
          409: errorResponse('submissionId reused with different content'),
          422: errorResponse('Ineligible (every R-EL/R-EX reason named) and no override requested'),
        },
        'x-permission': PERMISSIONS['referral.create'],
      },
    },
    '/api/referrals/arrest-diversions/eligibility': {
      post: {
        summary:
          'Check eligibility (every reason, R-EL/R-EX) and prior referrals (R-EL-PRIOR) without recording anything',
        parameters: identity,
        requestBody: jsonBody(arrestDiversionSchema(config)),
        responses: {
          200: { description: 'The eligibility result and prior referrals' },
          400: errorResponse('A field is invalid; each is named'),
        },
        'x-permission': PERMISSIONS['referral.create'],
      },
    },
    '/api/referrals/social-contacts': {
      post: {
        summary: 'Refer a social contact (idempotent on submissionId); a sergeant approves it',
        parameters: identity,
        requestBody: jsonBody(socialContactSchema(config)),
        responses: {
          201: { description: 'Case created, awaiting approval' },
          200: { description: 'The same submission was already recorded: the existing case' },
          400: errorResponse('A field is invalid; each is named (R-SC-SOURCE among them)'),
          422: errorResponse('R-SC-PREREQ or R-EX-ORDER not met; every reason is named'),
        },
        'x-permission': PERMISSIONS['referral.create'],
      },
    },
    '/api/capacity': {
      get: {
        summary: 'R-SC-CAPACITY: places, participants, reserved places and the waiting queue',
        parameters: identity,
        responses: { 200: { description: 'Capacity' } },
        'x-permission': PERMISSIONS['capacity.read'],
      },
    },
    '/api/reports': {
      get: {
        summary: 'R-STAFFING: the months with a monthly report',
        parameters: identity,
        responses: { 200: { description: 'Months, newest first' } },
        'x-permission': PERMISSIONS['report.staffing'],
      },
    },
    '/api/reports/{month}': {
      get: {
        summary: "R-STAFFING: a month's figures and staffing-meeting case list (client rows for report.clients)",
        parameters: [month, ...identity],
        responses: {
          200: { description: 'The report' },
          400: errorResponse('month is not YYYY-MM'),
          404: errorResponse('No report for that month yet'),
        },
        'x-permission': PERMISSIONS['report.staffing'],
      },
    },
    '/api/reports/{month}/staffing-list.csv': {
      get: {
        summary: 'R-STAFFING: the staffing-meeting case list as CSV',
        parameters: [month, ...identity],
        responses: { 200: { description: 'text/csv' } },
        'x-permission': PERMISSIONS['report.staffing'],
      },
    },
    '/api/reports/{month}/client-report.csv': {
      get: {
        summary: 'R-STAFFING: the client-level report (one row per participant) as CSV',
        parameters: [month, ...identity],
        responses: { 200: { description: 'text/csv' } },
        'x-permission': PERMISSIONS['report.clients'],
      },
    },
    '/api/cases/{caseId}': {
      get: {
        summary: 'Read a case: stage, deadlines with rule ids, notices, events',
        parameters: [caseId, ...identity],
        responses: { 200: { description: 'The case' }, 404: errorResponse('Unknown case') },
      },
    },
  };
  for (const action of CASE_ACTION_NAMES) {
    const schema = caseActionSchemas[action];
    paths[`/api/cases/{caseId}/${CASE_ACTION_PATHS[action]}`] = {
      post: {
        summary: schema.description,
        operationId: action,
        parameters: [
          caseId,
          ...identity,
          { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } },
        ],
        requestBody: jsonBody(schema),
        responses: {
          200: { description: 'Accepted; the case as it now stands' },
          400: errorResponse('A field is invalid'),
          403: errorResponse('The role may not do this'),
          404: errorResponse('Unknown case'),
          409: errorResponse("The case's stage or a rule does not allow it; the stage and rule are named"),
        },
        'x-permission': PERMISSIONS[`case.${action}`],
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: `${config.program.name} — referral API`, version: '1' },
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                ruleId: { type: 'string' },
                stage: { type: 'string' },
                fields: {
                  type: 'array',
                  items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
                },
              },
            },
          },
        },
      },
    },
  };
}
