import { useMutation } from '@tanstack/react-query';
import { v7 as uuidv7 } from 'uuid';
import type { IpcRequest } from '../../src-shared/ipc/contract';
import { invoke } from '../api/api-client';
import { afterWrite } from './account-query';

export type TouchpointWrite =
  | { kind: 'complete'; request: IpcRequest<'touchpoints.complete'> }
  | { kind: 'skip'; request: IpcRequest<'touchpoints.skip'> }
  | { kind: 'reschedule'; request: IpcRequest<'touchpoints.reschedule'> }
  | { kind: 'create'; request: Omit<IpcRequest<'touchpoints.create'>, 'id'> };

/** Completes, skips, reschedules or plans a touchpoint, then refreshes what shows its account. */
export function useTouchpointWrite() {
  return useMutation({
    mutationFn: (write: TouchpointWrite) => {
      switch (write.kind) {
        case 'complete':
          return invoke('touchpoints.complete', write.request);
        case 'skip':
          return invoke('touchpoints.skip', write.request);
        case 'reschedule':
          return invoke('touchpoints.reschedule', write.request);
        case 'create':
          return invoke('touchpoints.create', { id: uuidv7(), ...write.request });
      }
    },
    onSuccess: ({ touchpoint }) => afterWrite([touchpoint.accountId]),
  });
}
