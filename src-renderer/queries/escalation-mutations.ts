import { useMutation } from '@tanstack/react-query';
import { v7 as uuidv7 } from 'uuid';
import type { IpcRequest } from '../../src-shared/ipc/contract';
import { invoke } from '../api/api-client';
import { afterWrite } from './account-query';

/** Opens, moves or resolves an escalation; the ids that make a retry harmless are made here once per call. */
export function useEscalationWrite() {
  return useMutation({
    mutationFn: (write: EscalationWrite) => {
      switch (write.kind) {
        case 'open':
          return invoke('escalations.open', { id: uuidv7(), ...write.request });
        case 'change':
          return invoke('escalations.change', { eventId: uuidv7(), ...write.request });
        case 'resolve':
          return invoke('escalations.resolve', { eventId: uuidv7(), ...write.request });
      }
    },
    onSuccess: ({ escalation }) => afterWrite([escalation.accountId]),
  });
}

export type EscalationWrite =
  | { kind: 'open'; request: Omit<IpcRequest<'escalations.open'>, 'id'> }
  | { kind: 'change'; request: Omit<IpcRequest<'escalations.change'>, 'eventId'> }
  | { kind: 'resolve'; request: Omit<IpcRequest<'escalations.resolve'>, 'eventId'> };
