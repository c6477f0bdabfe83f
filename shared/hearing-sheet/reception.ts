/**
 * The reception clock of an inquiry, from shared/rules only (docs/rules.md): the day it counts as
 * received and the first-answer target, 002 別紙3 2(1) and 2(4)①; and why it came in outside
 * reception hours, so the queue can say so.
 */
import type { ReceptionClock, ReceivedOutside } from '../ops/desk-types';
import {
  RECEPTION_CLOSE_MINUTE,
  RECEPTION_OPEN_MINUTE,
  closedReason,
  firstAnswerDue,
  receptionDay,
} from '../rules';
import { MINUTE_MS, jstIsoDate, jstMidnight, toJstIso } from '../time';

export function receptionClock(receivedAt: number): ReceptionClock {
  const instant = toJstIso(receivedAt);
  const date = jstIsoDate(receivedAt);
  const minute = Math.floor((receivedAt - jstMidnight(date)) / MINUTE_MS);
  const closed = closedReason({ date });
  // A closed day says why (weekend, holiday, 12/28–1/4); a business day, which side of 9–17.
  let receivedOutside: ReceivedOutside | null = closed;
  if (!closed && minute < RECEPTION_OPEN_MINUTE) receivedOutside = 'before-open';
  if (!closed && minute >= RECEPTION_CLOSE_MINUTE) receivedOutside = 'after-close';
  return {
    receivedAt,
    receptionDay: receptionDay({ receivedAt: instant }),
    dueAt: Date.parse(firstAnswerDue({ receivedAt: instant })),
    receivedOutside,
  };
}
