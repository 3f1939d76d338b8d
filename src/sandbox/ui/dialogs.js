// Modal forms: new user, create group, new topic, send location.

import { $, avatar, h, toast } from './dom.js';
import { displayName } from './message-view.js';

/**
 * @typedef {import('./api.js').User} User
 * @typedef {{
 *   createUser: (user: {first_name: string, last_name?: string, username?: string, language_code: string}) => Promise<void>,
 *   createGroup: (group: {title: string, is_forum: boolean, bot_is_admin: boolean, member_ids: number[]}) => Promise<void>,
 *   createTopic: (name: string) => Promise<void>,
 *   sendLocation: (latitude: number, longitude: number) => Promise<void>,
 * }} DialogActions
 */

/** @param {string} selector */
const dialog = (selector) => /** @type {HTMLDialogElement} */ ($(selector));

/** @param {string} selector */
const form = (selector) => /** @type {HTMLFormElement} */ ($(selector));

/**
 * Runs a dialog's submit handler, keeping the dialog open (with the error shown) if it fails.
 * @param {string} dialogId @param {string} formId @param {(data: FormData) => Promise<void>} submit
 */
function onSubmit(dialogId, formId, submit) {
  const el = form(formId);
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = /** @type {HTMLButtonElement} */ (el.querySelector('[type=submit]'));
    button.disabled = true;
    try {
      await submit(new FormData(el));
      dialog(dialogId).close();
      el.reset();
    } catch (error) {
      toast(error instanceof Error ? error.message : String(error));
    } finally {
      button.disabled = false;
    }
  });
  for (const close of el.querySelectorAll('[data-close]')) {
    close.addEventListener('click', () => dialog(dialogId).close());
  }
}

/** @param {FormData} data @param {string} key */
function text(data, key) {
  return String(data.get(key) ?? '').trim();
}

/** @param {DialogActions} actions */
export function initDialogs(actions) {
  onSubmit('#user-dialog', '#user-form', async (data) => {
    await actions.createUser({
      first_name: text(data, 'first_name'),
      last_name: text(data, 'last_name') || undefined,
      username: text(data, 'username') || undefined,
      language_code: text(data, 'language_code') || 'en',
    });
  });
  onSubmit('#group-dialog', '#group-form', async (data) => {
    await actions.createGroup({
      title: text(data, 'title'),
      is_forum: data.get('is_forum') === 'on',
      bot_is_admin: data.get('bot_is_admin') === 'on',
      member_ids: data.getAll('member').map(Number),
    });
  });
  onSubmit('#topic-dialog', '#topic-form', async (data) => {
    await actions.createTopic(text(data, 'name'));
  });
  onSubmit('#location-dialog', '#location-form', async (data) => {
    await actions.sendLocation(Number(data.get('latitude')), Number(data.get('longitude')));
  });
  $('#geolocate').addEventListener('click', () => {
    const locationForm = form('#location-form');
    const set = (/** @type {string} */ name, /** @type {number} */ value) => {
      const field = /** @type {HTMLInputElement} */ (locationForm.elements.namedItem(name));
      field.value = value.toFixed(6);
    };
    if (!navigator.geolocation) {
      toast('Geolocation is not available here; enter the coordinates by hand.');
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) => {
        set('latitude', position.coords.latitude);
        set('longitude', position.coords.longitude);
      },
      (error) => toast(`Could not get your location (${error.message}); enter it by hand.`),
      { timeout: 8000 },
    );
  });
}

export function openUserDialog() {
  dialog('#user-dialog').showModal();
}

/** @param {User[]} users @param {number | null} currentUserId */
export function openGroupDialog(users, currentUserId) {
  $('#group-members').replaceChildren(
    ...users.map((u) =>
      h(
        'label',
        { class: 'member' },
        h('input', {
          type: 'checkbox',
          name: 'member',
          value: String(u.id),
          checked: u.id === currentUserId,
        }),
        avatar(u.id, displayName(u), 'small'),
        h('span', {}, displayName(u), u.username ? h('small', {}, ` @${u.username}`) : null),
      ),
    ),
  );
  dialog('#group-dialog').showModal();
}

export function openTopicDialog() {
  dialog('#topic-dialog').showModal();
}

export function openLocationDialog() {
  dialog('#location-dialog').showModal();
}
