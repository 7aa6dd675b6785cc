// Pipeline review page: keyboard-first decisions over the review API.
// Scraped text is untrusted: it only ever enters the page as text nodes (textContent, append(string),
// attribute values), never through innerHTML, and the Content-Security-Policy runs no script but this file.
'use strict';

(function () {
  const state = {
    session: null,
    taxonomy: null,
    entries: [],          // the loaded pages of the queue
    total: 0,
    next: null,           // the cursor of the next page (null: the last page is loaded)
    index: 0,             // the entry shown
    details: new Map(),   // id -> Promise of the candidate (prefetched so that the next one shows at once)
    current: null,        // the candidate shown, null while the next one loads
    draft: null,          // { types, actor, actorType, facts } as the reviewer is changing them
    done: new Map(),      // id -> status, decided in this session
    skipped: new Set(),
    undo: [],             // [{ id, version }] of this session's decisions, newest last
    busy: false,
  };

  const $ = (id) => document.getElementById(id);

  /** Builds an element; string children become text nodes, so nothing here is parsed as HTML. */
  function h(tag, props, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
    return e;
  }

  const pct = (p) => `${Math.round((p || 0) * 100)}%`;
  const day = (s) => (s ? String(s).slice(0, 10) : '?');
  const words = (id) => String(id || '').replace(/_/g, ' ');
  const safeUrl = (u) => (typeof u === 'string' && /^https?:\/\//i.test(u) ? u : null);

  async function api(path, body) {
    const init = { headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) {
      init.method = 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.headers['X-CSRF-Token'] = state.session ? state.session.csrf : '';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(path, init);
    if (res.status === 401) {
      location.assign('/login?return=' + encodeURIComponent(location.pathname + location.hash));
      throw new Error('signed out');
    }
    let data = null;
    try { data = await res.json(); } catch (_) { /* no body */ }
    return { status: res.status, ok: res.ok, data };
  }

  let toastTimer = 0;
  function toast(message) {
    const t = $('toast');
    t.textContent = message;
    t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { t.hidden = true; }, 5000);
  }

  // ---- the queue ------------------------------------------------------------------------------

  function filters() {
    const q = new URLSearchParams();
    for (const [k, v] of new FormData($('filters'))) if (v) q.set(k, String(v));
    q.set('limit', '100');
    return q;
  }

  async function loadQueue(focusId) {
    state.current = null;
    const r = await api('/api/candidates?' + filters());
    if (!r.ok) { toast((r.data && r.data.error) || `The queue could not be loaded (${r.status})`); return; }
    state.total = r.data.total;
    state.next = r.data.next || null;
    state.entries = r.data.items.filter((e) => !state.skipped.has(e.id));
    state.index = 0;
    if (focusId) return open(focusId);
    return show();
  }

  /** Appends the next page (keyset: it starts after the last candidate loaded, whatever was decided meanwhile). */
  async function loadMore() {
    if (!state.next) return false;
    const q = filters();
    q.set('after', state.next);
    const r = await api('/api/candidates?' + q);
    if (!r.ok) { toast((r.data && r.data.error) || `The queue could not be loaded (${r.status})`); return false; }
    const known = new Set(state.entries.map((e) => e.id));
    state.total = r.data.total;
    state.next = r.data.next || null;
    state.entries.push(...r.data.items.filter((e) => !state.skipped.has(e.id) && !known.has(e.id)));
    renderList();
    return true;
  }

  function getDetail(id, fresh) {
    if (fresh || !state.details.has(id)) {
      state.details.set(id, api('/api/candidates/' + id).then((r) => (r.ok ? r.data : null)));
    }
    return state.details.get(id);
  }

  async function show() {
    const entry = state.entries[state.index];
    state.current = null;
    renderList();
    if (!entry) { renderEmpty(); return; }
    const d = await getDetail(entry.id);
    if (state.entries[state.index] !== entry) return; // the reviewer moved on meanwhile
    if (!d) { toast(`Candidate #${entry.id} could not be loaded`); return; }
    Object.assign(entry, { title: d.title, response_types: d.response_types, confidence: d.predicted.confidence, status: d.status });
    state.current = d;
    state.draft = { types: [...d.response_types], actor: d.actor || '', actorType: d.actor_type || 'other', facts: factsOf(d) };
    renderCandidate(d);
    renderDraft();
    renderList();
    for (let k = 1; k <= 2; k++) { const e = state.entries[state.index + k]; if (e) getDetail(e.id); }
  }

  async function next() {
    let i = state.index + 1;
    for (;;) {
      while (i < state.entries.length && state.done.has(state.entries[i].id)) i++;
      if (i < state.entries.length) break;
      // The end of the loaded pages: the next page if there is one, else the queue from the start again.
      if (!state.next || !(await loadMore())) return loadQueue();
    }
    state.index = i;
    return show();
  }

  /** Shows one candidate (from a #c=ID link, or an undo), putting it into the list if it is not there. */
  function open(id) {
    let i = state.entries.findIndex((e) => e.id === id);
    if (i < 0) {
      i = Math.min(state.index, state.entries.length);
      state.entries.splice(i, 0, { id, title: `#${id}`, response_types: [], confidence: 0 });
    }
    state.index = i;
    return show();
  }

  // ---- rendering ------------------------------------------------------------------------------

  function renderList() {
    const status = new FormData($('filters')).get('status') || 'pending';
    $('queue-title').textContent = `${state.total} ${status}`;
    const list = $('queue-list');
    list.replaceChildren(...state.entries.map((e, i) => {
      const done = state.done.get(e.id);
      const li = h('li', { class: [i === state.index ? 'current' : '', done ? 'done' : ''].join(' ').trim() || null, 'data-id': e.id },
        h('span', { class: 'q-title', text: e.title }),
        h('span', { class: 'q-meta', text: `${words((e.response_types || [])[0])} · ${pct(e.confidence)}${done ? ' · ' + done : ''}` }));
      li.addEventListener('click', () => { state.index = i; show(); });
      return li;
    }));
    const current = list.querySelector('li.current');
    if (current) current.scrollIntoView({ block: 'nearest' });
    const more = $('queue-more');
    more.replaceChildren();
    if (state.total > state.entries.length) more.append(`showing ${state.entries.length} of ${state.total}`);
    if (state.next) more.append(' ', h('button', { type: 'button', id: 'load-more', text: 'more', onclick: () => loadMore() }));
  }

  function renderEmpty() {
    const main = $('candidate');
    delete main.dataset.id;
    main.replaceChildren(h('h1', { text: 'Nothing left to review' }),
      h('p', { class: 'hint', text: 'No candidate matches these filters. New candidates arrive after the next ingest pass.' }));
    $('decision').hidden = true;
  }

  function renderCandidate(d) {
    const main = $('candidate');
    main.dataset.id = d.id;
    main.dataset.version = d.version;
    main.dataset.status = d.status;
    main.dataset.primary = d.response_types[0] || '';
    const url = safeUrl(d.url);
    main.replaceChildren(...[
      h('h1', { id: 'title', text: d.title }),
      h('p', { class: 'meta' },
        h('span', { class: 'badge status-' + d.status, text: d.status }),
        ` ${d.source_name} · ${day(d.published || d.fetched)} · ${d.language || '?'} · #${d.id} v${d.version} · `,
        url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'original' }, 'original ↗') : 'no link'),
      d.duplicate_of ? h('p', { class: 'note' }, `A duplicate of #${d.duplicate_of}: it is decided with it. `,
        h('a', { href: '#c=' + d.duplicate_of }, 'Open the primary')) : null,
      predictionPanel(d),
      factsPanel(d),
      legalActsPanel(d),
      h('section', { class: 'text-panel' }, h('h2', { text: 'Text' }), legend(d), textNode(d)),
      duplicatesPanel(d),
      auditPanel(d),
    ].filter(Boolean)); // append() would turn null into the text "null"
    $('decision').hidden = false;
  }

  function predictionPanel(d) {
    const p = d.predicted;
    const rows = d.scores.slice(0, 5).map((s) => {
      const fill = h('span', { class: 'fill' });
      fill.style.width = `${(s.probability * 100).toFixed(1)}%`;
      const n = state.taxonomy.response_types.indexOf(s.label);
      return h('li', { class: p.response_types.includes(s.label) ? 'predicted' : null },
        h('span', { class: 'label' }, n >= 0 ? h('kbd', { text: String(n + 1) }) : null, ` ${words(s.label)}`),
        h('span', { class: 'bar' }, fill),
        h('span', { class: 'prob', text: pct(s.probability) }));
    });
    return h('section', { class: 'prediction' },
      h('h2', { text: 'Prediction' }),
      h('p', null, 'Types ', h('strong', { text: p.response_types.map(words).join(', ') }),
        ' · actor ', h('strong', { text: p.actor || '?' }), ` (${p.actor_type || '?'})`,
        p.co_actors.length ? ` with ${p.co_actors.join(', ')}` : '',
        ` · confidence ${pct(p.confidence)} · model ${p.model_version}`),
      d.reviewed ? h('p', { class: 'reviewed' }, 'Reviewed: ',
        h('strong', { text: d.reviewed.response_types ? d.reviewed.response_types.map(words).join(', ') : 'set aside' }),
        ` · actor ${d.reviewed.actor || '—'} (${d.reviewed.actor_type || '—'})`) : null,
      h('ol', { class: 'scores' }, ...rows),
      d.alternatives.length ? h('p', { class: 'hint' },
        'Top alternatives: ' + d.alternatives.map((a) => `${words(a.label)} ${pct(a.probability)}`).join(' · ')) : null);
  }

  function legend(d) {
    return h('p', { class: 'legend' },
      h('mark', { class: 'm-belarus', text: 'Belarus' }), ' ',
      h('mark', { class: 'm-actor', text: 'actor' }), ' ',
      h('mark', { class: 'm-cue-predicted', text: 'cue for the predicted type' }), ' ',
      h('mark', { class: 'm-cue', text: 'cue for another type' }), ' ',
      d.drivers.length ? h('span', { class: 'driver', text: `sentence driving “${words(d.drivers_for)}”` }) : null,
      targetSpans(d).length ? h('mark', { class: 'm-target', text: 'target' }) : null,
      dateSpan(d) ? h('mark', { class: 'm-date', text: 'date of the act' }) : null,
      d.drivers_notice ? h('span', { class: 'hint', text: ' ' + d.drivers_notice }) : null);
  }

  /** The text with its highlights, built from spans over the plain text: every piece is a text node. */
  function textNode(d) {
    const text = d.text || '';
    const marks = d.marks || [];
    const drivers = d.drivers || [];
    const targets = targetSpans(d);
    const date = dateSpan(d);
    const facts = date ? targets.concat([date]) : targets;
    const cuts = new Set([0, text.length]);
    for (const s of marks.concat(drivers, facts)) { cuts.add(s.start); cuts.add(s.start + s.length); }
    const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
    const root = h('div', { id: 'text', class: 'text' });
    let para = h('p');
    root.append(para);
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      const mark = marks.find((m) => m.start <= a && a < m.start + m.length);
      const drv = drivers.find((s) => s.start <= a && a < s.start + s.length);
      const fact = facts.find((s) => s.start <= a && a < s.start + s.length);
      text.slice(a, b).split('\n').forEach((line, j) => {
        if (j > 0 && para.childNodes.length) { para = h('p'); root.append(para); }
        if (!line) return;
        let node = document.createTextNode(line);
        if (mark) node = h('mark', { class: 'm-' + mark.kind, title: mark.kind === 'actor' ? mark.label : mark.kind === 'belarus' ? 'Belarus mention' : `cue: ${words(mark.label)}` }, node);
        if (fact) node = h('mark', { class: fact.kind, title: fact.title }, node);
        if (drv) node = h('span', { class: 'driver', title: `without this sentence “${words(d.drivers_for)}” loses ${pct(drv.weight)}` }, node);
        para.append(node);
      });
    }
    return root;
  }

  // ---- the facts of the response (binding, stance, lifecycle, targets, date, legal acts) ----------

  const FACTS = ['binding', 'stance', 'lifecycle', 'targets', 'date', 'legal_acts'];
  /** The facts edited as text: a date, or lists separated by ';'. */
  const TYPED = ['date', 'targets', 'legal_acts'];
  const LISTS = ['targets', 'legal_acts'];

  /** The facts as the reviewer edits them: the effective ones (predicted, with earlier corrections). */
  function factsOf(d) {
    const f = d.effective_facts || {};
    return {
      binding: f.binding === undefined ? null : f.binding, stance: f.stance || null, lifecycle: f.lifecycle || null,
      targets: (f.targets || []).map((t) => t.name), date: f.date || null, legal_acts: f.legal_acts || [],
    };
  }

  const factText = {
    binding: (v) => (v === true ? 'binding' : v === false ? 'not binding' : 'unclear'),
    stance: (v) => (v ? words(v) : 'unclear'),
    lifecycle: (v) => (v ? words(v) : 'unclear'),
    targets: (v) => (v && v.length ? v.join('; ') : 'none'),
    date: (v) => v || 'none',
    legal_acts: (v) => (v && v.length ? v.join('; ') : 'none'),
  };

  const sameFact = (k, a, b) => (LISTS.includes(k) ? (a || []).join('\u0001') === (b || []).join('\u0001') : a === b);

  /** The facts the draft changes, as the decision's body sends them (only these keys). */
  function factChanges() {
    const d = state.current;
    if (!d || !state.draft) return {};
    const base = factsOf(d);
    const changes = {};
    for (const k of FACTS) if (!sameFact(k, base[k], state.draft.facts[k])) changes[k] = state.draft.facts[k];
    return changes;
  }

  /** The effective targets that have a place in the text, to highlight. */
  function targetSpans(d) {
    const n = (d.text || '').length;
    return ((d.effective_facts || {}).targets || []).filter((t) => t.start >= 0 && t.length > 0 && t.start + t.length <= n)
      .map((t) => ({ start: t.start, length: t.length, kind: 'm-target', title: `target: ${t.name}` }));
  }

  /** Where the date of the act was read in the text (not when it is in the title). */
  function dateSpan(d) {
    const e = (d.effective_facts || {}).date_evidence;
    if (!e || e.in_title || e.start < 0 || e.start + e.length > (d.text || '').length) return null;
    return { start: e.start, length: e.length, kind: 'm-date', title: `date of the act: ${d.effective_facts.date}` };
  }

  /** The facts with their evidence: the effective value, "corrected" where a reviewer set it, and the prediction beside. */
  function factsPanel(d) {
    const eff = d.effective_facts;
    const pred = d.facts;
    if (!eff || !pred) return null;
    const corrected = new Set(eff.corrected || []);
    const row = (k, label, value, predicted, evidence) => h('div', { class: 'fact-row', 'data-fact': k },
      h('dt', { text: label }),
      h('dd', null, h('strong', { class: 'fact-value', text: value }),
        corrected.has(k) ? h('span', { class: 'badge corrected', text: 'corrected' }) : null,
        corrected.has(k) ? h('span', { class: 'hint', text: ` predicted: ${predicted}` }) : null,
        evidence || null));
    const acts = (d.legal_acts || []).length;
    const targets = (eff.targets || []).length
      ? h('ul', { class: 'targets' }, ...eff.targets.map((t) => h('li', null, t.name,
        h('span', { class: 'hint', text: t.start >= 0 ? ` · at ${t.start} in the text` : ' · not in the text' }))))
      : null;
    const e = eff.date_evidence;
    const dateEvidence = e ? h('p', { class: 'evidence' }, 'read from “', h('mark', { class: 'm-date', text: e.phrase }), '” in ',
      h('q', { text: e.sentence }), e.in_title ? ' (title)' : '') : null;
    return h('section', { class: 'facts', id: 'facts' },
      h('h2', { text: 'Facts' }),
      h('dl', null,
        row('binding', 'Binding', factText.binding(eff.binding), factText.binding(pred.binding),
          acts ? h('span', { class: 'hint', text: ` · ${acts} legal act(s) named` }) : null),
        row('stance', 'Stance', factText.stance(eff.stance), factText.stance(pred.stance)),
        row('lifecycle', 'Lifecycle', factText.lifecycle(eff.lifecycle), factText.lifecycle(pred.lifecycle)),
        row('targets', 'Targets', (eff.targets || []).length ? `${eff.targets.length}` : 'none',
          factText.targets((pred.targets || []).map((t) => t.name)), targets),
        row('date', 'Date of the act', factText.date(eff.date), factText.date(pred.date), dateEvidence),
        row('legal_acts', 'Legal acts', factText.legal_acts(eff.legal_acts), factText.legal_acts(pred.legal_acts))));
  }

  /** Cycles a fact through its values (forward, or backwards with Shift); unclear (null) is one of them. */
  function cycleFact(k, back) {
    if (!state.current) return;
    const values = k === 'binding' ? [true, false, null]
      : [...(k === 'stance' ? state.taxonomy.stances : state.taxonomy.lifecycles), null];
    const i = values.indexOf(state.draft.facts[k]);
    state.draft.facts[k] = values[(i + (back ? values.length - 1 : 1)) % values.length];
    renderDraft();
  }

  function editFact(k) {
    if (!state.current) return;
    const input = $('fact-' + k);
    input.focus();
    input.select();
  }

  /** Reads an edited field into the draft; a date must look like one (the server checks the rest). */
  function readFact(k) {
    const v = $('fact-' + k).value.trim();
    if (k === 'date') {
      if (v && !/^\d{4}-\d{2}-\d{2}$/.test(v)) { toast('A date is yyyy-mm-dd (empty: none)'); return false; }
      state.draft.facts.date = v || null;
    } else {
      state.draft.facts[k] = v.split(';').map((x) => x.trim()).filter(Boolean);
    }
    return true;
  }

  function factKeys(e) {
    e.stopPropagation();
    const input = e.target;
    const k = input.id.slice('fact-'.length);
    if (e.key === 'Enter') {
      e.preventDefault();
      if (readFact(k)) { input.blur(); renderDraft(); }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      const f = state.draft ? state.draft.facts : { date: null, targets: [], legal_acts: [] };
      input.value = k === 'date' ? f.date || '' : f[k].join('; '); // back to the draft's value, which blurring keeps
      input.blur();
    }
  }

  /** The legal instruments the text names, each linked where its reference gives a link (EUR-Lex, undocs.org…). */
  function legalActsPanel(d) {
    const acts = d.legal_acts || [];
    if (!acts.length) return null;
    const items = acts.map((a) => h('li', null,
      safeUrl(a.url) ? h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer', text: a.id }) : a.id));
    return h('section', { class: 'legal-acts' }, h('h2', { text: 'Legal acts named' }), h('ul', null, ...items));
  }

  function duplicatesPanel(d) {
    if (!d.duplicates.length) return null;
    return h('section', { class: 'duplicates' },
      h('h2', { text: `Duplicates (${d.duplicates.length}) — decided together with this one` }),
      h('ul', null, ...d.duplicates.map((x) => h('li', null,
        safeUrl(x.url) ? h('a', { href: x.url, target: '_blank', rel: 'noopener noreferrer', text: x.title }) : x.title,
        ` · ${x.source_name} · ${day(x.published)} · #${x.id}`))));
  }

  function auditPanel(d) {
    const list = h('ol', { class: 'audit' });
    const details = h('details', { class: 'history' }, h('summary', { text: 'History (audit trail)' }), list);
    details.addEventListener('toggle', async () => {
      if (!details.open) return;
      const r = await api(`/api/candidates/${d.id}/audit`);
      if (!r.ok) return;
      list.replaceChildren(...(r.data.length ? r.data.map((row) => h('li', null,
        `${String(row.at).replace('T', ' ').slice(0, 19)} · ${row.reviewer} · ${row.decision}: ` +
        `${describe(row.before)} → ${describe(row.after)}`)) : [h('li', { text: 'No change yet.' })]));
    });
    return details;
  }

  function describe(s) {
    if (!s) return '—';
    const types = s.reviewed_types ? s.reviewed_types.map(words).join(', ') : 'as predicted';
    const f = s.reviewed_facts;
    const facts = f ? Object.keys(f).map((k) => `${k} ${k === 'targets' ? factText.targets((f[k] || []).map((t) => t.name))
      : factText[k] ? factText[k](f[k]) : f[k]}`).join(', ') : '';
    return `${s.status} [${types}${s.reviewed_actor ? '; ' + s.reviewed_actor : ''}${facts ? '; facts: ' + facts : ''}]`;
  }

  // ---- the draft decision ---------------------------------------------------------------------

  function isChanged() {
    const d = state.current;
    const dr = state.draft;
    return dr.types.join('|') !== d.response_types.join('|') || (dr.actor || '') !== (d.actor || '') || dr.actorType !== (d.actor_type || 'other')
      || Object.keys(factChanges()).length > 0;
  }

  function renderDraft() {
    const d = state.current;
    if (!d) return;
    const dr = state.draft;
    for (const b of document.querySelectorAll('#types .type')) {
      const pos = dr.types.indexOf(b.dataset.type);
      b.classList.toggle('primary', pos === 0);
      b.classList.toggle('secondary', pos > 0);
      b.setAttribute('aria-pressed', pos >= 0 ? 'true' : 'false');
    }
    if (document.activeElement !== $('actor')) $('actor').value = dr.actor;
    $('actor-type').value = dr.actorType;
    const changes = factChanges();
    for (const k of ['binding', 'stance', 'lifecycle']) {
      const b = $('fact-' + k);
      b.querySelector('.value').textContent = factText[k](dr.facts[k]);
      b.classList.toggle('changed', k in changes);
    }
    for (const k of TYPED) {
      const input = $('fact-' + k);
      if (document.activeElement !== input) input.value = k === 'date' ? dr.facts.date || '' : dr.facts[k].join('; ');
      input.classList.toggle('changed', k in changes);
    }
    const changed = isChanged();
    $('approve').lastChild.textContent = changed ? ' Save correction' : ' Approve';
    $('decision').classList.toggle('changed', changed);
    $('draft-note').textContent = changed ? 'Changed: a or Enter saves the correction.'
      : d.duplicates.length ? `Deciding this also decides its ${d.duplicates.length} duplicate(s).` : '';
  }

  function pickType(n, add) {
    const t = state.taxonomy.response_types[n - 1];
    if (!t || !state.current) return;
    let types = state.draft.types.filter((x) => state.taxonomy.response_types.includes(x));
    if (add) {
      if (types.indexOf(t) > 0) types = types.filter((x) => x !== t);
      else if (!types.includes(t)) types.push(t);
      if (!types.length) types = [t];
    } else {
      types = [t, ...types.slice(1).filter((x) => x !== t)];
    }
    state.draft.types = types;
    renderDraft();
  }

  function commit() {
    const d = state.current;
    if (!d) return;
    if (!isChanged()) return decide({ decision: 'approve', version: d.version }, 'approved');
    const facts = factChanges();
    return decide({
      decision: 'correct', response_types: state.draft.types, actor: state.draft.actor || null,
      actor_type: state.draft.actorType, version: d.version, ...(Object.keys(facts).length ? { facts } : {}),
    }, 'corrected');
  }

  const reject = (label) => {
    const d = state.current;
    if (!d) return;
    return decide({ decision: 'reject', response_types: label ? [label] : [], version: d.version }, label ? `rejected as ${words(label)}` : 'rejected');
  };

  async function decide(body, verb) {
    const d = state.current;
    if (!d || state.busy) return;
    state.busy = true;
    try {
      const r = await api(`/api/candidates/${d.id}/review`, body);
      if (r.ok) {
        state.undo.push({ id: d.id, version: r.data.version });
        state.done.set(d.id, r.data.status);
        state.details.delete(d.id);
        for (const x of d.duplicates) state.details.delete(x.id);
        toast(`#${d.id} ${verb} · u undoes`);
        await next();
      } else if (r.status === 409) {
        toast((r.data && r.data.error) || 'Someone else changed this candidate');
        if (r.data && r.data.primary) await open(r.data.primary);
        else { state.details.delete(d.id); await show(); }
      } else {
        toast((r.data && r.data.error) || `Refused (${r.status})`);
      }
    } finally {
      state.busy = false;
    }
  }

  function skip() {
    const d = state.current;
    if (!d) return;
    state.skipped.add(d.id);
    return next();
  }

  async function undo() {
    if (state.busy) return;
    const last = state.undo.pop();
    if (!last) { toast('Nothing to undo in this session'); return; }
    state.busy = true;
    try {
      const r = await api(`/api/candidates/${last.id}/undo`, { version: last.version });
      if (!r.ok) { toast((r.data && r.data.error) || `Undo refused (${r.status})`); return; }
      state.done.delete(last.id);
      state.details.delete(last.id);
      toast(`#${last.id} is ${r.data.status} again`);
      await open(last.id);
    } finally {
      state.busy = false;
    }
  }

  // ---- actor autocomplete ---------------------------------------------------------------------

  let actorOptions = [];
  let active = -1;
  let searchSeq = 0;

  async function searchActors() {
    const mine = ++searchSeq;
    const r = await api('/api/actors?q=' + encodeURIComponent($('actor').value));
    if (mine !== searchSeq) return;
    actorOptions = r.ok ? r.data : [];
    active = actorOptions.length ? 0 : -1;
    renderOptions();
  }

  function renderOptions() {
    const list = $('actor-options');
    list.replaceChildren(...actorOptions.map((o, i) => h('li', {
      role: 'option', id: 'actor-option-' + i, class: i === active ? 'active' : null, 'aria-selected': i === active ? 'true' : 'false',
      onmousedown: (e) => { e.preventDefault(); pickActor(o); },
    }, h('strong', { text: o.name }), ` ${o.type}`, o.matched ? h('span', { class: 'hint', text: ` (${o.matched})` }) : null)));
    list.hidden = actorOptions.length === 0;
    $('actor').setAttribute('aria-expanded', String(!list.hidden));
    if (active >= 0) $('actor').setAttribute('aria-activedescendant', 'actor-option-' + active);
    else $('actor').removeAttribute('aria-activedescendant');
  }

  function closeOptions() {
    actorOptions = [];
    active = -1;
    renderOptions();
  }

  function pickActor(o) {
    state.draft.actor = o.name;
    state.draft.actorType = o.type;
    closeOptions();
    $('actor').blur();
    renderDraft();
  }

  function actorKeys(e) {
    e.stopPropagation();
    if (e.key === 'ArrowDown') { e.preventDefault(); active = Math.min(active + 1, actorOptions.length - 1); renderOptions(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); active = Math.max(active - 1, 0); renderOptions(); }
    else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0 && actorOptions[active]) pickActor(actorOptions[active]);
      else { state.draft.actor = $('actor').value.trim(); closeOptions(); $('actor').blur(); renderDraft(); }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      closeOptions();
      $('actor').value = state.draft ? state.draft.actor : '';
      $('actor').blur();
    }
  }

  // ---- keys -----------------------------------------------------------------------------------

  function keys(e) {
    const t = e.target;
    if (t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement) {
      if (e.key === 'Escape') t.blur();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter' && t instanceof HTMLButtonElement) return; // the button's own click
    const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
    if (digit) { e.preventDefault(); pickType(Number(digit[1]), e.shiftKey); return; }
    const actions = {
      a: commit, Enter: commit, n: () => reject('not_a_response'), i: () => reject('irrelevant'), x: () => reject(null),
      s: skip, ArrowRight: skip, u: undo,
      ArrowLeft: () => { if (state.index > 0) { state.index--; show(); } },
      c: () => { $('actor').focus(); $('actor').select(); searchActors(); },
      '/': () => { $('actor').focus(); $('actor').select(); searchActors(); },
      b: () => cycleFact('binding'), B: () => cycleFact('binding', true),
      t: () => cycleFact('stance'), T: () => cycleFact('stance', true),
      l: () => cycleFact('lifecycle'), L: () => cycleFact('lifecycle', true),
      d: () => editFact('date'), g: () => editFact('targets'), r: () => editFact('legal_acts'),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  // ---- start ----------------------------------------------------------------------------------

  async function start() {
    const [session, taxonomy, facets] = await Promise.all([api('/api/session'), api('/api/taxonomy'), api('/api/facets')]);
    state.session = session.data;
    state.taxonomy = taxonomy.data;
    const form = $('filters');
    for (const s of facets.data.sources) form.elements.source.append(h('option', { value: s.id, text: s.name }));
    for (const l of facets.data.languages) form.elements.language.append(h('option', { value: l, text: l }));
    form.addEventListener('change', () => loadQueue());
    form.addEventListener('submit', (e) => { e.preventDefault(); loadQueue(); });

    document.addEventListener('keydown', keys);
    $('actor').addEventListener('keydown', actorKeys);
    $('actor').addEventListener('input', searchActors);
    $('actor').addEventListener('blur', () => setTimeout(closeOptions, 100));
    $('actor-type').addEventListener('change', () => { if (state.draft) { state.draft.actorType = $('actor-type').value; renderDraft(); } });
    for (const k of ['binding', 'stance', 'lifecycle']) $('fact-' + k).addEventListener('click', (e) => cycleFact(k, e.shiftKey));
    for (const k of TYPED) {
      $('fact-' + k).addEventListener('keydown', factKeys);
      $('fact-' + k).addEventListener('change', () => { if (state.draft && readFact(k)) renderDraft(); });
    }
    document.querySelectorAll('#types .type').forEach((b, i) => b.addEventListener('click', (e) => pickType(i + 1, e.shiftKey)));
    $('approve').addEventListener('click', commit);
    $('not-response').addEventListener('click', () => reject('not_a_response'));
    $('irrelevant').addEventListener('click', () => reject('irrelevant'));
    $('reject').addEventListener('click', () => reject(null));
    $('skip').addEventListener('click', skip);
    $('undo').addEventListener('click', undo);
    $('logout').addEventListener('submit', async (e) => {
      e.preventDefault();
      await api('/logout', {});
      location.assign('/login');
    });
    window.addEventListener('hashchange', () => {
      const m = /^#c=(\d+)$/.exec(location.hash);
      if (m) open(Number(m[1]));
    });

    const m = /^#c=(\d+)$/.exec(location.hash);
    await loadQueue(m ? Number(m[1]) : undefined);
    document.body.dataset.ready = 'true';
  }

  /** While the first model trains, the banner follows /health and goes away when the classifier is ready. */
  function followTraining() {
    const banner = $('training');
    if (!banner) return;
    const timer = setInterval(async () => {
      try {
        const r = await fetch('/health', { headers: { Accept: 'application/json' } });
        const health = await r.json();
        const checks = health.checks || {};
        if (checks.classifier && checks.classifier.status === 'healthy') { banner.remove(); clearInterval(timer); return; }
        if (health.classifier) banner.textContent = health.classifier;
      } catch (e) { /* the next tick tries again */ }
    }, 5000);
  }

  document.addEventListener('DOMContentLoaded', () => {
    followTraining();
    start().catch((e) => toast(String(e && e.message ? e.message : e)));
  });
}());
