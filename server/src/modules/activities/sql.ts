import { VOLUNTEER_ELIGIBILITY_SQL } from '../volunteers/volunteer-queries.js';

/**
 * The sign-up hot path as plain SQL, shared by the service and the sign-up benchmark (which runs
 * the very same statements straight through mysql2 to measure what the API costs on top).
 * Every statement is portable between MySQL/MariaDB and the embedded database. The volunteer's
 * row comes from the volunteers module's statement; insurance is asked through INSURANCE_SOURCE.
 */
export const SIGNUP_SQL = {
  activity:
    'SELECT id, orgUnitId, orgPath, title, status, startAt, endAt, signupDeadline, capacity, confirmedCount, signupMode, riskLevel, requirements, teamId FROM activities WHERE id = ?',
  volunteer: VOLUNTEER_ELIGIBILITY_SQL,
  clash:
    "SELECT s.activityId FROM activity_signups s INNER JOIN activities a ON a.id = s.activityId WHERE s.volunteerId = ? AND s.status = 'confirmed' AND s.activityId <> ? AND a.status IN ('published', 'ongoing') AND a.startAt < ? AND a.endAt > ? LIMIT 1",
  insert:
    "INSERT INTO activity_signups (activityId, volunteerId, userId, status, live, attendance, autoCheckedOut, manualMinutes, pointsAwarded, createdAt, updatedAt) VALUES (?, ?, ?, ?, 1, 'unconfirmed', 0, 0, 0, ?, ?)",
  /** The capacity rule: only this statement hands out a place, and only while one is left. */
  takePlace:
    "UPDATE activities SET confirmedCount = confirmedCount + 1 WHERE id = ? AND status = 'published' AND confirmedCount < capacity",
  confirm: "UPDATE activity_signups SET status = 'confirmed' WHERE id = ? AND status = 'waitlisted'",
  /**
   * MySQL: the place and the sign-up's status in one autocommit statement, so the hot activity row
   * is locked only while this statement runs — never across a round trip to the application.
   * Changes both rows (affected = 2) or neither.
   */
  takePlaceAndConfirm:
    "UPDATE activities a INNER JOIN activity_signups s ON s.id = ? AND s.activityId = a.id SET a.confirmedCount = a.confirmedCount + 1, s.status = 'confirmed' WHERE a.id = ? AND a.status = 'published' AND a.confirmedCount < a.capacity AND s.status = 'waitlisted'",
  status: 'SELECT status FROM activity_signups WHERE id = ?',
  position: "SELECT COUNT(*) AS n FROM activity_signups WHERE activityId = ? AND status = 'waitlisted' AND id <= ?",
} as const;
