/**
 * The name shown for a person. A WeChat account starts as "微信用户"; once the person is a member,
 * the real name from their volunteer archive is shown everywhere (home card, sign-up and
 * attendance lists, audit entries). Provisioned staff (with a username) keep the name the
 * administrator gave them.
 */
export function personName(
  user: { displayName: string; username?: string | null },
  volunteer: { name: string | null } | null,
): string {
  if (user.username) return user.displayName;
  return volunteer?.name?.trim() || user.displayName;
}

/** The same rule in SQL over the users row `u`, given the SQL expression of the volunteer's name. */
export function personNameSql(volunteerName: string): string {
  return `CASE WHEN u.username IS NULL AND ${volunteerName} IS NOT NULL AND ${volunteerName} <> '' THEN ${volunteerName} ELSE u.displayName END`;
}

/**
 * The guard's actor row: the user `u` with their shown name, plus the columns and joins other modules
 * contribute (their own tables' SQL). The one parameter of this part is the user id, in the WHERE clause.
 */
export function actorUserSql(parts: { volunteerName: string; columns: string[]; joins: string }): string {
  return `SELECT u.id, ${personNameSql(parts.volunteerName)} AS displayName, u.openid, u.roles, u.status, u.orgUnitId, ${parts.columns.join(', ')}
  FROM users u
  ${parts.joins}
 WHERE u.id = ?`;
}
