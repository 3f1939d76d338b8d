// The Mini App side panel: an iframe opened with the URL (and initData) the sandbox signs for us.

import { $ } from './dom.js';

/**
 * Telegram hands initData to a Mini App in the URL fragment; the sandbox's own URL already
 * carries it, but an inline button may name a different page, which then needs it appended.
 * @param {string} url @param {string} initData
 */
export function withInitData(url, initData) {
  if (url.includes('tgWebAppData=')) return url;
  const params = new URLSearchParams({
    tgWebAppData: initData,
    tgWebAppVersion: '8.0',
    tgWebAppPlatform: 'web',
  });
  const [base] = url.split('#');
  return `${base}#${params}`;
}

/** @param {string} url @param {string} title */
export function openWebAppPanel(url, title) {
  const frame = /** @type {HTMLIFrameElement} */ ($('#webapp-frame'));
  frame.src = url;
  $('#webapp-title').textContent = title;
  /** @type {HTMLAnchorElement} */ ($('#webapp-external')).href = url;
  $('#webapp-panel').hidden = false;
  document.body.classList.add('has-webapp');
}

export function initWebAppPanel() {
  $('#webapp-close').addEventListener('click', () => {
    $('#webapp-panel').hidden = true;
    document.body.classList.remove('has-webapp');
    /** @type {HTMLIFrameElement} */ ($('#webapp-frame')).src = 'about:blank';
  });
}
