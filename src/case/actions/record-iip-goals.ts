import { IIP_GOALS } from '../../shared/case-vocabulary';
import { humanize } from '../../shared/humanize';
import { declareAction } from './declaration';

const GOAL_OPTIONS = IIP_GOALS.map((g): [string, string] => [g, humanize(g)]);

export const recordIipGoals = declareAction({
  path: 'iip',
  roles: ['case_manager'],
  rules: ['R-IIP'],
  input: ({ z }) =>
    z
      .strictObject({
        goals: z.array(z.enum(IIP_GOALS)).min(1, 'choose at least one goal (R-IIP)').max(IIP_GOALS.length),
      })
      .describe(
        'R-IIP: the goals the participant chose for their Individual Intervention Plan (abstinence is never a condition)',
      ),
  label: 'Record IIP goals',
  stages: ['ENROLLED'],
  fields: [
    { name: 'goals', label: 'Goals the participant chose', type: 'checkboxes', options: GOAL_OPTIONS, required: true },
  ],
});
