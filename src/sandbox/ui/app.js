// Entry point of the sandbox chat page: builds the state, wires views to actions, subscribes to
// the sandbox's live events and loads the remembered user.

import { createActions } from './actions.js';
import { initComposer } from './composer.js';
import {
  applyDeleted,
  applyMessage,
  loadChats,
  renderAll,
  resync,
  run,
  savedUserId,
  showAnswer,
  showTyping,
} from './controller.js';
import { initConversation, renderTopics } from './conversation.js';
import { initDialogs, openUserDialog } from './dialogs.js';
import { $ } from './dom.js';
import { connectLive } from './live.js';
import { initSidebar, renderChatList, renderCurrentUser } from './sidebar.js';
import { createState } from './state.js';
import { initWebAppPanel } from './webapp.js';

const state = createState();
const actions = createActions(state);

initSidebar(state, actions.sidebar);
initConversation(actions.conversation);
initComposer(state, actions.composer);
initDialogs(actions.dialogs);
initWebAppPanel();

$('#back-button').addEventListener('click', () => document.body.classList.remove('show-chat'));
$('#header-webapp').addEventListener('click', () => actions.composer.openWebApp());
$('#block-toggle').addEventListener('click', () => actions.sidebar.toggleBlock());
$('#unblock-button').addEventListener('click', () => actions.sidebar.toggleBlock());

connectLive({
  message: (message, edited) => applyMessage(state, message, edited),
  deleted: (chatId, messageId) => applyDeleted(state, chatId, messageId),
  chatsChanged: () =>
    run(async () => {
      await loadChats(state);
      renderAll(state);
    }),
  topic: (chatId, topic) => {
    const topics = state.topics.get(chatId);
    if (!topics) return;
    const index = topics.findIndex((t) => t.message_thread_id === topic.message_thread_id);
    if (index >= 0) topics[index] = topic;
    else topics.push(topic);
    if (chatId === state.chatId) renderTopics(state);
  },
  user: (user) => {
    const index = state.users.findIndex((u) => u.id === user.id);
    if (index >= 0) state.users[index] = { ...state.users[index], ...user };
    else state.users.push(user);
    renderCurrentUser(state);
  },
  callbackAnswer: (id, answer) => {
    if (state.lateAnswers.delete(id)) showAnswer(answer);
  },
  chatAction: (chatId) => showTyping(state, chatId),
  resync: () => run(() => resync(state)),
});

run(async () => {
  state.userId = savedUserId();
  await resync(state);
  renderChatList(state);
  if (state.users.length === 0) openUserDialog();
});
