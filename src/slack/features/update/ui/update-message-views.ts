// The update modal's small views: the loading view sent with the trigger, and a modal that
// only says something when the form cannot be shown.
import type { ModalView } from '@slack/types';
import type { Translate } from '../../../i18n/index.js';
import { truncate } from '../../../ui/mrkdwn.js';
import { mrkdwn, plain } from '../../../ui/blocks.js';
import { UPDATE_LOADING_CALLBACK_ID, UPDATE_MESSAGE_CALLBACK_ID } from './update-ids.js';

export function loadingView(t: Translate): ModalView {
  return {
    type: 'modal',
    callback_id: UPDATE_LOADING_CALLBACK_ID,
    title: plain(t('update.modal.title'), 24),
    close: plain(t('update.modal.close'), 24),
    blocks: [{ type: 'section', block_id: 'loading', text: mrkdwn(t('update.modal.loading')) }],
  };
}

/** A modal that only says something (the form could not be shown after all). */
export function messageView(t: Translate, text: string, title = t('update.modal.title')): ModalView {
  return {
    type: 'modal',
    callback_id: UPDATE_MESSAGE_CALLBACK_ID,
    title: plain(title, 24),
    close: plain(t('update.edit.close'), 24),
    blocks: [{ type: 'section', block_id: 'message', text: mrkdwn(truncate(text, 3000)) }],
  };
}
