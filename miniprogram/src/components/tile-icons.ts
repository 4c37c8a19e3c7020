/**
 * Tile icons: Tabler's outline SVGs (MIT, the @tabler/icons package), bundled by the build as files or inline
 * data, so nothing is fetched at run time. One icon per function key; a key without one shows no icon.
 */
import addressBook from '@tabler/icons/outline/address-book.svg';
import alertTriangle from '@tabler/icons/outline/alert-triangle.svg';
import bellRinging from '@tabler/icons/outline/bell-ringing.svg';
import building from '@tabler/icons/outline/building.svg';
import bulb from '@tabler/icons/outline/bulb.svg';
import calendarEvent from '@tabler/icons/outline/calendar-event.svg';
import calendarPlus from '@tabler/icons/outline/calendar-plus.svg';
import calendarWeek from '@tabler/icons/outline/calendar-week.svg';
import chartBar from '@tabler/icons/outline/chart-bar.svg';
import clipboardCheck from '@tabler/icons/outline/clipboard-check.svg';
import clockPlay from '@tabler/icons/outline/clock-play.svg';
import coins from '@tabler/icons/outline/coins.svg';
import fileCertificate from '@tabler/icons/outline/file-certificate.svg';
import fileReport from '@tabler/icons/outline/file-report.svg';
import gauge from '@tabler/icons/outline/gauge.svg';
import history from '@tabler/icons/outline/history.svg';
import idBadge2 from '@tabler/icons/outline/id-badge-2.svg';
import listSearch from '@tabler/icons/outline/list-search.svg';
import mail from '@tabler/icons/outline/mail.svg';
import messages from '@tabler/icons/outline/messages.svg';
import mapPinCheck from '@tabler/icons/outline/map-pin-check.svg';
import receipt from '@tabler/icons/outline/receipt.svg';
import receiptRefund from '@tabler/icons/outline/receipt-refund.svg';
import scan from '@tabler/icons/outline/scan.svg';
import search from '@tabler/icons/outline/search.svg';
import shieldCheck from '@tabler/icons/outline/shield-check.svg';
import shoppingBag from '@tabler/icons/outline/shopping-bag.svg';
import speakerphone from '@tabler/icons/outline/speakerphone.svg';
import targetArrow from '@tabler/icons/outline/target-arrow.svg';
import trophy from '@tabler/icons/outline/trophy.svg';
import urgent from '@tabler/icons/outline/urgent.svg';
import userCheck from '@tabler/icons/outline/user-check.svg';
import userPlus from '@tabler/icons/outline/user-plus.svg';
import users from '@tabler/icons/outline/users.svg';
import usersGroup from '@tabler/icons/outline/users-group.svg';
import usersPlus from '@tabler/icons/outline/users-plus.svg';

const TILE_ICONS: Record<string, string> = {
  inbox: mail,
  activities: calendarEvent,
  checkin: mapPinCheck,
  tips: bulb,
  points: coins,
  mall: shoppingBag,
  apply: userPlus,
  staff: users,
  audit: history,
  'staff-admin': userPlus,
  'unit-contacts': addressBook,
  review: clipboardCheck,
  approval: fileCertificate,
  volunteers: idBadge2,
  talent: search,
  companies: building,
  'activity-admin': calendarEvent,
  attendance: userCheck,
  'points-issued': coins,
  'weekly-rule': calendarWeek,
  teams: usersGroup,
  jobs: clockPlay,
  guards: shieldCheck,
  propose: calendarPlus,
  'report-new': alertTriangle,
  'my-reports': fileReport,
  disputes: messages,
  incidents: alertTriangle,
  inspections: clipboardCheck,
  honesty: listSearch,
  'my-inspections': clipboardCheck,
  alerts: bellRinging,
  bulletins: bellRinging,
  'alert-send': bellRinging,
  dispatch: speakerphone,
  callups: speakerphone,
  wartime: urgent,
  draws: usersPlus,
  'callup-speed': gauge,
  'tip-triage': listSearch,
  reports: chartBar,
  targets: targetArrow,
  ranking: trophy,
  products: shoppingBag,
  orders: receipt,
  refunds: receiptRefund,
  'mall-stats': chartBar,
  'mall-verify': scan,
  'station-mall-verify': scan,
};

/** The icon of a tile's function, or null when it has none. */
export function tileIcon(key: string): string | null {
  return TILE_ICONS[key] ?? null;
}
