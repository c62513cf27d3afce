// NIX operator dashboard: polls GET /api/v1/dashboard/summary every two seconds and renders it.
// Plain browser JavaScript, no libraries and nothing loaded from outside the bus.
(function () {
  'use strict';

  var REFRESH_MS = 2000;
  var params = new URLSearchParams(window.location.search);
  var state = {
    lang: params.get('lang') || localStorage.getItem('nix.lang') || 'fa',
    range: params.get('range') || 'window',
    // Demo identification only: the role from the address, else the demo's default role (settings).
    role: params.get('role'),
    // From the server (dashboard/settings.json): demo role, time zone, and every outcome code's titles.
    settings: { demoRole: null, timeZone: 'Asia/Tehran', outcomes: {} },
    summary: null,
    error: null
  };

  var TEXT = {
    fa: {
      title: 'پایش مرکز ملی تبادل اطلاعات', node: 'گره', scope: 'دامنه', all: 'همهٔ دستگاه‌ها',
      rangeWindow: '۵ دقیقهٔ اخیر', rangeStart: 'از آغاز به کار', throughput: 'توان عملیاتی', latencyNote: 'زمان در گذرگاه، صدک‌ها',
      perSecond: 'تبادل در ثانیه (یک دقیقهٔ اخیر)', exchanges: 'تبادل‌ها', successRate: 'نرخ موفقیت',
      denialRate: 'نرخ رد مجوز', errorRate: 'نرخ خطا', latency: 'تأخیر (میلی‌ثانیه)',
      throughputChart: 'تبادل‌ها در هر ۵ ثانیه', answered: 'پاسخ‌داده', denied: 'رد مجوز', rejected: 'نامعتبر',
      failed: 'خطا', byService: 'بر پایهٔ خدمت', byConsumer: 'بر پایهٔ دستگاه متقاضی',
      byProvider: 'بر پایهٔ دستگاه ارائه‌دهنده', providerHealth: 'سلامت دستگاه‌های ارائه‌دهنده',
      healthHint: 'از ترافیک بازهٔ پایش', denialsByReason: 'رد مجوز بر پایهٔ علت', recentDenials: 'آخرین موارد رد مجوز',
      footer: 'فقط فراداده نگهداری می‌شود و هیچ محتوایی از تبادل‌ها (مادهٔ ۳۱ بند ۴)', updated: 'به‌روزرسانی',
      service: 'خدمت', consumer: 'متقاضی', provider: 'ارائه‌دهنده', success: 'موفقیت', time: 'زمان',
      reason: 'علت', trackingId: 'شناسهٔ رهگیری', live: 'زنده', offline: 'قطع ارتباط', noData: 'هنوز تبادلی نیست',
      lastWindow: 'در ۵ دقیقهٔ اخیر', sinceStart: 'از آغاز به کار گره', calls: 'فراخوانی', faults: 'خطا',
      faultRate: 'نرخ خطا', lastFault: 'آخرین خطا', lastAnswer: 'آخرین پاسخ', none: '—', circuit: 'مدار',
      CLOSED: 'بسته (عادی)', OPEN: 'باز (فراخوانی متوقف)', HALF_OPEN: 'نیمه‌باز (آزمایش)',
      HEALTHY: 'سالم', DEGRADED: 'کاهش کیفیت', FAILING: 'از کار افتاده', IDLE: 'بی‌ترافیک',
      unauthorized: 'دسترسی شناسایی نشد: با گواهی اپراتور یا ممیز وارد شوید.',
      forbidden: 'این نقش اجازهٔ دیدن داشبورد را ندارد.',
      zone: 'به وقت تهران', role: 'نقش', OPERATOR: 'اپراتور', AUDITOR: 'ممیز'
    },
    en: {
      title: 'National Information Exchange — Operations', node: 'Node', scope: 'Scope', all: 'all agencies',
      rangeWindow: 'Last 5 minutes', rangeStart: 'Since start', throughput: 'Throughput', latencyNote: 'time in the bus, percentiles',
      perSecond: 'exchanges per second (last minute)', exchanges: 'Exchanges', successRate: 'Success rate',
      denialRate: 'Denial rate', errorRate: 'Error rate', latency: 'Latency (ms)',
      throughputChart: 'Exchanges per 5 seconds', answered: 'Answered', denied: 'Denied', rejected: 'Rejected',
      failed: 'Failed', byService: 'By service', byConsumer: 'By consumer agency', byProvider: 'By provider agency',
      providerHealth: 'Provider health', healthHint: 'from traffic in the monitoring window',
      denialsByReason: 'Denials by reason', recentDenials: 'Recent denials',
      footer: 'Metadata only: nothing of an exchange\'s content is kept (003 Art. 31.4)', updated: 'Updated',
      service: 'Service', consumer: 'Consumer', provider: 'Provider', success: 'Success', time: 'Time',
      reason: 'Reason', trackingId: 'Tracking ID', live: 'Live', offline: 'Disconnected', noData: 'No exchanges yet',
      lastWindow: 'in the last 5 minutes', sinceStart: 'since this node started', calls: 'Calls', faults: 'Faults',
      faultRate: 'Fault rate', lastFault: 'Last fault', lastAnswer: 'Last answer', none: '—', circuit: 'Circuit',
      CLOSED: 'closed (calling)', OPEN: 'open (not calling)', HALF_OPEN: 'half-open (probing)',
      HEALTHY: 'Healthy', DEGRADED: 'Degraded', FAILING: 'Failing', IDLE: 'Idle',
      unauthorized: 'Not identified: sign in with an operator or auditor certificate.',
      forbidden: 'This role may not view the dashboard.',
      zone: 'Tehran time', role: 'Role', OPERATOR: 'Operator', AUDITOR: 'Auditor'
    }
  };

  function t(key) { return TEXT[state.lang][key] || key; }
  function outcome(code) {
    var titles = state.settings.outcomes[code];
    return (titles && titles[state.lang]) || code;
  }
  function locale() { return state.lang === 'fa' ? 'fa-IR' : 'en-GB'; }
  function number(n) { return n === null || n === undefined ? t('none') : new Intl.NumberFormat(locale()).format(n); }
  function decimal(n, digits) {
    return n === null || n === undefined ? t('none')
      : new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
  }
  function percent(r) {
    return r === null || r === undefined ? t('none')
      : new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(r);
  }
  function clock(iso) {
    if (!iso) { return t('none'); }
    var options = { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: state.settings.timeZone };
    return new Intl.DateTimeFormat(state.lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB', options).format(new Date(iso));
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') { node.textContent = attrs[name]; } else { node.setAttribute(name, attrs[name]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function headers() {
    // Demo identification only: in production the browser's client certificate (or an OIDC proxy's
    // bearer token) identifies the viewer and these headers are ignored by the bus.
    var h = { 'Accept': 'application/json' };
    if (state.role) { h['X-NIX-Role'] = state.role; }
    if (params.get('agency')) { h['X-NIX-Consumer'] = params.get('agency'); }
    return h;
  }

  function load() {
    return fetch('api/v1/dashboard/summary?range=' + encodeURIComponent(state.range), { headers: headers(), cache: 'no-store' })
      .then(function (response) {
        if (response.status === 401 || response.status === 403) {
          state.error = response.status === 401 ? 'unauthorized' : 'forbidden';
          state.summary = null;
          return null;
        }
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (summary) {
        if (summary && summary.range === state.range) { state.summary = summary; state.error = null; }
        render();
      })
      .catch(function () { state.error = 'offline'; render(); });
  }

  function refresh() {
    load().then(function () { window.setTimeout(refresh, REFRESH_MS); });
  }

  function applyLanguage() {
    var root = document.documentElement;
    root.lang = state.lang;
    root.dir = state.lang === 'fa' ? 'rtl' : 'ltr';
    document.title = 'NIX — ' + t('title');
    document.querySelectorAll('[data-i18n]').forEach(function (node) { node.textContent = t(node.getAttribute('data-i18n')); });
    document.querySelectorAll('[data-lang]').forEach(function (b) { b.classList.toggle('on', b.getAttribute('data-lang') === state.lang); });
    document.querySelectorAll('[data-range]').forEach(function (b) { b.classList.toggle('on', b.getAttribute('data-range') === state.range); });
    document.querySelectorAll('[data-role]').forEach(function (b) { b.classList.toggle('on', b.getAttribute('data-role') === state.role); });
    document.getElementById('roles').hidden = !state.settings.demoRole;
    document.getElementById('axis-zone').textContent = t('zone') + ' (' + state.settings.timeZone + ')';
  }

  function render() {
    applyLanguage();
    var live = document.getElementById('live');
    var problem = document.getElementById('problem');
    live.classList.toggle('off', state.error !== null);
    document.getElementById('live-text').textContent = state.error ? t('offline') : t('live');
    problem.hidden = !(state.error === 'unauthorized' || state.error === 'forbidden');
    problem.textContent = problem.hidden ? '' : t(state.error);
    var s = state.summary;
    if (!s) { return; }
    document.body.setAttribute('data-range', s.range);
    document.getElementById('node').textContent = s.node;
    document.getElementById('scope').textContent = s.scope === 'ALL' ? t('all') : s.scope;
    document.getElementById('updated').textContent = clock(s.generatedAt);
    renderTotals(s);
    renderChart(s);
    renderTable('services', s.services, 'service', false);
    renderTable('consumers', s.consumers, 'consumer', true);
    renderTable('providers', s.providers, 'provider', true);
    renderHealth(s.providerHealth);
    renderReasons(s.denialsByReason);
    renderRecent(s.recentDenials);
  }

  function setValue(id, text, raw) {
    var node = document.getElementById(id);
    node.textContent = text;
    if (raw !== undefined) { node.setAttribute('data-value', raw === null ? '' : String(raw)); }
  }

  function renderTotals(s) {
    var f = s.totals;
    setValue('kpi-rate', decimal(s.perSecond, 1), s.perSecond);
    setValue('kpi-exchanges', number(f.exchanges), f.exchanges);
    setValue('kpi-range', s.range === 'start' ? t('sinceStart') : t('lastWindow'));
    setValue('kpi-success', percent(f.successRate), f.successRate);
    setValue('kpi-answered', number(f.answered) + ' ' + t('answered'));
    setValue('kpi-denial', percent(f.denialRate), f.denialRate);
    setValue('kpi-denied', number(f.denied) + ' ' + t('denied'));
    setValue('kpi-error', percent(f.errorRate), f.errorRate);
    setValue('kpi-failed', number(f.failed) + ' ' + t('failed'));
    var latency = document.getElementById('kpi-latency');
    while (latency.firstChild) { latency.removeChild(latency.firstChild); }
    [['p50', f.p50Ms], ['p95', f.p95Ms], ['p99', f.p99Ms]].forEach(function (p) {
      latency.appendChild(el('span', { 'class': 'pct' }, [el('small', { text: p[0] }), el('b', { text: decimal(p[1], 1) })]));
    });
  }

  function renderChart(s) {
    var svg = document.getElementById('chart');
    var bins = s.throughput;
    var max = 1;
    bins.forEach(function (b) { max = Math.max(max, b.answered + b.denied + b.rejected + b.failed); });
    max = niceCeiling(max);
    setValue('y-max', number(max), max);
    setValue('y-mid', number(max / 2), max / 2);
    setValue('y-zero', number(0), 0);
    var width = 1000 / bins.length;
    var rtl = state.lang === 'fa';
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    bins.forEach(function (b, i) {
      var x = (rtl ? bins.length - 1 - i : i) * width;
      var y = 180;
      [['answered', b.answered], ['denied', b.denied], ['rejected', b.rejected], ['failed', b.failed]].forEach(function (part) {
        if (part[1] === 0) { return; }
        var h = part[1] / max * 170;
        y -= h;
        var rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
        rect.setAttribute('x', (x + width * 0.12).toFixed(1));
        rect.setAttribute('width', (width * 0.76).toFixed(1));
        rect.setAttribute('y', y.toFixed(1));
        rect.setAttribute('height', h.toFixed(1));
        rect.setAttribute('class', 'c-' + part[0]);
        rect.setAttribute('style', 'fill: var(--' + part[0] + ')');
        svg.appendChild(rect);
      });
    });
    var first = bins.length ? clock(bins[0].start) : '';
    var last = bins.length ? clock(s.generatedAt) : '';
    document.getElementById('axis-start').textContent = rtl ? last : first;
    document.getElementById('axis-end').textContent = rtl ? first : last;
  }

  /** The y-axis top: the next 1, 2 or 5 times a power of ten, so that the scale reads at a glance. */
  function niceCeiling(n) {
    var power = Math.pow(10, Math.floor(Math.log10(n)));
    var step = [1, 2, 5, 10].filter(function (m) { return m * power >= n; })[0];
    return step * power;
  }

  function numberCell(field, value, css) {
    var td = el('td', { 'data-field': field, 'data-value': value === null ? '' : String(value) });
    td.textContent = number(value);
    if (css && value > 0) { td.className = css; }
    return td;
  }

  // Service rows show every figure; the half-width agency tables leave out rejected, p50 and p99.
  function renderTable(id, rows, firstColumn, agencies) {
    var table = document.getElementById(id);
    var full = !agencies;
    while (table.firstChild) { table.removeChild(table.firstChild); }
    var columns = [t(firstColumn), t('exchanges'), t('answered'), t('denied')].concat(full ? [t('rejected')] : [])
      .concat([t('failed'), t('success')]).concat(full ? ['p50', 'p95', 'p99'] : ['p95']);
    table.appendChild(el('thead', {}, [el('tr', {}, columns.map(function (c) { return el('th', { text: c }); }))]));
    var body = el('tbody');
    if (!rows.length) {
      body.appendChild(el('tr', {}, [el('td', { 'class': 'empty', colspan: String(columns.length), text: t('noData') })]));
    }
    rows.forEach(function (row) {
      var f = row.figures;
      var name = state.lang === 'fa' ? row.nameFa : row.nameEn;
      var code = el('td', { 'class': 'code', 'data-field': 'code', 'data-value': row.code, text: row.code });
      if (name) { code.appendChild(el('span', { 'class': 'name', text: name })); }
      var success = el('td', { 'data-field': 'successRate', 'data-value': f.successRate === null ? '' : String(f.successRate) }, [
        el('span', { 'class': 'rate' }, [
          el('span', { 'class': 'meter' }, [el('b', { style: 'width:' + Math.round((f.successRate || 0) * 100) + '%' })]),
          el('span', { text: percent(f.successRate) })])]);
      var latency = function (field, value) { return el('td', { 'data-field': field, text: decimal(value, 1) }); };
      var cells = [code, numberCell('exchanges', f.exchanges), numberCell('answered', f.answered),
        numberCell('denied', f.denied, 'n-denied')]
        .concat(full ? [numberCell('rejected', f.rejected)] : [])
        .concat([numberCell('failed', f.failed, 'n-failed'), success])
        .concat(full ? [latency('p50', f.p50Ms), latency('p95', f.p95Ms), latency('p99', f.p99Ms)] : [latency('p95', f.p95Ms)]);
      body.appendChild(el('tr', { 'data-code': row.code }, cells));
    });
    table.appendChild(body);
  }

  function renderHealth(providers) {
    var box = document.getElementById('health');
    while (box.firstChild) { box.removeChild(box.firstChild); }
    if (!providers.length) { box.appendChild(el('div', { 'class': 'empty-note', text: t('noData') })); }
    providers.forEach(function (p) {
      var name = state.lang === 'fa' ? p.nameFa : p.nameEn;
      var fault = p.lastFaultAt ? clock(p.lastFaultAt) + ' · ' + (outcome(p.lastFault)) : t('none');
      box.appendChild(el('div', { 'class': 'card ' + p.state, 'data-provider': p.provider }, [
        el('div', { 'class': 'top' }, [el('span', { 'class': 'code', text: p.provider }), el('span', { 'class': 'state', text: t(p.state) })]),
        el('div', { 'class': 'name', text: name || '' }),
        el('dl', {}, [
          el('dt', { text: t('calls') }), el('dd', { text: number(p.calls) }),
          el('dt', { text: t('faultRate') }), el('dd', { text: percent(p.faultRate) }),
          el('dt', { text: 'p95' }), el('dd', { text: decimal(p.p95Ms, 1) }),
          el('dt', { text: t('lastFault') }), el('dd', { text: fault }),
          el('dt', { text: t('lastAnswer') }), el('dd', { text: clock(p.lastAnswerAt) }),
          el('dt', { text: t('circuit') }), el('dd', { 'class': 'circuit', 'data-circuit': p.circuit || '',
            text: p.circuit ? t(p.circuit) : t('none') })])]));
    });
  }

  function renderReasons(reasons) {
    var box = document.getElementById('reasons');
    while (box.firstChild) { box.removeChild(box.firstChild); }
    var codes = Object.keys(reasons);
    if (!codes.length) { box.appendChild(el('div', { 'class': 'empty-note', text: t('noData') })); return; }
    var max = Math.max.apply(null, codes.map(function (c) { return reasons[c]; }));
    codes.sort(function (a, b) { return reasons[b] - reasons[a]; }).forEach(function (code) {
      box.appendChild(el('div', { 'class': 'reason', 'data-reason': code }, [
        el('span', { text: outcome(code) }, [el('span', { 'class': 'code', text: code })]),
        el('span', { 'class': 'bar-track' }, [el('span', { 'class': 'bar-fill', style: 'display:block;width:' + (reasons[code] / max * 100) + '%' })]),
        el('span', { 'class': 'count', 'data-value': String(reasons[code]), text: number(reasons[code]) })]));
    });
  }

  function renderRecent(denials) {
    var table = document.getElementById('recent');
    while (table.firstChild) { table.removeChild(table.firstChild); }
    table.appendChild(el('thead', {}, [el('tr', {}, [t('time'), t('consumer'), t('service'), t('reason'), t('trackingId')]
      .map(function (c) { return el('th', { text: c }); }))]));
    var body = el('tbody');
    if (!denials.length) { body.appendChild(el('tr', {}, [el('td', { 'class': 'empty', colspan: '5', text: t('noData') })])); }
    denials.forEach(function (d) {
      body.appendChild(el('tr', {}, [el('td', { text: clock(d.at) }), el('td', { text: d.consumer || t('none') }),
        el('td', { text: d.service || t('none') }), el('td', { text: outcome(d.reason) }),
        el('td', {}, [el('span', { 'class': 'tid', text: d.trackingId })])]));
    });
    table.appendChild(body);
  }

  document.querySelectorAll('[data-lang]').forEach(function (button) {
    button.addEventListener('click', function () {
      state.lang = button.getAttribute('data-lang');
      localStorage.setItem('nix.lang', state.lang);
      render();
    });
  });
  document.querySelectorAll('[data-range]').forEach(function (button) {
    button.addEventListener('click', function () {
      state.range = button.getAttribute('data-range');
      render();
      load();
    });
  });

  document.querySelectorAll('[data-role]').forEach(function (button) {
    button.addEventListener('click', function () {
      state.role = button.getAttribute('data-role');
      render();
      load();
    });
  });

  // Settings first (demo role, time zone); without them the page still works, as in prod.
  fetch('dashboard/settings.json', { headers: { 'Accept': 'application/json' }, cache: 'no-store' })
    .then(function (response) { return response.ok ? response.json() : {}; })
    .catch(function () { return {}; })
    .then(function (settings) {
      state.settings.demoRole = settings.demoRole || null;
      state.settings.timeZone = settings.timeZone || state.settings.timeZone;
      state.settings.outcomes = settings.outcomes || {};
      if (!state.role && state.settings.demoRole) { state.role = state.settings.demoRole; }
      render();
      refresh();
    });
}());
