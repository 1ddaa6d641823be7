import * as authz from './index.js';

describe('package entry point', () => {
  it.each([
    'ACTIONS',
    'isAction',
    'can',
    'canSeeHousehold',
    'sqlVisibilitySettings',
    'SQL_VISIBILITY_SETTING_NAMES',
    'isWellFormedPrincipal',
    'isCadreOfTeam',
    'TRANSITION_REFUSALS',
    'maskIdNumber',
    'maskPhone',
    'canSeePii',
    'presentPii',
    'mayWrite',
    'mayIntrospect',
    'API_KEY_SCOPES',
  ])('exports %s', (name) => {
    expect(authz).toHaveProperty(name);
  });

  it('does not export the test fixtures', () => {
    expect(authz).not.toHaveProperty('PRINCIPALS');
  });
});
