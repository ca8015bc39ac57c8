// The sandbox page: pick a demo person, then use the app as in Slack. State comes from
// /sandbox/api/state (what that person's client shows) and is refreshed whenever the
// event stream says something changed; the inspector fills from the same stream.
import { ApiError, connectEvents, getJson, postJson } from './api.js';
import { renderBlocks } from './blocks.js';
import { askToConfirm } from './confirm-dialog.js';
import { h, rememberFocus } from './dom.js';
import { Inspector } from './inspector.js';
import { renderJobs } from './jobs.js';
import { renderWorkflowSteps } from './workflow.js';
import { MessageList } from './messages.js';
import { ModalController } from './modal.js';
import { ViewValues } from './view-values.js';

const PERSONA_KEY = 'reap-sandbox:persona';
const PLACE_KEY = 'reap-sandbox:place';

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @type {any} */ let boot = null;
/** @type {any} */ let state = null;
/** @type {string | null} */ let personaId = null;
/** @type {{kind:'channel', name:string} | {kind:'app', tab:'home'|'messages'}} */ let place = { kind: 'channel', name: 'general' };
let instanceId = '';
let violationCount = 0;

const values = new ViewValues(post, () => personaId ?? '');
const messageList = new MessageList($('message-log'));
const inspector = new Inspector($('inspector-entries'));
const modal = new ModalController(/** @type {HTMLDialogElement} */ ($('modal')), {
  userId: () => personaId ?? '',
  dir: () => directory(),
  post,
  confirm: (c) => askToConfirm(/** @type {HTMLDialogElement} */ ($('confirm')), c, directory()),
  values,
  fallbackFocus: () => $('composer-input'),
  reportError,
});

// ---------- talking to the server ----------

/** Every gesture: send it, then show its effect without waiting for the event stream. @param {string} path @param {Record<string, unknown>} body */
async function post(path, body) {
  try {
    const reply = await postJson(path, body);
    hideError();
    scheduleRefresh();
    return reply;
  } catch (error) {
    reportError(
      error instanceof ApiError
        ? `The sandbox refused that: ${error.message}`
        : `The sandbox is not reachable (${error instanceof Error ? error.message : String(error)}).`,
    );
    throw error;
  }
}

/** @type {Promise<void> | null} */ let refreshing = null;
let refreshAgain = false;
function scheduleRefresh() {
  if (refreshing) {
    refreshAgain = true;
    return;
  }
  refreshing = refresh()
    .catch(() => {})
    .finally(() => {
      refreshing = null;
      if (refreshAgain) {
        refreshAgain = false;
        scheduleRefresh();
      }
    });
}

async function refresh() {
  if (!personaId) return;
  state = await getJson(`/sandbox/api/state?user=${encodeURIComponent(personaId)}`);
  render();
}

async function reloadInspector() {
  const reply = await getJson('/sandbox/api/inspector');
  violationCount = reply.violations;
  inspector.reset(reply.entries, violationCount);
}

// ---------- rendering ----------

function directory() {
  const users = state?.users ?? {};
  return {
    users,
    channelNames: state?.channelNames ?? {},
    tz: state?.user?.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    selectableUsers: Object.entries(users)
      .filter(([, u]) => !(/** @type {any} */ (u).isBot) && !(/** @type {any} */ (u).deleted))
      .map(([id, u]) => ({ id, name: /** @type {any} */ (u).name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function currentChannel() {
  if (!state) return undefined;
  if (place.kind === 'app') return state.channels.find((/** @type {any} */ c) => c.kind === 'app');
  const wanted = place.name;
  return (
    state.channels.find((/** @type {any} */ c) => c.kind !== 'app' && c.name === wanted) ?? state.channels.find((/** @type {any} */ c) => c.kind !== 'app')
  );
}

function render() {
  if (!state) return;
  renderSidebar();
  renderConversation();
  modal.render(state.modals);
}

// ---------- unread marks ----------

const SEEN_KEY = 'reap-sandbox:seen';
/** @type {Record<string, number>} "persona/channel name" → newest ts the person has had on screen */
let seen = {};
try {
  seen = JSON.parse(localStorage.getItem(SEEN_KEY) ?? '{}') ?? {};
} catch {
  seen = {};
}

/** @param {any} c */
function newestTs(c) {
  const ts = [...(state.messages[c.id] ?? []), ...state.ephemerals.filter((/** @type {any} */ e) => e.channel === c.id)].map((m) => Number(m.ts));
  return ts.length === 0 ? 0 : Math.max(...ts);
}

/** Like Slack's bold channel names: something arrived since the person last looked. @param {any} c */
function isUnread(c) {
  const key = `${personaId}/${c.kind === 'app' ? 'app' : c.name}`;
  const newest = newestTs(c);
  // A channel never seen before starts read: its history is not news.
  if (!(key in seen)) seen[key] = newest;
  return newest > (seen[key] ?? 0);
}

/** @param {any} c */
function markSeen(c) {
  seen[`${personaId}/${c.kind === 'app' ? 'app' : c.name}`] = newestTs(c);
  localStorage.setItem(SEEN_KEY, JSON.stringify(seen));
}

function renderSidebar() {
  const channel = currentChannel();
  if (channel && !(place.kind === 'app' && place.tab === 'home')) markSeen(channel);
  const channels = state.channels.filter((/** @type {any} */ c) => c.kind !== 'app');
  // The list is rebuilt whenever anything arrives; someone tabbing through it keeps their place.
  const restoreFocus = rememberFocus($('sidebar'));
  $('channel-list').replaceChildren(
    ...channels.map((/** @type {any} */ c) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: `sidebar-item${isUnread(c) ? ' unread' : ''}`,
            'aria-current': place.kind === 'channel' && channel?.id === c.id ? 'page' : undefined,
            'data-focus-key': `channel-${c.name}`,
            onclick: () => go({ kind: 'channel', name: c.name }),
          },
          h('span', { class: 'sidebar-icon', 'aria-hidden': 'true' }, '#'),
          c.name,
          c.kind === 'private' ? h('span', { class: 'private-tag' }, 'private') : null,
          isUnread(c) ? h('span', { class: 'visually-hidden' }, ' (unread)') : null,
        ),
      ),
    ),
  );
  const appChannel = state.channels.find((/** @type {any} */ c) => c.kind === 'app');
  const appUnread = appChannel ? isUnread(appChannel) : false;
  $('app-list').replaceChildren(
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: `sidebar-item${appUnread ? ' unread' : ''}`,
          'aria-current': place.kind === 'app' ? 'page' : undefined,
          'data-focus-key': 'app',
          onclick: () => go({ kind: 'app', tab: boot.app.homeTabEnabled ? 'home' : 'messages' }),
        },
        h('span', { class: 'sidebar-icon app-icon', 'aria-hidden': 'true' }, 'R'),
        boot.app.name,
        appUnread ? h('span', { class: 'visually-hidden' }, ' (unread messages)') : null,
      ),
    ),
  );
  restoreFocus();
}

function renderConversation() {
  const channel = currentChannel();
  if (!channel) return;
  const inApp = place.kind === 'app';
  const tab = place.kind === 'app' ? place.tab : 'messages';
  $('conversation-title').textContent = inApp ? boot.app.name : `# ${channel.name}`;
  $('app-tabs').hidden = !inApp;
  for (const [id, name] of /** @type {const} */ ([
    ['tab-home', 'home'],
    ['tab-messages', 'messages'],
  ])) {
    const selected = tab === name;
    $(id).setAttribute('aria-selected', String(selected));
    $(id).tabIndex = selected ? 0 : -1;
  }
  $('tab-home').hidden = !boot.app.homeTabEnabled;
  $('home-panel').hidden = !(inApp && tab === 'home');
  $('messages-panel').hidden = inApp && tab === 'home';
  const label = inApp ? `Message ${boot.app.name}` : `Message #${channel.name}`;
  $('composer-label').textContent = label;
  /** @type {HTMLTextAreaElement} */ ($('composer-input')).placeholder = label;
  $('message-log').setAttribute('aria-label', inApp ? `Messages with ${boot.app.name}` : `Messages in #${channel.name}`);
  // The channel's canvas tab, shown as its markdown source: enough to check what the app wrote.
  const canvas = inApp ? undefined : state.canvases?.[channel.id];
  $('channel-canvas').hidden = !canvas;
  $('channel-canvas-title').textContent = canvas ? `Canvas: ${canvas.title}` : '';
  $('channel-canvas-body').textContent = canvas?.markdown ?? '';
  messageList.update(
    channel.id,
    state.messages[channel.id] ?? [],
    state.ephemerals,
    {
      appName: boot.app.name,
      botUserId: boot.app.userId,
      surfaceFor: (item) => messageSurface(item.channel, item.ts),
      onDismiss: (ts) => void post('/sandbox/api/ephemeral-dismiss', { user: personaId, ts }).catch(() => {}),
      shortcuts: boot.messageShortcuts ?? [],
      onShortcut: (channelId, ts, callbackId) =>
        void post('/sandbox/api/shortcut', { user: personaId, channel: channelId, messageTs: ts, callbackId }).catch(() => {}),
    },
    directory(),
  );
  if (inApp && tab === 'home') renderHome();
}

/** @param {string} channel @param {string} ts @returns {import('./elements.js').Surface} */
function messageSurface(channel, ts) {
  return {
    kind: 'message',
    dir: directory(),
    confirm: (c) => askToConfirm(/** @type {HTMLDialogElement} */ ($('confirm')), c, directory()),
    dispatch: async ({ element, block, value }) => {
      await post('/sandbox/api/action', { user: personaId, channel, messageTs: ts, actionId: element.action_id, blockId: block.block_id, value }).catch(
        () => {},
      );
    },
  };
}

let homeKey = '';
function renderHome() {
  const panel = $('home-panel');
  const home = state.home;
  const key = JSON.stringify([personaId, home?.id, home?.hash, home?.errors]);
  if (key === homeKey) return;
  homeKey = key;
  if (!home) {
    panel.replaceChildren(
      h(
        'p',
        { class: 'empty-conversation' },
        `${boot.app.name} has not published a Home tab for you yet. It gets an app_home_opened event each time you open this tab.`,
      ),
    );
    return;
  }
  const surface = {
    kind: /** @type {const} */ ('home'),
    dir: directory(),
    errors: home.errors,
    confirm: (/** @type {any} */ c) => askToConfirm(/** @type {HTMLDialogElement} */ ($('confirm')), c, directory()),
    ...values.hooks(home),
    dispatch: async (/** @type {{element:any, block:any, value?:unknown}} */ { element, block, value }) => {
      await values.flush();
      await post('/sandbox/api/action', { user: personaId, viewId: home.id, actionId: element.action_id, blockId: block.block_id, value }).catch(() => {});
    },
  };
  // The app republishes Home while people use it; keep focus on the same control.
  const restoreFocus = rememberFocus(panel);
  panel.replaceChildren(renderBlocks(home.blocks, surface));
  restoreFocus();
}

// ---------- navigation ----------

/** @param {typeof place} next */
function go(next) {
  const openedAppTab = next.kind === 'app' && (place.kind !== 'app' || place.tab !== next.tab);
  place = next;
  if (personaId) localStorage.setItem(`${PLACE_KEY}:${personaId}`, JSON.stringify(place));
  hideError();
  render();
  // Slack sends app_home_opened every time a person opens one of the app's tabs.
  if (openedAppTab && next.kind === 'app') openAppTab(next.tab);
}

/** @param {'home'|'messages'} tab */
function openAppTab(tab) {
  void post('/sandbox/api/home-opened', { user: personaId, tab }).catch(() => {});
}

/** @param {string | null} id */
async function choosePersona(id) {
  const known = boot.personas.some((/** @type {any} */ p) => p.id === id);
  personaId = known ? id : null;
  /** @type {HTMLSelectElement} */ ($('persona-select')).value = personaId ?? '';
  values.clear();
  homeKey = '';
  state = null;
  $('persona-picker').hidden = personaId !== null;
  $('conversation').hidden = personaId === null;
  if (!personaId) {
    localStorage.removeItem(PERSONA_KEY);
    modal.render([]);
    return;
  }
  localStorage.setItem(PERSONA_KEY, personaId);
  try {
    place = JSON.parse(localStorage.getItem(`${PLACE_KEY}:${personaId}`) ?? 'null') ?? { kind: 'channel', name: 'general' };
  } catch {
    place = { kind: 'channel', name: 'general' };
  }
  await refresh();
  // Arriving on one of the app's tabs opens it, for this person, as far as the app can tell.
  if (place.kind === 'app') openAppTab(place.tab);
}

// ---------- static parts ----------

function setUpChrome() {
  $('workspace-name').textContent = boot.team.name;
  const select = /** @type {HTMLSelectElement} */ ($('persona-select'));
  select.replaceChildren(
    h('option', { value: '' }, 'Choose a person\u2026'),
    ...boot.personas.map((/** @type {any} */ p) => h('option', { value: p.id }, `${p.name} \u2014 ${p.roles.join(', ')}`)),
  );
  select.addEventListener('change', () => void choosePersona(select.value || null));
  $('persona-cards').replaceChildren(
    ...boot.personas.map((/** @type {any} */ p) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'persona-card', onclick: () => void choosePersona(p.id).then(() => $('composer-input').focus()) },
          h('span', { class: 'persona-name' }, p.name),
          h('span', { class: 'persona-title' }, p.title),
          h('span', { class: 'persona-roles' }, p.roles.join(' \u00b7 ')),
          p.department ? h('span', { class: 'persona-department' }, p.department) : null,
          h('span', { class: 'persona-language' }, `Language: ${p.language}`),
        ),
      ),
    ),
  );
  renderJobs($('jobs'), boot.jobs, post, boot.today ?? null);
  renderWorkflowSteps($('workflow-steps'), boot.workflowSteps ?? [], post, () => personaId);
  setAppStatus(boot.appStatus);

  const toggle = $('inspector-toggle');
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    $('inspector').hidden = !open;
  });

  for (const [id, tab] of /** @type {const} */ ([
    ['tab-home', 'home'],
    ['tab-messages', 'messages'],
  ])) {
    $(id).addEventListener('click', () => go({ kind: 'app', tab }));
  }
  $('app-tabs').addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    if (!boot.app.homeTabEnabled) return;
    const next = place.kind === 'app' && place.tab === 'home' ? 'messages' : 'home';
    go({ kind: 'app', tab: next });
    $(next === 'home' ? 'tab-home' : 'tab-messages').focus();
  });

  $('skip-to-composer').addEventListener('click', (event) => {
    event.preventDefault();
    if (place.kind === 'app' && place.tab === 'home') go({ kind: 'app', tab: 'messages' });
    $('composer-input').focus();
  });
  setUpComposer();
}

function setUpComposer() {
  const input = /** @type {HTMLTextAreaElement} */ ($('composer-input'));
  const form = /** @type {HTMLFormElement} */ ($('composer'));
  const hint = $('composer-hint');
  const defaultHint = 'Enter sends, Shift+Enter starts a new line. Type /reap help to see what the app can do.';
  const updateHint = () => {
    const text = input.value.trimStart();
    if (text.startsWith('/')) {
      const typed = text.split(/\s/)[0]?.toLowerCase() ?? '';
      const matches = boot.commands.filter((/** @type {any} */ c) => c.command.startsWith(typed) || typed.startsWith(c.command));
      hint.textContent =
        matches.length > 0
          ? matches.map((/** @type {any} */ c) => `${c.command} ${c.usageHint} \u2014 ${c.description}`).join(' \u00b7 ')
          : `No app here has a ${typed} command.`;
    } else {
      hint.textContent = defaultHint;
    }
    input.rows = Math.min(8, Math.max(1, input.value.split('\n').length));
  };
  input.addEventListener('input', updateHint);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    const channel = currentChannel();
    if (!text || !channel || !personaId) return;
    input.value = '';
    updateHint();
    try {
      await post(text.startsWith('/') ? '/sandbox/api/command' : '/sandbox/api/message', { user: personaId, channel: channel.id, text });
    } catch {
      // Give the person their text back to retry.
      if (input.value === '') input.value = text;
      updateHint();
    }
  });
  updateHint();
}

// ---------- banners ----------

/** @param {string} message */
function reportError(message) {
  const el = $('action-error');
  el.textContent = message;
  el.hidden = false;
}

function hideError() {
  $('action-error').hidden = true;
}

/** @param {{state: string, message: string}} status */
function setAppStatus(status) {
  const el = $('app-banner');
  el.hidden = status.state === 'up';
  el.textContent = status.state === 'up' ? '' : status.message;
}

/** @param {string} message */
function setConnectionNotice(message) {
  const el = $('connection-banner');
  el.hidden = message === '';
  el.textContent = message;
}

// ---------- live updates ----------

function listen() {
  let lost = false;
  connectEvents(
    {
      hello: (data) => {
        const restarted = instanceId !== '' && data.instanceId !== instanceId;
        instanceId = data.instanceId;
        setAppStatus(data.appStatus);
        setConnectionNotice(restarted ? 'The sandbox restarted, so Slack\u2019s history starts afresh.' : '');
        if (lost || restarted) {
          // Events may have been missed while away: read everything again.
          values.clear();
          homeKey = '';
          void reloadInspector().catch(() => {});
          scheduleRefresh();
        }
        lost = false;
      },
      journal: (entry) => inspector.add(entry),
      violation: () => inspector.setViolations(++violationCount),
      changed: () => scheduleRefresh(),
      'app-status': (status) => setAppStatus(status),
    },
    {
      connected: () => {},
      disconnected: () => {
        lost = true;
        setConnectionNotice('Lost the connection to the sandbox \u2014 reconnecting\u2026');
      },
    },
  );
}

async function start() {
  for (;;) {
    try {
      boot = await getJson('/sandbox/api/bootstrap');
      break;
    } catch {
      setConnectionNotice('Waiting for the sandbox to answer\u2026');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  setConnectionNotice('');
  instanceId = boot.instanceId;
  setUpChrome();
  await reloadInspector().catch(() => {});
  listen();
  await choosePersona(localStorage.getItem(PERSONA_KEY));
  document.body.dataset.ready = 'true';
}

void start();
