import type { IpcError } from '../../src-shared/ipc/ipc-error';
import type { Translate } from '../../src-shared/i18n/translate';

/**
 * A failed call in the user's language, by its stable code (and field when one is named). The
 * service's own English wording stays available as the element's title for support.
 */
export function errorText(error: IpcError, t: Translate): string {
  switch (error.code) {
    case 'VALIDATION':
      return error.field ? t('error.validationField', { field: error.field }) : t('error.validation');
    case 'NOT_FOUND':
      return t('error.notFound');
    case 'CONFLICT':
      return t('error.conflict');
    case 'UNAUTHORIZED':
      return t('error.unauthorized');
    case 'UNKNOWN_OPERATION':
      return t('error.unknownOperation');
    case 'INTERNAL':
      return t('error.internal');
    case 'STORE_UNAVAILABLE':
      return t('error.storeUnavailable');
    default:
      return t(`error.${error.code}`);
  }
}
