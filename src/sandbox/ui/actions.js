// What the page's buttons and forms do: the callbacks handed to each view.

import { api } from './api.js';
import { renderComposer, setComposerEnabled } from './composer.js';
import {
  loadChats,
  openWebApp,
  renderAll,
  run,
  selectChat,
  selectThread,
  selectUser,
  send,
  showAnswer,
} from './controller.js';
import { openGroupDialog, openLocationDialog, openTopicDialog, openUserDialog } from './dialogs.js';
import { toast } from './dom.js';
import { currentUser, isBlocked } from './state.js';
import { audioDuration, readUpload } from './uploads.js';

/**
 * @typedef {import('./state.js').AppState} AppState
 * @typedef {{
 *   sidebar: import('./sidebar.js').SidebarActions,
 *   conversation: import('./conversation.js').ConversationActions,
 *   composer: import('./composer.js').ComposerActions,
 *   dialogs: import('./dialogs.js').DialogActions,
 * }} Actions
 */

/** @param {AppState} state @returns {Actions} */
export function createActions(state) {
  /** @type {import('./composer.js').ComposerActions} */
  const composer = {
    sendText: (text) => run(() => send(state, { text })),
    sendFile: (kind, file, caption) =>
      run(async () => {
        const upload = await readUpload(file);
        if (kind === 'voice') {
          const duration = await audioDuration(file);
          await send(state, { voice: { ...upload, ...(duration ? { duration } : {}) } });
        } else await send(state, { [kind]: upload, ...(caption ? { caption } : {}) });
      }),
    askLocation: openLocationDialog,
    openWebApp: (url) => run(() => openWebApp(state, url)),
    clearReply: () => {
      state.replyTo = null;
      renderComposer(state);
    },
    rerender: () => renderComposer(state),
  };

  /** @type {import('./sidebar.js').SidebarActions} */
  const sidebar = {
    selectUser: (id) => run(() => selectUser(state, id)),
    selectChat: (id) => run(() => selectChat(state, id)),
    newUser: openUserDialog,
    newGroup: () => openGroupDialog(state.users, state.userId),
    toggleBlock: () =>
      run(async () => {
        const user = currentUser(state);
        if (!user) return;
        const blocked = !isBlocked(state, user);
        await api.setBlocked(user.id, blocked);
        if (blocked) state.blocked.add(user.id);
        else state.blocked.delete(user.id);
        toast(blocked ? 'Bot blocked' : 'Bot unblocked');
        renderAll(state);
      }),
  };

  /** @type {import('./conversation.js').ConversationActions} */
  const conversation = {
    onCommand: (command) => composer.sendText(command),
    onReply: (message) => {
      state.replyTo = message;
      renderComposer(state);
      setComposerEnabled(true);
    },
    onButton: (message, button, el) => {
      const user = currentUser(state);
      if (!user) return;
      const link = button.url ?? button.login_url?.url;
      if (link) window.open(link, '_blank', 'noopener');
      else if (button.web_app) composer.openWebApp(button.web_app.url);
      else if (button.copy_text) {
        const text = button.copy_text.text;
        run(() => navigator.clipboard.writeText(text).then(() => toast('Copied to clipboard')));
      } else if (button.callback_data !== undefined) {
        const data = button.callback_data;
        el.classList.add('loading');
        run(async () => {
          const result = await api.callback({
            from: user.id,
            chat_id: message.chat.id,
            message_id: message.message_id,
            data,
          });
          if (result.answer) showAnswer(result.answer);
          else state.lateAnswers.add(result.callback_query_id);
        }).finally(() => el.classList.remove('loading'));
      } else toast('This button type is not supported in the sandbox');
    },
    selectThread: (threadId) => selectThread(state, threadId),
    newTopic: openTopicDialog,
  };

  /** @type {import('./dialogs.js').DialogActions} */
  const dialogs = {
    createUser: async (fields) => {
      const user = await api.createUser(fields);
      if (!state.users.some((u) => u.id === user.id)) state.users.push(user);
      await selectUser(state, user.id);
    },
    createGroup: async (group) => {
      // The first member is the group's creator: the user acting now, when they are in it.
      const me = state.userId;
      const member_ids =
        me !== null && group.member_ids.includes(me)
          ? [me, ...group.member_ids.filter((id) => id !== me)]
          : group.member_ids;
      const chat = await api.createChat({
        type: group.is_forum ? 'supergroup' : 'group',
        ...group,
        member_ids,
      });
      await loadChats(state);
      await selectChat(state, chat.id);
    },
    createTopic: async (name) => {
      const chatId = state.chatId;
      if (chatId === null || state.userId === null) return;
      const topic = await api.createTopic(chatId, name, state.userId);
      const topics = state.topics.get(chatId) ?? [];
      if (!topics.some((t) => t.message_thread_id === topic.message_thread_id)) topics.push(topic);
      state.topics.set(chatId, topics);
      selectThread(state, topic.message_thread_id);
    },
    sendLocation: (latitude, longitude) => send(state, { location: { latitude, longitude } }),
  };

  return { sidebar, conversation, composer, dialogs };
}
