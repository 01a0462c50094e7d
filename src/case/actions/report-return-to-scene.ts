import { declareAction } from './declaration';
import { OPEN_STAGES } from './field-parts';

export const reportReturnToScene = declareAction({
  path: 'returns-to-scene',
  roles: ['officer', 'sergeant'],
  rules: ['R-SCENE'],
  input: ({ z, isoInstant }) =>
    z
      .strictObject({
        observedAt: isoInstant.optional().describe('When the person was seen back at the scene (default: now)'),
      })
      .describe('R-SCENE: the person returned to the scene of the arrest'),
  label: 'Report return to scene',
  types: ['ARREST_DIVERSION'],
  stages: OPEN_STAGES,
  fields: [{ name: 'observedAt', label: 'Seen at', type: 'datetime' }],
});
