import type { AskToken } from './admin-client.ts';
import { byId } from './dom.ts';

/**
 * The admin token prompt: a modal dialog with a labelled password field (keyboard-first: it takes the
 * focus, Enter submits). It resolves with what was typed; the client keeps it for this tab only.
 *
 * @see https://developer.mozilla.org/en-US/docs/Web/HTML/Element/dialog
 */
export function createTokenPrompt(): AskToken {
  const dialog = byId('token-dialog', HTMLDialogElement);
  const input = byId('token-input', HTMLInputElement);
  const reason = byId('token-reason', HTMLParagraphElement);
  const intro = reason.textContent ?? '';
  // Escape would leave every call waiting for a token: the dialog stays until one is given.
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  return (refused) =>
    new Promise((resolve) => {
      reason.textContent = refused ? 'The server refused that token. Enter the --admin-token value again.' : intro;
      input.value = '';
      dialog.addEventListener(
        'close',
        () => {
          const token = input.value;
          input.value = '';
          resolve(token);
        },
        { once: true },
      );
      dialog.showModal();
      input.focus();
    });
}
