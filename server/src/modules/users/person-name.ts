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

/** The same rule inside the guard's one actor query (u = users, v = volunteers). */
export const PERSON_NAME_SQL =
  "CASE WHEN u.username IS NULL AND v.name IS NOT NULL AND v.name <> '' THEN v.name ELSE u.displayName END";
