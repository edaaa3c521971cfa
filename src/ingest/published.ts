/**
 * Publication dates as sources write them, read strictly: a value is either a real calendar date (or a year-month, or
 * a year) taken whole, or it is rejected. A date is the anchor of every relative time expression of its article, so a
 * lenient reading (`12345-01-01` as `1234`, `20240105` as `2024`, `2024-02-31` kept) would silently date a whole
 * article wrong; a rejected value leaves the article without a publication date and the caller warns.
 */

const RFC2822_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally followed (after a full date) by an ISO 8601 time and zone. */
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:[Zz]|[+-](\d{2})(?::?(\d{2}))?)?)?)?)?$/;

/** RFC 2822 (RSS `pubDate`): `[Thu, ]02 May 2024[ 08:00[:00][ +0100|GMT]]`. */
const RFC2822_DATE = /^(?:[A-Za-z]{3,9},\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\s+(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?(?:\s*(?:[+-](\d{2})(\d{2})|[A-Za-z]{1,5}))?)?$/;

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when year, month and day name a day that exists (proleptic Gregorian calendar). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function validTime(hour?: string, minute?: string, second?: string, zoneHour?: string, zoneMinute?: string): boolean {
  if (hour !== undefined && Number(hour) > 23) return false;
  if (minute !== undefined && Number(minute) > 59) return false;
  // 60: a leap second.
  if (second !== undefined && Number(second) > 60) return false;
  if (zoneHour !== undefined && Number(zoneHour) > 23) return false;
  return zoneMinute === undefined || Number(zoneMinute) <= 59;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * The calendar part of a publication date as the source wrote it (`2024-03-05T10:00Z` → `2024-03-05`, `Tue, 05 Mar
 * 2024 10:00:00 +0100` → `2024-03-05`, `2024-03` and `2024` kept), or null when the whole value is not one of those
 * forms or names a day that does not exist.
 */
export function parsePublished(value: string): string | null {
  const trimmed = value.trim();
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const [, year, month, day, hour, minute, second, zoneHour, zoneMinute] = iso;
    if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return null;
    if (day !== undefined && !isCalendarDay(Number(year), Number(month), Number(day))) return null;
    if (!validTime(hour, minute, second, zoneHour, zoneMinute)) return null;
    return [year, month, day].filter((part) => part !== undefined).join('-');
  }
  const rfc = RFC2822_DATE.exec(trimmed);
  if (rfc) {
    const [, day, monthName, year, hour, minute, second, zoneHour, zoneMinute] = rfc;
    const name = monthName!.toLowerCase();
    const month = name.length === 3 ? RFC2822_MONTHS.indexOf(name) + 1 : MONTH_NAMES.indexOf(name) + 1;
    if (month === 0 || !isCalendarDay(Number(year), month, Number(day))) return null;
    if (!validTime(hour, minute, second, zoneHour, zoneMinute)) return null;
    return `${year}-${pad(month)}-${pad(Number(day))}`;
  }
  return null;
}

/** The warning for a publication date that was given but rejected; `position` names the record (`file`, `file:line`). */
export function rejectedPublishedWarning(position: string, value: unknown): string {
  const text = typeof value === 'string' ? value : String(JSON.stringify(value));
  const shown = typeof value === 'string' ? JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text) : text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return `${position}: publication date ${shown} rejected (expected a real calendar date YYYY-MM-DD or an ISO 8601 datetime, YYYY-MM, YYYY, or RFC 2822): the article is processed without a publication date`;
}
