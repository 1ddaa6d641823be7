/**
 * The role every GraphQL request runs as (`SET LOCAL ROLE`): not a superuser, not the owner of any table,
 * no BYPASSRLS, so row-level security always applies to it.
 */
export const REQUEST_ROLE = 'hanjiang_app';
