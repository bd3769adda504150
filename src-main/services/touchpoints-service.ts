import type { IpcRequest, IpcResponse } from '../../src-shared/ipc/contract';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import type { Touchpoint } from '../../src-shared/domain/entities';
import { TouchpointsRepository } from '../db/repositories/touchpoints-repository';
import type { ServiceContext } from './service-context';

/** Touchpoint list, completion and rescheduling, with the state rules a CSM expects. */
export class TouchpointsService {
  private readonly touchpoints: TouchpointsRepository;

  constructor(private readonly ctx: ServiceContext) {
    this.touchpoints = new TouchpointsRepository(ctx.db);
  }

  list(request: IpcRequest<'touchpoints.list'>): IpcResponse<'touchpoints.list'> {
    return { touchpoints: this.touchpoints.list({ ...request, limit: request.limit ?? 200 }) };
  }

  complete(request: IpcRequest<'touchpoints.complete'>): IpcResponse<'touchpoints.complete'> {
    const touchpoint = this.requirePlanned(request.touchpointId, 'complete');
    return {
      touchpoint: this.touchpoints.complete(touchpoint.id, request.outcome ?? null, request.sentiment ?? null, this.ctx.now()),
    };
  }

  reschedule(request: IpcRequest<'touchpoints.reschedule'>): IpcResponse<'touchpoints.reschedule'> {
    const touchpoint = this.requirePlanned(request.touchpointId, 'reschedule');
    const dueAt = new Date(request.dueAt).toISOString();
    return { touchpoint: this.touchpoints.reschedule(touchpoint.id, dueAt, this.ctx.now()) };
  }

  private requirePlanned(id: string, action: string): Touchpoint {
    const touchpoint = this.touchpoints.get(id);
    if (!touchpoint) throw new ServiceError('NOT_FOUND', `No touchpoint with id "${id}"`, 'touchpointId');
    if (touchpoint.status !== 'planned') {
      throw new ServiceError(
        'CONFLICT',
        `Cannot ${action} touchpoint "${touchpoint.title}": it is already ${touchpoint.status}`,
        'touchpointId',
      );
    }
    return touchpoint;
  }
}
