/** Short confirmation messages ("Changes saved"), with a translated close button. */
import { notifications } from '@mantine/notifications';
import i18n from '../i18n';

/** Shows a green confirmation that disappears by itself. */
export function notifySuccess(message: string): void {
  notifications.show({
    color: 'green',
    message,
    autoClose: 5000,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
