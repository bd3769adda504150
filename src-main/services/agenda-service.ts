import { createEvents, type EventAttributes } from 'ics';
import type { IpcRequest, IpcResponse } from '../../src-shared/ipc/contract';
import { translator } from '../../src-shared/i18n/translate';
import { addUtcDays } from '../../src-shared/schedule/utc-date';
import { displayTitle } from '../../src-shared/schedule/touchpoint-titles';
import { BookListsRepository } from '../db/repositories/book-lists-repository';
import type { ServiceContext } from './service-context';

/** Most touchpoints one agenda answer or calendar file holds (a manager's book plans many a day). */
export const AGENDA_LIMIT = 5_000;
/** How long a touchpoint is in the calendar: the length of a typical call. */
const EVENT_MINUTES = 30;

/** The planned schedule as a week agenda and as a calendar file calendar apps import. */
export class AgendaService {
  private readonly lists: BookListsRepository;

  constructor(private readonly ctx: ServiceContext) {
    this.lists = new BookListsRepository(ctx.db);
  }

  agenda(request: IpcRequest<'touchpoints.agenda'>): IpcResponse<'touchpoints.agenda'> {
    const items = this.planned(request.from, request.days, AGENDA_LIMIT + 1);
    return { items: items.slice(0, AGENDA_LIMIT), limited: items.length > AGENDA_LIMIT };
  }

  /**
   * The planned touchpoints as iCalendar events: one per touchpoint, UTC, its id as the UID so a
   * calendar app updates rather than duplicates on a second import.
   */
  ics(request: IpcRequest<'touchpoints.ics'>): IpcResponse<'touchpoints.ics'> {
    const t = translator(request.locale);
    const events: EventAttributes[] = this.planned(request.from, request.days, AGENDA_LIMIT).map((item) => ({
      uid: `${item.id}@csm-workstation`,
      start: Date.parse(item.dueAt),
      startInputType: 'utc',
      startOutputType: 'utc',
      duration: { minutes: EVENT_MINUTES },
      title: `${displayTitle(item.title, request.locale)} — ${item.account.name}`,
      description: t('ics.description', { kind: t(`touchpointKind.${item.kind}`), account: item.account.name }),
      categories: [t(`touchpointKind.${item.kind}`)],
    }));
    const { error, value } = createEvents(events, { productId: 'csm-workstation', calName: t('ics.calendarName') });
    if (error || !value) throw error ?? new Error('the calendar file could not be made');
    return { fileName: `${t('ics.fileName')}-${request.from}.ics`, ics: value, events: events.length };
  }

  private planned(from: string, days: number, limit: number) {
    const start = new Date(`${from}T00:00:00.000Z`);
    return this.lists.plannedBetween(start.toISOString(), addUtcDays(start, days).toISOString(), limit);
  }
}
