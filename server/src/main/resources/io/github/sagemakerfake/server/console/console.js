/*
 * SageMaker Workforce Fake web console. Reads and acts through the admin API (/_fake/...), like any
 * other client. Every value from the server reaches the page through textContent or DOM properties,
 * never as markup (and the page's Content-Security-Policy runs no inline script). See docs/server.md.
 */
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const POLL_MS = 1000;
  const MAX_KEPT = 10000;          // journal entries kept in the page, as many as the server keeps
  const MAX_ROWS = 500;            // journal rows drawn at once; filters narrow the rest
  const STORE = 'sagemaker-fake-console-credentials';

  const app = {
    view: 'state', health: null, state: null, stateText: '', journal: [], lastSeq: 0, polls: 0,
    faults: [], faultsText: '', paused: false, selected: null, snapshot: null, needsSignIn: false,
    filters: { account: '', region: '', text: '', op: '', jaccount: '', status: '', error: '' },
  };

  // ------------------------------------------------------------------ DOM helpers (text only)

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = v;
        else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c === undefined || c === null || c === false) continue;
      node.append(c instanceof Node ? c : String(c));
    }
    return node;
  }
  const clear = (node) => { node.replaceChildren(); return node; };

  /** The connection's state, in the header. */
  function setStatus(text, bad) {
    const s = $('status');
    s.textContent = text;
    s.classList.toggle('bad', !!bad);
  }

  /** What the last action did (or why it failed), until the next action. */
  function notify(text, bad) {
    const n = $('notice');
    n.textContent = text;
    n.classList.toggle('bad', !!bad);
    n.hidden = !text;
  }

  // ------------------------------------------------------------------ SigV4 (strict mode)

  const K = (() => {
    const k = [];
    let n = 2;
    while (k.length < 64) {
      let prime = true;
      for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
      if (prime) k.push((Math.cbrt(n) % 1) * 4294967296 | 0);
      n++;
    }
    return k;
  })();
  const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

  function sha256(bytes) {
    const len = bytes.length;
    const total = ((len + 9 + 63) >> 6) << 6;
    const m = new Uint8Array(total);
    m.set(bytes);
    m[len] = 0x80;
    const view = new DataView(m.buffer);
    view.setUint32(total - 8, Math.floor(len / 0x20000000));
    view.setUint32(total - 4, (len << 3) >>> 0);
    const h = H0.slice();
    const w = new Int32Array(64);
    for (let off = 0; off < total; off += 64) {
      for (let i = 0; i < 16; i++) w[i] = view.getInt32(off + i * 4);
      for (let i = 16; i < 64; i++) {
        const a = w[i - 15], b = w[i - 2];
        const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
        const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      let [a, b, c, d, e, f, g, hh] = h;
      for (let i = 0; i < 64; i++) {
        const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
        const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
      h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + hh) | 0;
    }
    const out = new Uint8Array(32);
    const ov = new DataView(out.buffer);
    h.forEach((x, i) => ov.setInt32(i * 4, x));
    return out;
  }
  const utf8 = (s) => new TextEncoder().encode(s);
  const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  function hmac(key, msg) {
    let k = key.length > 64 ? sha256(key) : key;
    const pad = new Uint8Array(64);
    pad.set(k);
    const inner = new Uint8Array(64 + msg.length);
    const outer = new Uint8Array(96);
    for (let i = 0; i < 64; i++) { inner[i] = pad[i] ^ 0x36; outer[i] = pad[i] ^ 0x5c; }
    inner.set(msg, 64);
    outer.set(sha256(inner), 64);
    return sha256(outer);
  }
  const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

  function sign(creds, method, path, query, body, region) {
    const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    const date = amzDate.slice(0, 8);
    const payload = hex(sha256(body));
    const canonicalQuery = query.map(([k, v]) => [enc(k), enc(v)])
      .sort((x, y) => (x[0] === y[0] ? (x[1] < y[1] ? -1 : 1) : (x[0] < y[0] ? -1 : 1)))
      .map(([k, v]) => k + '=' + v).join('&');
    const canonicalUri = path.split('/').map(enc).join('/');
    const headers = 'host:' + location.host + '\nx-amz-content-sha256:' + payload + '\nx-amz-date:' + amzDate + '\n';
    const signed = 'host;x-amz-content-sha256;x-amz-date';
    const canonical = [method, canonicalUri, canonicalQuery, headers, signed, payload].join('\n');
    const scope = date + '/' + region + '/sagemaker/aws4_request';
    const toSign = 'AWS4-HMAC-SHA256\n' + amzDate + '\n' + scope + '\n' + hex(sha256(utf8(canonical)));
    let key = hmac(utf8('AWS4' + creds.secret), utf8(date));
    for (const part of [region, 'sagemaker', 'aws4_request']) key = hmac(key, utf8(part));
    return {
      'X-Amz-Date': amzDate,
      'x-amz-content-sha256': payload,
      Authorization: 'AWS4-HMAC-SHA256 Credential=' + creds.key + '/' + scope + ', SignedHeaders=' + signed
        + ', Signature=' + hex(hmac(key, utf8(toSign))),
    };
  }

  function credentials() {
    try { return JSON.parse(sessionStorage.getItem(STORE) || 'null'); } catch (e) { return null; }
  }

  // ------------------------------------------------------------------ the admin API

  class ApiError extends Error {
    constructor(status, code, message) { super(message); this.status = status; this.code = code; }
  }

  async function api(method, path, params, bodyText) {
    const query = Object.entries(params || {}).filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, String(v)]);
    const body = utf8(bodyText || '');
    const headers = {};
    if (bodyText !== undefined) headers['Content-Type'] = 'application/json';
    const creds = credentials();
    if (creds) {
      const region = (app.health && app.health.DefaultRegion) || 'us-east-1';
      Object.assign(headers, sign(creds, method, path, query, body, region));
    }
    const url = path + (query.length ? '?' + query.map(([k, v]) => enc(k) + '=' + enc(v)).join('&') : '');
    let response;
    try {
      response = await fetch(url, { method, headers, body: bodyText === undefined ? undefined : body, cache: 'no-store' });
    } catch (e) {
      throw new ApiError(0, 'Unreachable', 'The server does not answer (' + e.message + ')');
    }
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : {}; } catch (e) { json = null; }
    if (!response.ok) {
      const code = json && json.__type ? json.__type : 'HTTP ' + response.status;
      const message = json && json.message ? json.message : text.slice(0, 300);
      if (response.status === 403) {
        showSignIn(creds ? 'The server refused the key pair: ' + message : '');
      }
      throw new ApiError(response.status, code, message);
    }
    return { json, text };
  }

  // ------------------------------------------------------------------ sign in (strict mode)

  function showSignIn(error) {
    app.needsSignIn = true;
    $('signin').hidden = false;
    document.querySelectorAll('.view').forEach((v) => { v.hidden = true; });
    $('signin-error').textContent = error || '';
    $('signout').hidden = !credentials();
    setStatus('sign in needed (strict mode)', true);
  }

  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('signin-key').value.trim();
    const secret = $('signin-secret').value;
    if (!key || !secret) return;
    sessionStorage.setItem(STORE, JSON.stringify({ key, secret }));
    $('signin-secret').value = '';
    app.needsSignIn = false;
    $('signin').hidden = true;
    $('signout').hidden = false;
    showView();
    poll(true);
  });
  $('signout').addEventListener('click', () => {
    sessionStorage.removeItem(STORE);
    location.reload();
  });

  // ------------------------------------------------------------------ deep links and views

  const HASH_KEYS = { view: 'view', account: 'account', region: 'region', q: 'text', op: 'op',
    jaccount: 'jaccount', status: 'status', error: 'error' };

  function readHash() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    const view = params.get('view');
    app.view = ['state', 'journal', 'control'].includes(view) ? view : 'state';
    for (const [k, f] of Object.entries(HASH_KEYS)) {
      if (k !== 'view') app.filters[f] = params.get(k) || '';
    }
    const seq = Number(params.get('request'));
    app.selected = seq > 0 ? seq : null;
    if (app.selected && !params.get('view')) app.view = 'journal';
  }

  function writeHash() {
    const params = new URLSearchParams();
    params.set('view', app.view);
    for (const [k, f] of Object.entries(HASH_KEYS)) {
      if (k !== 'view' && app.filters[f]) params.set(k, app.filters[f]);
    }
    if (app.selected) params.set('request', String(app.selected));
    history.replaceState(null, '', '#' + params.toString());
  }

  function showView() {
    if (app.needsSignIn) return;
    for (const name of ['state', 'journal', 'control']) {
      $('view-' + name).hidden = name !== app.view;
      const tab = $('tab-' + name);
      if (name === app.view) tab.setAttribute('aria-current', 'page'); else tab.removeAttribute('aria-current');
    }
  }

  document.querySelectorAll('.tabs a').forEach((a) => a.addEventListener('click', (event) => {
    event.preventDefault();
    app.view = a.dataset.view;
    writeHash();
    showView();
    render();
    poll(true);
  }));
  window.addEventListener('hashchange', () => { readHash(); syncInputs(); showView(); render(); });

  function syncInputs() {
    $('state-text').value = app.filters.text;
    setSelect($('state-account'), app.filters.account);
    setSelect($('state-region'), app.filters.region);
    setSelect($('journal-operation'), app.filters.op);
    setSelect($('journal-account'), app.filters.jaccount);
    setSelect($('journal-status'), app.filters.status);
    setSelect($('journal-error'), app.filters.error);
  }

  /** Options from values seen, keeping the chosen one even before it is seen. */
  function fillSelect(select, values, chosen) {
    const all = Array.from(new Set(values.filter((v) => v !== null && v !== undefined && v !== '')))
      .map(String).sort();
    if (chosen && !all.includes(chosen)) all.push(chosen);
    const current = Array.from(select.options).slice(1).map((o) => o.value);
    if (current.join('\u0000') !== all.join('\u0000')) {
      select.replaceChildren(select.options[0], ...all.map((v) => el('option', { value: v, text: v })));
    }
    select.value = chosen || '';
  }
  function fillDatalist(list, values) {
    const all = Array.from(new Set(values)).sort();
    if (Array.from(list.options).map((o) => o.value).join('\u0000') !== all.join('\u0000')) {
      list.replaceChildren(...all.map((v) => el('option', { value: v })));
    }
  }
  function setSelect(select, value) {
    if (value && !Array.from(select.options).some((o) => o.value === value)) {
      select.append(el('option', { value, text: value }));
    }
    select.value = value || '';
  }

  function bindFilter(id, field, event) {
    $(id).addEventListener(event || 'change', () => {
      app.filters[field] = $(id).value;
      writeHash();
      render();
    });
  }
  bindFilter('state-account', 'account');
  bindFilter('state-region', 'region');
  bindFilter('state-text', 'text', 'input');
  bindFilter('journal-operation', 'op');
  bindFilter('journal-account', 'jaccount');
  bindFilter('journal-status', 'status');
  bindFilter('journal-error', 'error');
  document.querySelectorAll('form.filters').forEach((f) => f.addEventListener('submit', (e) => e.preventDefault()));

  // ------------------------------------------------------------------ values

  const TIME_KEY = /(Date|Time|At)$/;
  function formatScalar(key, value) {
    if (typeof value === 'number' && TIME_KEY.test(key) && value > 1e8 && value < 1e11) {
      return new Date(value * 1000).toISOString().replace('.000Z', 'Z');
    }
    if (value === null || value === undefined) return '';
    return String(value);
  }
  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const isTagList = (v) => Array.isArray(v) && v.length > 0 && v.every((t) => isObject(t) && 'Key' in t
    && Object.keys(t).every((k) => k === 'Key' || k === 'Value'));

  function statusBadge(value) {
    return el('span', { class: 'badge s-' + String(value).replace(/[^A-Za-z]/g, ''), text: String(value) });
  }

  /** A value as DOM: scalars as text, tags as k=v, small objects as definition lists, the rest as JSON. */
  function valueNode(key, value, depth) {
    if (Array.isArray(value)) {
      if (value.length === 0) return el('span', { class: 'empty', text: 'none' });
      if (isTagList(value)) return document.createTextNode(value.map((t) => t.Key + '=' + (t.Value ?? '')).join(', '));
      if (value.every((v) => !isObject(v) && !Array.isArray(v))) return document.createTextNode(value.join(', '));
      return jsonDetails(value.length + (value.length === 1 ? ' item' : ' items'), value);
    }
    if (isObject(value)) {
      const keys = Object.keys(value);
      if (keys.length === 0) return el('span', { class: 'empty', text: 'empty' });
      if (depth < 2) return objectList(value, depth + 1);
      return jsonDetails(keys.length + ' fields', value);
    }
    if (/Status$/.test(key) && typeof value === 'string') return statusBadge(value);
    if (typeof value === 'string' && value.length > 160) { // a task UI's template, a long message
      return el('details', null, el('summary', { text: value.slice(0, 60) + '… (' + value.length + ' characters)' }),
        el('pre', { class: 'json', text: value }));
    }
    return document.createTextNode(formatScalar(key, value));
  }

  function jsonDetails(summary, value) {
    return el('details', null, el('summary', { text: summary }), el('pre', { class: 'json', text: JSON.stringify(value, null, 2) }));
  }

  function objectList(object, depth) {
    const dl = el('dl', { class: 'meta' });
    for (const [k, v] of Object.entries(object)) {
      if (v === null || v === undefined) continue;
      dl.append(el('dt', { text: k }), el('dd', null, valueNode(k, v, depth || 0)));
    }
    return dl;
  }

  /** Entries such as {Workteam: {...}, Tags: [...]} flattened one level, so each field is a column. */
  function flatten(item) {
    if (!isObject(item)) return { Value: item };
    const flat = {};
    for (const [k, v] of Object.entries(item)) {
      if (isObject(v) && Object.keys(item).length <= 3) Object.assign(flat, v); else flat[k] = v;
    }
    return flat;
  }

  function columnOrder(rows) {
    const keys = [];
    for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
    const rank = (k) => (/Name$/.test(k) ? 0 : /Status$/.test(k) ? 1 : /Arn$/.test(k) ? 3 : 2);
    return keys.map((k, i) => [k, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([k]) => k);
  }

  function humanize(key) {
    const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function collectionTable(key, items) {
    const rows = items.map(flatten);
    const columns = columnOrder(rows);
    const table = el('table', { 'data-collection': key },
      el('caption', { class: 'sr-only', text: humanize(key) }),
      el('thead', null, el('tr', null, ...columns.map((c) => el('th', { scope: 'col', text: c })))));
    const body = el('tbody');
    for (const r of rows) {
      body.append(el('tr', null, ...columns.map((c) => el('td', null, r[c] === undefined ? '' : valueNode(c, r[c], 1)))));
    }
    table.append(body);
    return el('div', { class: 'table-wrap' }, table);
  }

  // ------------------------------------------------------------------ state view

  function renderState() {
    const body = $('state-body');
    const state = app.state;
    if (!state) return;
    const regions = state.Regions || [];
    fillSelect($('state-account'), regions.map((r) => r.Account), app.filters.account);
    fillSelect($('state-region'), regions.map((r) => r.Region), app.filters.region);
    const text = app.filters.text.trim().toLowerCase();
    const shown = regions.filter((r) => (!app.filters.account || r.Account === app.filters.account)
      && (!app.filters.region || r.Region === app.filters.region));
    clear(body);
    if (regions.length === 0) {
      body.append(el('p', { class: 'empty', text: 'Nothing yet: no account and region holds a resource. '
        + 'Resources that clients create appear here.' }));
      return;
    }
    let visible = 0;
    for (const r of shown) {
      const section = regionSection(r, text);
      if (section) { body.append(section); visible++; }
    }
    if (visible === 0) body.append(el('p', { class: 'empty', text: 'Nothing matches the filters.' }));
  }

  function regionSection(region, text) {
    const id = region.Account + '/' + region.Region;
    const section = el('section', { class: 'region', 'data-region': id, 'aria-label': 'Account ' + region.Account + ', region ' + region.Region });
    section.append(el('header', null,
      el('h3', { text: 'Account ' + region.Account + ' · ' + region.Region }),
      el('button', { type: 'button', class: 'danger', 'data-reset': id, text: 'Reset region…',
        onclick: () => confirmReset(region.Account, region.Region) })));
    const scalars = {};
    const empty = [];
    let matched = !text || id.toLowerCase().includes(text);
    for (const [key, value] of Object.entries(region)) {
      if (key === 'Account' || key === 'Region') continue;
      if (Array.isArray(value)) {
        if (value.length === 0) { empty.push(humanize(key)); continue; }
        const block = el('section', { 'data-key': key }, el('h4', { text: humanize(key) + ' (' + value.length + ')' }),
          collectionTable(key, value));
        if (text) {
          let any = false;
          block.querySelectorAll('tbody tr').forEach((tr) => {
            const hit = tr.textContent.toLowerCase().includes(text);
            tr.hidden = !hit;
            any = any || hit;
          });
          if (!any) continue;
          matched = true;
        }
        section.append(block);
      } else if (isObject(value)) {
        if (Object.keys(value).length === 0) { empty.push(humanize(key)); continue; }
        const block = el('section', { 'data-key': key }, el('h4', { text: humanize(key) }), objectList(value, 0));
        if (text && !block.textContent.toLowerCase().includes(text)) continue;
        matched = true;
        section.append(block);
      } else if (value !== null && value !== undefined) {
        scalars[key] = value;
      }
    }
    if (Object.keys(scalars).length) section.append(objectList(scalars, 0));
    if (empty.length && !text) section.append(el('p', { class: 'muted', text: 'None: ' + empty.join(', ') }));
    return matched ? section : null;
  }

  // ------------------------------------------------------------------ journal view

  function journalMatches(e) {
    const f = app.filters;
    if (f.op && e.Operation !== f.op) return false;
    if (f.jaccount && e.Account !== f.jaccount) return false;
    if (f.error && e.ErrorCode !== f.error) return false;
    const s = e.StatusCode;
    switch (f.status) {
      case 'ok': return !e.ErrorCode && s >= 200 && s < 300;
      case 'failed': return !!e.ErrorCode || s >= 400 || s === 0;
      case '4xx': return s >= 400 && s < 500;
      case '5xx': return s >= 500;
      case 'connection': return s === 0;
      default: return true;
    }
  }

  function renderJournal() {
    const entries = app.journal;
    fillSelect($('journal-operation'), entries.map((e) => e.Operation), app.filters.op);
    fillSelect($('journal-account'), entries.map((e) => e.Account), app.filters.jaccount);
    fillSelect($('journal-error'), entries.map((e) => e.ErrorCode), app.filters.error);
    const matching = [];
    for (let i = entries.length - 1; i >= 0; i--) if (journalMatches(entries[i])) matching.push(entries[i]);
    const failed = entries.filter((e) => e.ErrorCode).length;
    $('journal-summary').textContent = entries.length + ' requests, ' + failed + ' failed; showing '
      + Math.min(matching.length, MAX_ROWS) + (matching.length > MAX_ROWS ? ' newest of ' + matching.length : '')
      + ' matching' + (app.paused ? ' (paused)' : '');
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.seq : null;
    const rows = clear($('journal-rows'));
    for (const e of matching.slice(0, MAX_ROWS)) {
      const failedRow = !!e.ErrorCode || e.StatusCode >= 400 || e.StatusCode === 0;
      const tr = el('tr', { 'data-seq': e.Sequence, class: (failedRow ? 'failed' : '') + (e.Sequence === app.selected ? ' selected' : '') },
        el('td', { class: 'num', text: e.Sequence }),
        el('td', { title: timeFull(e.Time), text: timeShort(e.Time) }),
        el('td', null, el('button', { type: 'button', class: 'link', 'data-seq': e.Sequence, text: e.Operation,
          'aria-label': 'Open request ' + e.Sequence + ', ' + e.Operation, onclick: () => select(e.Sequence) })),
        el('td', { class: 'hide-narrow', text: e.Account }),
        el('td', { class: 'hide-narrow', text: e.Region }),
        el('td', null, statusCell(e)),
        el('td', { text: e.ErrorCode || '' }),
        el('td', { class: 'num', text: e.LatencyMillis === null || e.LatencyMillis === undefined ? '' : Number(e.LatencyMillis).toFixed(1) }),
        el('td', null, e.Fault ? el('span', { class: 'badge s-Failed', title: e.Fault, text: faultId(e.Fault) }) : ''));
      rows.append(tr);
    }
    if (focused) {
      const again = rows.querySelector('button[data-seq="' + CSS.escape(focused) + '"]');
      if (again) again.focus();
    }
    $('journal-count').textContent = '(' + entries.length + ')';
    renderDetail();
  }

  /** The rule's id from its description ("rule f1 on ..."), the full text being in the detail. */
  const faultId = (text) => { const m = /^rule (\S+)/.exec(text); return m ? m[1] : 'fault'; };

  function statusCell(e) {
    if (e.StatusCode === 0) return el('span', { class: 'badge s-bad', text: 'no answer' });
    return el('span', { class: 'badge ' + (e.StatusCode < 400 ? 's-ok' : 's-bad'), text: String(e.StatusCode) });
  }
  const timeShort = (t) => (typeof t === 'number' ? new Date(t * 1000).toISOString().slice(11, 23) : String(t ?? ''));
  const timeFull = (t) => (typeof t === 'number' ? new Date(t * 1000).toISOString() : String(t ?? ''));

  function select(seq) {
    app.selected = seq;
    writeHash();
    renderJournal();
    const detail = $('journal-detail');
    if (!detail.hidden) detail.focus();
  }

  function renderDetail() {
    const detail = $('journal-detail');
    const entry = app.selected ? app.journal.find((e) => e.Sequence === app.selected) : null;
    detail.hidden = !entry;
    detail.parentElement.classList.toggle('open', !!entry);
    if (!entry) return;
    $('detail-h').textContent = '#' + entry.Sequence + ' ' + entry.Operation;
    const meta = {
      Time: timeFull(entry.Time), RequestId: entry.RequestId, Account: entry.Account, Region: entry.Region,
      StatusCode: entry.StatusCode, ErrorCode: entry.ErrorCode, ErrorMessage: entry.ErrorMessage,
      LatencyMillis: entry.LatencyMillis, Fault: entry.Fault,
    };
    $('detail-meta').replaceWith(Object.assign(objectList(meta, 2), { id: 'detail-meta' }));
    $('detail-request').textContent = JSON.stringify(entry.Request, null, 2)
      + (entry.RequestTruncated ? '\n(truncated: the journal keeps a prefix of large bodies)' : '');
    $('detail-response').textContent = entry.Response === null || entry.Response === undefined
      ? (entry.StatusCode === 0 ? '(no response: ' + (entry.ErrorCode || 'connection fault') + ')' : '(not recorded)')
      : JSON.stringify(entry.Response, null, 2) + (entry.ResponseTruncated ? '\n(truncated)' : '');
  }
  $('detail-close').addEventListener('click', () => {
    const seq = app.selected;
    app.selected = null;
    writeHash();
    renderJournal();
    const back = document.querySelector('#journal-rows button[data-seq="' + seq + '"]');
    if (back) back.focus();
  });
  $('journal-pause').addEventListener('click', () => {
    app.paused = !app.paused;
    $('journal-pause').setAttribute('aria-pressed', String(app.paused));
    $('journal-pause').textContent = app.paused ? 'Resume' : 'Pause';
    renderJournal();
  });
  $('journal-clear').addEventListener('click', () => confirmThen('Clear the journal? Every recorded request is forgotten.',
    async () => { await api('DELETE', '/_fake/requests'); app.journal = []; app.selected = null; return 'Journal cleared'; }));

  // ------------------------------------------------------------------ control view

  function renderControl() {
    const rows = clear($('faults-rows'));
    for (const f of app.faults) {
      const outcome = (f.Outcome || 'NONE') + (f.ErrorCode ? ' ' + f.ErrorCode + ' ' + (f.StatusCode ?? '') : '');
      const latency = f.MinLatencyMillis || f.MaxLatencyMillis
        ? (f.MinLatencyMillis ?? 0) + (f.MaxLatencyMillis && f.MaxLatencyMillis !== f.MinLatencyMillis ? '–' + f.MaxLatencyMillis : '') : '';
      rows.append(el('tr', { 'data-fault': f.Id },
        el('td', { text: f.Id }),
        el('td', { text: f.Operation || 'any' }),
        el('td', null, f.Match && Object.keys(f.Match).length ? valueNode('Match', f.Match, 2) : 'any request'),
        el('td', { text: outcome, title: f.Message || '' }),
        el('td', { text: f.Phase || '' }),
        el('td', { text: f.Times ?? 'always' }),
        el('td', { text: f.Probability ?? 1 }),
        el('td', { text: latency }),
        el('td', { class: 'num', text: f.FiredCount ?? 0 }),
        el('td', null, el('button', { type: 'button', 'data-remove': f.Id, text: 'Remove',
          'aria-label': 'Remove fault rule ' + f.Id, onclick: () => removeFault(f.Id) }))));
    }
    fillDatalist($('fault-operations'), app.journal.map((e) => e.Operation).filter((o) => /^[A-Z][A-Za-z]+$/.test(o)));
    $('faults-empty').hidden = app.faults.length > 0;
    $('faults-clear').disabled = app.faults.length === 0;
    if (!$('reset-account').value && app.health) $('reset-account').value = app.filters.account || app.health.DefaultAccount;
    if (!$('reset-region').value && app.health) $('reset-region').value = app.filters.region || app.health.DefaultRegion;
    $('snapshot-section').hidden = app.snapshot !== true;
  }

  async function removeFault(id) {
    await act(async () => { await api('DELETE', '/_fake/faults/' + encodeURIComponent(id)); return 'Fault rule ' + id + ' removed'; });
  }
  $('faults-clear').addEventListener('click', () => confirmThen('Remove all ' + app.faults.length + ' fault rules?',
    async () => { await api('DELETE', '/_fake/faults'); return 'All fault rules removed'; }));

  $('fault-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const rule = { Outcome: $('fault-outcome').value };
    const operation = $('fault-operation').value.trim();
    if (operation) rule.Operation = operation;
    if (rule.Outcome === 'ERROR') {
      rule.ErrorCode = $('fault-code').value.trim();
      rule.StatusCode = Number($('fault-status').value);
      rule.Message = $('fault-message').value;
    }
    if ($('fault-times').value) rule.Times = Number($('fault-times').value);
    if ($('fault-latency').value) rule.MinLatencyMillis = rule.MaxLatencyMillis = Number($('fault-latency').value);
    act(async () => {
      const r = await api('POST', '/_fake/faults', null, JSON.stringify(rule));
      return 'Fault rule ' + r.json.Id + ' added';
    });
  });

  function confirmReset(account, region) {
    confirmThen('Reset account ' + account + ', region ' + region + '? Its workforce, work teams and every other resource there are forgotten.',
      async () => { await api('POST', '/_fake/reset', { account, region }); return 'Reset ' + account + '/' + region; });
  }
  $('reset-one').addEventListener('click', () => {
    const account = $('reset-account').value.trim();
    const region = $('reset-region').value.trim();
    if (account && region) confirmReset(account, region);
  });
  $('reset-all').addEventListener('click', () => confirmThen('Reset everything? Every resource in every account and region, the journal and all fault rules are forgotten.',
    async () => { await api('POST', '/_fake/reset'); app.journal = []; app.selected = null; return 'Everything reset'; }));

  $('clock-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const amount = Number($('clock-amount').value);
    if (!(amount > 0)) return;
    const millis = Math.round(amount * Number($('clock-unit').value));
    act(async () => {
      const r = await api('POST', '/_fake/clock', null, JSON.stringify({ AdvanceMillis: millis }));
      return 'Clock advanced to ' + timeFull(r.json.Now);
    });
  });
  $('settle').addEventListener('click', () => act(async () => {
    const r = await api('POST', '/_fake/settle');
    return r.json.Settled + ' pending transition' + (r.json.Settled === 1 ? '' : 's') + ' settled';
  }));

  $('snapshot-download').addEventListener('click', () => act(async () => {
    const account = $('reset-account').value.trim();
    const region = $('reset-region').value.trim();
    const scoped = account && region;
    const r = await api('GET', '/_fake/snapshot', scoped ? { account, region } : null);
    const link = el('a', { href: URL.createObjectURL(new Blob([r.text], { type: 'application/json' })),
      download: 'sagemaker-fake-snapshot' + (scoped ? '-' + account + '-' + region : '') + '.json' });
    document.body.append(link);
    link.click();
    link.remove();
    return 'Snapshot downloaded';
  }));
  $('snapshot-restore').addEventListener('click', () => {
    const file = $('snapshot-file').files[0];
    if (!file) { notify('Choose a snapshot file first', true); return; }
    confirmThen('Restore the snapshot ' + file.name + '? The state it describes replaces what the server holds.',
      async () => { await api('POST', '/_fake/snapshot', null, await file.text()); return 'Snapshot restored'; });
  });

  // ------------------------------------------------------------------ confirmation and actions

  let pending = null;
  function confirmThen(text, action) {
    pending = action;
    $('confirm-text').textContent = text;
    $('confirm').showModal();
    $('confirm-cancel').focus();
  }
  $('confirm-cancel').addEventListener('click', () => { pending = null; $('confirm').close(); });
  $('confirm').addEventListener('close', () => { pending = null; });
  $('confirm-ok').addEventListener('click', () => {
    const action = pending;
    pending = null;
    $('confirm').close();
    if (action) act(action);
  });

  async function act(action) {
    try {
      notify(await action());
    } catch (e) {
      notify((e.code ? e.code + ': ' : '') + e.message, true);
    }
    await poll(true);
  }

  // ------------------------------------------------------------------ polling

  function render() {
    if (app.view === 'state') renderState();
    else if (app.view === 'journal') renderJournal();
    else renderControl();
  }

  let polling = false;
  async function poll(force) {
    if (polling || app.needsSignIn) return;
    polling = true;
    try {
      if (!app.health) {
        app.health = (await api('GET', '/_fake/health')).json;
        $('server-info').textContent = 'version ' + app.health.Version + ' · default account '
          + app.health.DefaultAccount + ' · ' + app.health.DefaultRegion;
      }
      let changed = false;
      if (app.view === 'state') {
        const r = await api('GET', '/_fake/state');
        if (r.text !== app.stateText) { app.stateText = r.text; app.state = r.json; changed = true; }
      }
      if (app.view === 'journal' || app.polls % 5 === 0 || force) {
        if (!app.paused || force) changed = (await pollJournal()) || changed;
      }
      if (app.view === 'control') {
        const [faults, clock] = await Promise.all([api('GET', '/_fake/faults'), api('GET', '/_fake/clock')]);
        if (faults.text !== app.faultsText) { app.faultsText = faults.text; app.faults = faults.json.Faults || []; changed = true; }
        $('clock-now').textContent = timeFull(clock.json.Now);
        if (app.snapshot === null) { // once: a running server does not gain endpoints
          app.snapshot = await probeSnapshot();
          changed = true;
        }
      }
      if (changed || force) render();
      if (!app.rendered) { app.rendered = true; performance.mark('console-data-rendered'); }
      setStatus(app.paused && app.view === 'journal' ? 'live · journal paused' : 'live · polling every second');
    } catch (e) {
      if (!app.needsSignIn) setStatus((e.code ? e.code + ': ' : '') + e.message, true);
    } finally {
      app.polls++;
      polling = false;
    }
  }

  /**
   * Asks only for what is new, starting one entry back: when the last entry seen is gone, the
   * journal was cleared or reset (by anyone), and the whole journal is read again.
   */
  async function pollJournal() {
    if (app.lastSeq > 0) {
      const r = await api('GET', '/_fake/requests', { after: app.lastSeq - 1 });
      const fresh = r.json.Requests || [];
      if (fresh.length > 0 && fresh[0].Sequence === app.lastSeq) {
        if (fresh.length === 1) return false;
        app.journal = app.journal.concat(fresh.slice(1));
        if (app.journal.length > MAX_KEPT) app.journal = app.journal.slice(app.journal.length - MAX_KEPT);
        app.lastSeq = fresh[fresh.length - 1].Sequence;
        $('journal-count').textContent = '(' + app.journal.length + ')';
        return true;
      }
    }
    const all = (await api('GET', '/_fake/requests')).json.Requests || [];
    const same = all.length === app.journal.length && all.length === 0;
    app.journal = all;
    app.lastSeq = all.length ? all[all.length - 1].Sequence : 0;
    $('journal-count').textContent = '(' + all.length + ')';
    return !same;
  }

  /** The snapshot buttons show only where the server serves GET /_fake/snapshot. */
  async function probeSnapshot() {
    try { await api('GET', '/_fake/snapshot'); return true; } catch (e) { return false; }
  }

  // ------------------------------------------------------------------ start

  readHash();
  syncInputs();
  showView();
  if (!app.needsSignIn) writeHash();
  poll(true);
  setInterval(() => { if (!document.hidden) poll(false); }, POLL_MS);
})();
