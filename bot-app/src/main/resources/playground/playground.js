// The charter playground's page. It only ever puts text in the page (textContent, createTextNode),
// never markup: what an author types, what the charter says and what the bot answers are shown as
// written. The server sends no script either (its Content-Security-Policy allows this file only).
'use strict';

(function () {
  const DEBOUNCE_MS = 150;
  const state = {
    messages: null,
    ui: 'en',
    charter: null,
    askSequence: 0,
    lastInputAt: 0,
    lastAsked: null,
    sectionsVersion: null,
  };

  // ----- small helpers -----

  function $(id) {
    return document.getElementById(id);
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  /** A sentence of the page in the current language, its {0}-style arguments filled in. */
  function t(key, ...args) {
    const texts = state.messages ? state.messages[state.ui] : null;
    let text = texts && Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
    args.forEach((arg, i) => {
      text = text.split('{' + i + '}').join(String(arg));
    });
    return text;
  }

  /** A label's colon as the language writes it: "Confidence: ", "Confiance : ". */
  function colon() {
    return state.ui === 'fr' ? '\u00a0: ' : ': ';
  }

  // A metric is null when the set has no question of its kind (no out-of-scope question: no abstain rate).
  function percent(value) {
    if (value === null) {
      return '\u2013';
    }
    return Math.round(value * 100) + (state.ui === 'fr' ? '\u00a0%' : '%');
  }

  function number(value, digits) {
    if (value === null) {
      return '\u2013';
    }
    return Number(value).toLocaleString(state.ui === 'fr' ? 'fr-FR' : 'en-US', {
      minimumFractionDigits: digits, maximumFractionDigits: digits,
    });
  }

  async function call(method, path, body) {
    const options = { method, headers: {} };
    if (body !== undefined) {
      options.body = typeof body === 'string' ? body : JSON.stringify(body);
      options.headers['Content-Type'] = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
    }
    const response = await fetch(path, options);
    let json = null;
    try {
      json = await response.json();
    } catch (e) {
      json = null;
    }
    return { status: response.status, ok: response.ok, json };
  }

  function showError(node, key, ...args) {
    node.textContent = t(key, ...args);
    node.hidden = false;
  }

  // ----- languages -----

  function applyTexts() {
    document.documentElement.lang = state.ui;
    document.title = t('title');
    document.querySelectorAll('[data-text]').forEach((node) => {
      node.textContent = t(node.getAttribute('data-text'));
    });
    $('question').placeholder = t('ask.placeholder');
    renderStatus();
    if (state.lastResult) {
      renderAnswer(state.lastResult);
    }
    if (state.lastEval) {
      renderEval(state.lastEval);
    }
    if (state.lastSections) {
      renderSections(state.lastSections);
    }
  }

  function switchLanguage() {
    state.ui = state.ui === 'en' ? 'fr' : 'en';
    try {
      window.localStorage.setItem('charter-playground-ui', state.ui);
    } catch (e) {
      // Private browsing: the choice lasts until the page closes.
    }
    applyTexts();
  }

  // ----- the charter's state -----

  function renderStatus() {
    const status = $('status');
    status.replaceChildren();
    const charter = state.charter;
    if (!charter || charter.loading) {
      status.append(el('p', null, t(state.disconnected ? 'status.disconnected' : 'status.loading')));
      return;
    }
    if (charter.version) {
      status.append(el('p', 'served', t('status.served', charter.version, charter.sections, charter.source)));
    } else {
      status.append(el('p', 'broken', t('status.none')));
    }
    status.append(el('p', 'hint', t(charter.watching ? 'status.watching' : 'status.bundled')));
    if (state.disconnected) {
      status.append(el('p', 'error', t('status.disconnected')));
    }
    const problems = $('problems');
    problems.replaceChildren();
    problems.hidden = charter.problems.length === 0;
    problems.dataset.count = String(charter.problems.length);
    if (charter.problems.length > 0) {
      problems.append(el('h2', null, t('problems.title', charter.problems.length)));
      if (charter.keptEarlier) {
        problems.append(el('p', 'hint', t('problems.kept', charter.version)));
      }
      const list = el('ul', 'problem-list');
      charter.problems.forEach((problem) => {
        const item = el('li', 'problem');
        item.append(el('code', 'where', problem.line > 0 ? problem.file + ':' + problem.line : problem.file));
        item.append(document.createTextNode(' '));
        item.append(el('span', 'message', problem.message[state.ui] || problem.message.en));
        list.append(item);
      });
      problems.append(list);
    }
    document.body.dataset.revision = String(charter.revision);
    document.body.dataset.version = charter.version || '';
  }

  function onState(charter) {
    const before = state.charter;
    state.charter = charter;
    state.disconnected = false;
    renderStatus();
    if (!before || before.version !== charter.version) {
      // The page follows each saved change: what was asked is answered again from the new charter.
      if (state.lastAsked !== null) {
        ask(state.lastAsked, false);
      }
      if (!$('panel-browse').hidden) {
        loadSections();
      }
    }
  }

  function follow() {
    const events = new EventSource('api/events');
    events.addEventListener('state', (event) => {
      onState(JSON.parse(event.data));
    });
    events.onerror = () => {
      state.disconnected = true;
      renderStatus();
    };
  }

  // ----- asking -----

  let debounce = null;

  function onQuestionInput() {
    state.lastInputAt = performance.now();
    clearTimeout(debounce);
    debounce = setTimeout(() => ask($('question').value, true), DEBOUNCE_MS);
  }

  async function ask(text, typed) {
    const sequence = ++state.askSequence;
    const startedAt = typed ? state.lastInputAt : performance.now();
    const error = $('ask-error');
    if (text.trim() === '') {
      state.lastAsked = null;
      state.lastResult = null;
      $('previews').hidden = true;
      $('trace').hidden = true;
      error.hidden = true;
      return;
    }
    state.lastAsked = text;
    let result;
    try {
      result = await call('POST', 'api/ask', { text, lang: $('reply-language').value || null });
    } catch (e) {
      if (sequence === state.askSequence) {
        showError(error, 'error.network');
      }
      return;
    }
    if (sequence !== state.askSequence) {
      return; // an answer to an earlier text, overtaken by typing
    }
    if (!result.ok) {
      $('previews').hidden = true;
      $('trace').hidden = true;
      showError(error, result.status === 413 ? 'ask.too-long' : (result.json && result.json.error) || 'error.bad-request');
      return;
    }
    error.hidden = true;
    state.lastResult = result.json;
    renderAnswer(result.json);
    document.body.dataset.answered = text;
    document.body.dataset.answerMs = String(Math.round(performance.now() - startedAt));
  }

  async function click(actionId, value) {
    const error = $('ask-error');
    let result;
    try {
      result = await call('POST', 'api/action', { actionId, value: value || '', lang: $('reply-language').value || null });
    } catch (e) {
      showError(error, 'error.network');
      return;
    }
    if (!result.ok) {
      showError(error, (result.json && result.json.error) || 'error.bad-request');
      return;
    }
    error.hidden = true;
    renderReplies(result.json.replies, null);
  }

  function renderAnswer(result) {
    renderReplies(result.replies, result.text);
    renderTrace(result.trace);
  }

  function renderReplies(replies, asked) {
    const slack = $('slack');
    const teams = $('teams');
    slack.replaceChildren();
    teams.replaceChildren();
    if (asked !== null) {
      slack.append(bubble(asked, 'slack'));
      teams.append(bubble(asked, 'teams'));
    }
    replies.forEach((reply) => {
      slack.append(slackMessage(reply.slack));
      teams.append(teamsMessage(reply.teams));
    });
    $('previews').hidden = false;
  }

  function bubble(text, platform) {
    const message = el('div', platform + '-message from-person');
    message.append(el('div', 'author', t('ask.you')));
    message.append(el('div', 'person-text', text));
    return message;
  }

  // ----- Slack's Block Kit, as Slack lays it out -----

  /** The core's action id of a Slack button: without the "#2" Slack needs for unique ids in a message. */
  function routedActionId(id) {
    const match = /^(.*)#\d+$/.exec(id || '');
    return match ? match[1] : id;
  }

  function slackMessage(blocks) {
    const message = el('div', 'slack-message');
    message.append(el('div', 'author', t('ask.bot')));
    blocks.forEach((block) => {
      switch (block.type) {
        case 'header':
          message.append(el('div', 'sk-header', block.text.text));
          break;
        case 'section': {
          const section = el('div', 'sk-section');
          section.append(mrkdwn(block.text.text));
          message.append(section);
          break;
        }
        case 'context': {
          const context = el('div', 'sk-context');
          (block.elements || []).forEach((element) => {
            const part = el('span', 'sk-context-part');
            part.append(element.type === 'mrkdwn' ? mrkdwn(element.text) : document.createTextNode(element.text));
            context.append(part);
          });
          message.append(context);
          break;
        }
        case 'actions': {
          const actions = el('div', 'sk-actions');
          (block.elements || []).forEach((element) => {
            const button = el('button', 'sk-button' + (element.style ? ' sk-' + element.style : ''), element.text.text);
            button.type = 'button';
            button.addEventListener('click', () => click(routedActionId(element.action_id), element.value));
            actions.append(button);
          });
          message.append(actions);
          break;
        }
        case 'divider':
          message.append(el('hr', 'sk-divider'));
          break;
        default:
          message.append(el('div', 'sk-unknown', block.type));
      }
    });
    return message;
  }

  /** The entities Slack's mrkdwn escapes, back to characters: the text is then shown as text. */
  function unescapeSlack(text) {
    return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }

  /**
   * Slack's mrkdwn as Slack shows it: links <url|label>, *bold*, _italic_, ~strike~ and line
   * breaks. Only http, https and mailto links become links; everything else stays text.
   */
  function mrkdwn(source) {
    const fragment = document.createDocumentFragment();
    const link = /<([^<>|]*)(?:\|([^<>]*))?>/g;
    let last = 0;
    let match;
    while ((match = link.exec(source)) !== null) {
      styled(fragment, source.slice(last, match.index));
      const target = unescapeSlack(match[1]);
      const label = match[2] !== undefined ? match[2] : match[1];
      if (/^(https?:|mailto:)/i.test(target)) {
        const anchor = el('a', null, unescapeSlack(label));
        anchor.href = target;
        anchor.rel = 'noopener noreferrer';
        anchor.target = '_blank';
        fragment.append(anchor);
      } else {
        fragment.append(document.createTextNode(unescapeSlack(match[0])));
      }
      last = link.lastIndex;
    }
    styled(fragment, source.slice(last));
    return fragment;
  }

  function styled(parent, text) {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) {
        parent.append(el('br'));
      }
      const pattern = /(\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~)/g;
      let last = 0;
      let match;
      while ((match = pattern.exec(line)) !== null) {
        parent.append(document.createTextNode(unescapeSlack(line.slice(last, match.index))));
        const inner = unescapeSlack(match[0].slice(1, -1));
        const tag = match[0][0] === '*' ? 'strong' : match[0][0] === '_' ? 'em' : 's';
        parent.append(el(tag, null, inner));
        last = pattern.lastIndex;
      }
      parent.append(document.createTextNode(unescapeSlack(line.slice(last))));
    });
  }

  // ----- Teams' Adaptive Card, as Teams lays it out -----

  function teamsMessage(card) {
    const message = el('div', 'teams-message');
    message.append(el('div', 'author', t('ask.bot')));
    const body = el('div', 'ac-card');
    (card.body || []).forEach((element) => body.append(cardElement(element)));
    message.append(body);
    return message;
  }

  function cardElement(element) {
    switch (element.type) {
      case 'RichTextBlock': {
        const block = el('p', 'ac-rich' + (element.spacing === 'small' ? ' ac-tight' : ''));
        (element.inlines || []).forEach((inline) => block.append(textRun(inline)));
        return block;
      }
      case 'TextBlock':
        return el('p', 'ac-text', element.text);
      case 'Image': {
        const url = String(element.url || '');
        if (!/^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(url)) {
          return el('p', 'ac-subtle', t('ask.image'));
        }
        const image = el('img', 'ac-image');
        image.src = url;
        image.alt = element.altText || '';
        return image;
      }
      case 'ActionSet': {
        const actions = el('div', 'ac-actions');
        (element.actions || []).forEach((action) => {
          const data = action.data || {};
          const button = el('button', 'ac-button' + (action.style ? ' ac-' + action.style : ''), action.title);
          button.type = 'button';
          button.addEventListener('click', () => click(data.actionId || action.verb, data.value));
          actions.append(button);
        });
        return actions;
      }
      default:
        return el('p', 'ac-subtle', element.type);
    }
  }

  function textRun(inline) {
    let node;
    const action = inline.selectAction;
    if (action && action.type === 'Action.OpenUrl' && /^https?:/i.test(action.url || '')) {
      node = el('a', null, inline.text);
      node.href = action.url;
      node.rel = 'noopener noreferrer';
      node.target = '_blank';
    } else {
      node = el('span', null, inline.text);
    }
    if (inline.weight === 'bolder') {
      node.classList.add('ac-bold');
    }
    if (inline.size === 'large') {
      node.classList.add('ac-large');
    }
    if (inline.size === 'small') {
      node.classList.add('ac-small');
    }
    if (inline.isSubtle) {
      node.classList.add('ac-subtle');
    }
    if (inline.color === 'attention') {
      node.classList.add('ac-attention');
    }
    return node;
  }

  // ----- the ranking behind an answer -----

  function renderTrace(trace) {
    const section = $('trace');
    section.replaceChildren();
    section.hidden = false;
    section.append(el('h2', null, t('ask.trace')));
    if (!trace) {
      section.append(el('p', 'hint', t('ask.command')));
      return;
    }
    const facts = el('p', 'facts');
    facts.append(el('span', 'tier tier-' + trace.tier, t('ask.tier.' + trace.tier)));
    facts.append(document.createTextNode(' \u00b7 ' + t('ask.confidence') + colon()));
    facts.append(el('strong', 'confidence', number(trace.confidence, 2)));
    section.append(facts);
    if (trace.ranked.length === 0) {
      section.append(el('p', 'hint', t('ask.no-ranking')));
      return;
    }
    section.append(el('h3', null, t('ask.ranked')));
    const table = el('table', 'ranked');
    const head = el('tr');
    ['ask.column.rank', 'ask.column.section', 'ask.column.score', 'ask.column.coverage', 'ask.column.words', 'ask.column.shown']
      .forEach((key) => head.append(el('th', null, t(key))));
    table.append(head);
    trace.ranked.forEach((ranked, i) => {
      const row = el('tr', ranked.cited ? 'cited' : '');
      row.dataset.section = ranked.id;
      row.append(el('td', 'num', i + 1));
      const title = el('td');
      title.append(el('span', null, ranked.title));
      title.append(el('code', 'id', ranked.id));
      if (ranked.notCovered) {
        title.append(el('span', 'flag', t('ask.not-covered')));
      }
      row.append(title);
      const score = el('td', 'score');
      const track = el('span', 'track');
      const bar = el('span', 'bar');
      bar.style.width = Math.max(2, Math.round(ranked.relative * 100)) + '%';
      track.append(bar);
      score.append(track, el('span', 'value', number(ranked.score, 2)));
      row.append(score);
      row.append(el('td', 'num', percent(ranked.coverage)));
      const words = el('td', 'words');
      ranked.words.forEach((word) => words.append(el('span', 'chip', word)));
      row.append(words);
      row.append(el('td', null, ranked.cited ? t('ask.shown.cited') : ranked.shown ? t('ask.shown.yes') : ''));
      table.append(row);
    });
    section.append(table);
  }

  // ----- question files -----

  async function runEval() {
    const error = $('eval-error');
    error.hidden = true;
    const button = $('eval-run');
    button.disabled = true;
    button.textContent = t('eval.running');
    let result;
    try {
      result = await call('POST', 'api/eval', $('eval-text').value);
    } catch (e) {
      showError(error, 'error.network');
      return;
    } finally {
      button.disabled = false;
      button.textContent = t('eval.run');
    }
    if (!result.ok) {
      $('eval-results').hidden = true;
      const key = (result.json && result.json.error) || 'error.bad-request';
      showError(error, key, result.json && result.json.detail ? result.json.detail : '');
      return;
    }
    state.lastEval = result.json;
    renderEval(result.json);
  }

  function renderEval(report) {
    const results = $('eval-results');
    results.replaceChildren();
    results.hidden = false;
    results.append(el('h2', null, t('eval.metrics')));
    const metrics = el('table', 'metrics');
    const head = el('tr');
    ['eval.column.set', 'eval.column.n', 'eval.column.answered', 'eval.column.hit3', 'eval.column.mrr', 'eval.column.wrong',
      'eval.column.abstain'].forEach((key) => head.append(el('th', null, t(key))));
    metrics.append(head);
    report.metrics.forEach((m) => {
      const row = el('tr');
      row.dataset.set = m.label;
      row.append(el('td', null, t('eval.set.' + m.label)));
      row.append(el('td', 'num', m.n));
      [m.answeredAt1, m.hitAt3].forEach((v) => row.append(el('td', 'num', percent(v))));
      row.append(el('td', 'num', number(m.mrr, 2)));
      [m.wrong, m.abstain].forEach((v) => row.append(el('td', 'num', percent(v))));
      metrics.append(row);
    });
    results.append(metrics);
    const misses = report.outcomes.filter((o) => o.failed);
    results.append(el('h2', null, misses.length ? t('eval.misses', misses.length) : t('eval.no-misses')));
    if (misses.length === 0) {
      return;
    }
    const table = el('table', 'misses');
    const header = el('tr');
    ['eval.column.question', 'eval.column.language', 'eval.column.expected', 'eval.column.got', 'eval.column.kind']
      .forEach((key) => header.append(el('th', null, t(key))));
    table.append(header);
    misses.forEach((miss) => {
      const row = el('tr', 'miss');
      row.tabIndex = 0;
      row.append(el('td', null, miss.text));
      row.append(el('td', null, miss.language));
      row.append(el('td', null, miss.expected.length ? miss.expected.join(', ') : t('eval.none')));
      row.append(el('td', null, t('ask.tier.' + miss.tier) + (miss.shown.length ? colon() + miss.shown.join(', ') : '')));
      row.append(el('td', null, t('eval.kind.' + miss.kind)));
      const why = () => {
        selectTab('ask');
        $('question').value = miss.text;
        $('reply-language').value = miss.language;
        ask(miss.text, false);
      };
      row.addEventListener('click', why);
      row.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          why();
        }
      });
      table.append(row);
    });
    results.append(table);
  }

  function readEvalFile() {
    const file = $('eval-file').files[0];
    if (!file) {
      return;
    }
    file.text().then((text) => {
      $('eval-text').value = text;
    });
  }

  // ----- the charter side by side -----

  async function loadSections() {
    let result;
    try {
      result = await call('GET', 'api/sections');
    } catch (e) {
      return;
    }
    if (!result.ok) {
      const sections = $('sections');
      sections.replaceChildren(el('p', 'error', t((result.json && result.json.error) || 'error.bad-request')));
      return;
    }
    state.lastSections = result.json;
    renderSections(result.json);
  }

  function renderSections(view) {
    const container = $('sections');
    container.replaceChildren();
    const flaggedOnly = $('flagged-only').checked;
    const shown = view.sections.filter((s) => !flaggedOnly || s.flags.length > 0);
    if (shown.length === 0) {
      container.append(el('p', 'hint', t('browse.none')));
    }
    shown.forEach((section) => {
      const card = el('article', 'section-card' + (section.flags.length ? ' flagged' : ''));
      card.id = 'section-' + section.id;
      card.dataset.section = section.id;
      const header = el('header');
      header.append(el('code', 'id', section.id));
      if (section.notCovered) {
        header.append(el('span', 'flag', t('browse.not-covered')));
      }
      section.flags.forEach((flag) => {
        const badge = el('span', 'flag warn', t('browse.flag.' + flag, view.recommendedPhrasings));
        badge.dataset.flag = flag;
        header.append(badge);
      });
      card.append(header);
      const columns = el('div', 'columns');
      ['en', 'fr'].forEach((language) => {
        const column = el('div', 'column');
        column.lang = language;
        const version = section[language];
        if (!version) {
          column.append(el('p', 'error', t('browse.flag.no-french')));
        } else {
          column.append(el('h3', null, version.title));
          column.append(el('code', 'file', version.file));
          column.append(el('p', 'rule', version.rule));
          list(column, t('browse.checklist'), version.checklist);
          list(column, t('browse.do'), version.dos);
          list(column, t('browse.dont'), version.donts);
          list(column, t('browse.phrasings', version.questions.length), version.questions);
          list(column, t('browse.tips', version.tips.length), version.tips);
          if (version.quiz.length) {
            column.append(el('h4', null, t('browse.quiz', version.quiz.length)));
            version.quiz.forEach((question) => {
              const item = el('div', 'quiz');
              item.append(el('p', 'quiz-question', question.text));
              const options = el('ol');
              question.options.forEach((option, i) => options.append(el('li', i === question.correct ? 'correct' : '', option)));
              item.append(options);
              item.append(el('p', 'hint', t('browse.explanation') + colon() + question.explanation));
              column.append(item);
            });
          }
        }
        columns.append(column);
      });
      card.append(columns);
      if (section.related.length) {
        card.append(el('p', 'hint', t('browse.related', section.related.join(', '))));
      }
      container.append(card);
    });
  }

  function list(parent, label, items) {
    if (!items || items.length === 0) {
      return;
    }
    parent.append(el('h4', null, label));
    const ul = el('ul');
    items.forEach((item) => ul.append(el('li', null, item)));
    parent.append(ul);
  }

  // ----- tabs and start -----

  function selectTab(name) {
    document.querySelectorAll('[role=tab]').forEach((tab) => {
      tab.setAttribute('aria-selected', String(tab.dataset.tab === name));
    });
    ['ask', 'eval', 'browse'].forEach((panel) => {
      $('panel-' + panel).hidden = panel !== name;
    });
    if (name === 'browse' && (!state.lastSections || state.lastSections.version !== (state.charter && state.charter.version))) {
      loadSections();
    }
  }

  async function start() {
    let saved = null;
    try {
      saved = window.localStorage.getItem('charter-playground-ui');
    } catch (e) {
      saved = null;
    }
    state.ui = saved === 'fr' || saved === 'en' ? saved : (navigator.language || 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';
    const [messages, charter] = await Promise.all([call('GET', 'api/messages'), call('GET', 'api/state')]);
    state.messages = messages.json;
    applyTexts();
    onState(charter.json);
    follow();
    $('switch-language').addEventListener('click', switchLanguage);
    $('question').addEventListener('input', onQuestionInput);
    $('reply-language').addEventListener('change', () => ask($('question').value, false));
    $('eval-run').addEventListener('click', runEval);
    $('eval-file').addEventListener('change', readEvalFile);
    $('flagged-only').addEventListener('change', () => state.lastSections && renderSections(state.lastSections));
    document.querySelectorAll('[role=tab]').forEach((tab) => tab.addEventListener('click', () => selectTab(tab.dataset.tab)));
    document.body.dataset.ready = 'true';
  }

  document.addEventListener('DOMContentLoaded', start);
}());
