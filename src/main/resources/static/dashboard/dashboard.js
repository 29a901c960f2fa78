// The provincial indicators dashboard: reads GET /api/v1/admin/indicators with an operator token.
(function () {
  'use strict';
  var TOKEN_KEY = 'prefill.operatorToken';
  var REUSE_TARGET = 0.8, NOTHING_TARGET = 0.9, LOGIN_TARGET_SECONDS = 300, AVAILABILITY_TARGET = 0.95;
  // the provinces' satisfaction targets: 90 % of the people satisfied in 2025, 95 % from 2026
  var SATISFIED_TARGETS = [{year: 2025, value: 0.9}, {year: 2026, value: 0.95}];
  var charts = {};
  var titles = {};

  function $(id) { return document.getElementById(id); }
  function pct(v) { return v === null || v === undefined ? '–' : (Math.round(v * 1000) / 10).toLocaleString('vi-VN') + ' %'; }
  function asPercent(v) { return v === null || v === undefined ? null : Math.round(v * 1000) / 10; }
  function duration(s) {
    if (s === null || s === undefined) { return '–'; }
    // a delivery retried over a day and a half, or redelivered by an operator, is counted in hours and days
    if (s >= 86400) { return Math.floor(s / 86400) + ' ngày ' + Math.floor(s % 86400 / 3600) + ' giờ'; }
    if (s >= 3600) { return Math.floor(s / 3600) + ' giờ ' + Math.floor(s % 3600 / 60) + ' phút'; }
    var m = Math.floor(s / 60), r = Math.round(s % 60);
    return m > 0 ? m + ' phút ' + r + ' giây' : r + ' giây';
  }
  var CHANNELS = {ONLINE: 'Nộp trực tuyến', DESK: 'Tại bộ phận một cửa'};
  function token() { return sessionStorage.getItem(TOKEN_KEY); }
  function status(id, text) { $(id).textContent = text; }

  function monthRange(ym) {
    var y = Number(ym.slice(0, 4)), m = Number(ym.slice(5, 7));
    var last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return {from: ym + '-01', to: ym + '-' + String(last).padStart(2, '0')};
  }
  function previousMonths(ym, n) {
    var y = Number(ym.slice(0, 4)), m = Number(ym.slice(5, 7)), out = [];
    for (var i = n - 1; i >= 0; i--) {
      var d = new Date(Date.UTC(y, m - 1 - i, 1));
      out.push(d.getUTCFullYear() + '-' + String(d.getUTCMonth() + 1).padStart(2, '0'));
    }
    return out;
  }
  /** "2026-12" as a Vietnamese reads it: "12/2026". */
  function monthLabel(ym) { return ym.slice(5, 7) + '/' + ym.slice(0, 4); }
  /** Long names on a category axis: wrapped onto lines of that width; the tooltip names them whole. */
  function wrapped(width) { return {width: width, overflow: 'break', lineHeight: 16, interval: 0}; }
  function currentMonth() {
    // the province's month, in Vietnam's time
    var now = new Date(Date.now() + 7 * 3600 * 1000);
    return now.getUTCFullYear() + '-' + String(now.getUTCMonth() + 1).padStart(2, '0');
  }

  function api(path) {
    return fetch(path, {headers: {'Authorization': 'Bearer ' + token(), 'Accept': 'application/json'}}).then(function (r) {
      if (r.status === 401 || r.status === 403) { throw new Error(r.status === 401 ? 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn' : 'Tài khoản này không phải cán bộ vận hành'); }
      if (!r.ok) { throw new Error('Lỗi ' + r.status); }
      return r.json();
    });
  }

  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init($(id)); }
    return charts[id];
  }
  function target(value, name) {
    return {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#b3261e'}, label: {formatter: name},
      data: [{yAxis: value}]};
  }

  /** The same line on a chart whose values run across. */
  function targetAcross(value, name) {
    var line = target(value, name);
    line.data = [{xAxis: value}];
    return line;
  }

  function card(id, text, met) {
    var el = $(id);
    el.querySelector('.value').textContent = text;
    el.classList.remove('met', 'missed');
    if (met !== null) { el.classList.add(met ? 'met' : 'missed'); }
  }

  /** The satisfaction target of a month's year: 2025's until 2025, 2026's from then on. */
  function satisfiedTarget(ym) {
    var year = Number(ym.slice(0, 4));
    return year <= SATISFIED_TARGETS[0].year ? SATISFIED_TARGETS[0].value : SATISFIED_TARGETS[1].value;
  }

  /** The citizens' verdict: the satisfied share per channel and per form against both years' targets, and the desks' table. */
  function renderVerdict(report, names) {
    var rows = (report.channels || []).map(function (c) { return {label: CHANNELS[c.channel] || c.channel, figures: c}; })
      .concat(report.forms.map(function (f, i) { return {label: names[i], figures: f}; }));
    chart('chart-satisfaction').setOption({
      animation: false,
      tooltip: {trigger: 'axis', valueFormatter: pct},
      legend: {top: 0},
      grid: {left: 8, right: 60, bottom: 8, top: 64, containLabel: true},
      xAxis: {type: 'value', min: 0, max: 1, axisLabel: {formatter: function (v) { return Math.round(v * 100) + ' %'; }}},
      yAxis: {type: 'category', data: rows.map(function (r) { return r.label; }), axisLabel: wrapped(200)},
      series: [
        {name: 'Hài lòng', type: 'bar', data: rows.map(function (r) { return r.figures.satisfiedShare; }),
          // both names over the lines' heads, 2025's a line higher than 2026's, so that the two never overlap
          markLine: {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#b3261e'}, label: {formatter: '{b}', position: 'end'},
            data: SATISFIED_TARGETS.map(function (target, i) {
              return {name: 'Mục tiêu ' + target.year, xAxis: target.value, label: {distance: i === 0 ? 20 : 4},
                lineStyle: {color: i === 0 ? '#8a5300' : '#b3261e'}};
            })}},
        {name: 'Tỉ lệ phản hồi', type: 'bar', data: rows.map(function (r) { return r.figures.responseRate; })}
      ]
    }, true);
    var units = report.units || [];
    $('units-empty').hidden = units.length > 0;
    document.querySelector('#units-table tbody').innerHTML = units.map(function (u) {
      return '<tr data-unit="' + escape(u.unit) + '"><td>' + escape(u.unit) + '</td><td>' + u.dossiers + '</td><td>' + u.ratings + '</td><td>' +
        pct(u.responseRate) + '</td><td>' + pct(u.satisfiedShare) + '</td><td>' + u.assistedFilers + '</td><td>' +
        pct(u.laterFiledAloneShare) + '</td></tr>';
    }).join('');
  }

  function render(report, trend, month) {
    var t = report.total;
    card('card-reuse', pct(t.reuse), t.reuse === null ? null : t.reuse >= REUSE_TARGET);
    card('card-nothing', pct(t.reenteredNothingShare), t.reenteredNothingShare === null ? null : t.reenteredNothingShare >= NOTHING_TARGET);
    card('card-coverage', pct(t.coverage), null);
    card('card-login', duration(t.medianLoginToSubmitSeconds),
      t.medianLoginToSubmitSeconds === null ? null : t.medianLoginToSubmitSeconds <= LOGIN_TARGET_SECONDS);
    card('card-satisfied', pct(t.satisfiedShare), t.satisfiedShare === null ? null : t.satisfiedShare >= satisfiedTarget(month));
    card('card-volume', t.validSubmissions.toLocaleString('vi-VN') + ' / ' + t.submissions.toLocaleString('vi-VN'), null);

    var forms = report.forms;
    var names = forms.map(function (f) { return titles[f.formId] || f.formId; });
    chart('chart-forms').setOption({
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return v === null ? '–' : v + ' %'; }},
      legend: {top: 0},
      grid: {left: 8, right: 60, bottom: 8, top: 32, containLabel: true},
      xAxis: {type: 'value', max: 100, axisLabel: {formatter: '{value} %'}},
      yAxis: {type: 'category', data: names, axisLabel: wrapped(200)},
      series: [
        {name: 'Tái sử dụng', type: 'bar', data: forms.map(function (f) { return asPercent(f.reuse); }),
          markLine: {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#b3261e'}, label: {formatter: '80 %'}, data: [{xAxis: 80}]}},
        {name: 'Độ phủ', type: 'bar', data: forms.map(function (f) { return asPercent(f.coverage); })},
        {name: 'Không nhập lại', type: 'bar', data: forms.map(function (f) { return asPercent(f.reenteredNothingShare); }),
          markLine: {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#1d5fa8'}, label: {formatter: '90 %'}, data: [{xAxis: 90}]}}
      ]
    }, true);

    chart('chart-trend').setOption({
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 8, right: 40, bottom: 8, top: 32, containLabel: true},
      xAxis: {type: 'category', data: trend.map(function (m) { return m.month; }), axisLabel: {formatter: monthLabel}},
      yAxis: {type: 'value', max: 100, axisLabel: {formatter: '{value} %'}},
      series: [
        {name: 'Tái sử dụng', type: 'line', data: trend.map(function (m) { return asPercent(m.report.total.reuse); }), markLine: target(80, '80 %')},
        {name: 'Không nhập lại', type: 'line', data: trend.map(function (m) { return asPercent(m.report.total.reenteredNothingShare); }), markLine: target(90, '90 %')},
        {name: 'Độ phủ', type: 'line', data: trend.map(function (m) { return asPercent(m.report.total.coverage); })}
      ]
    }, true);

    chart('chart-time').setOption({
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 8, right: 60, bottom: 8, top: 32, containLabel: true},
      xAxis: {type: 'value', name: 'giây'},
      yAxis: {type: 'category', data: names, axisLabel: wrapped(200)},
      series: [
        {name: 'Đăng nhập → nộp', type: 'bar', data: forms.map(function (f) { return f.medianLoginToSubmitSeconds; }),
          markLine: {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#b3261e'}, label: {formatter: '5 phút'}, data: [{xAxis: LOGIN_TARGET_SECONDS}]}},
        {name: 'Điền sẵn → nộp', type: 'bar', data: forms.map(function (f) { return f.medianPrefillToSubmitSeconds; })}
      ]
    }, true);

    chart('chart-sources').setOption({
      tooltip: {trigger: 'axis'},
      grid: {left: 8, right: 40, bottom: 8, top: 24, containLabel: true},
      // each registry by its name in the source catalogue, across, so that the names have room
      xAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value} %'}},
      yAxis: {type: 'category', data: report.sources.map(function (s) { return s.name || s.source; }), axisLabel: wrapped(230)},
      series: [{name: 'Sẵn sàng', type: 'bar', data: report.sources.map(function (s) { return asPercent(s.availability); }),
        markLine: targetAcross(95, '95 %')}]
    }, true);

    // followed: the suggested form prefilled for its actingFor by the same person within 24 hours
    var suggestions = report.suggestions || [];
    chart('chart-suggestions').setOption({
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 8, right: 40, bottom: 8, top: 32, containLabel: true},
      xAxis: {type: 'value', minInterval: 1},
      // each life event by its rule's title
      yAxis: {type: 'category', data: suggestions.map(function (s) { return s.title || s.lifeEvent; }), axisLabel: wrapped(240)},
      series: [
        {name: 'Đã hiển thị', type: 'bar', data: suggestions.map(function (s) { return s.shown; })},
        {name: 'Đã làm theo', type: 'bar', data: suggestions.map(function (s) { return s.followed; })}
      ]
    }, true);
    document.querySelector('#suggestions-table tbody').innerHTML = suggestions.map(function (s) {
      return '<tr data-life-event="' + escape(s.lifeEvent) + '"><td>' + escape(s.title || s.lifeEvent) + '</td><td>' + s.shown + '</td><td>' +
        s.followed + '</td><td>' + pct(s.followedShare) + '</td></tr>';
    }).join('');

    // the dossiers' journey: each figure counts what happened in the month (filed, first delivered, failed and
    // still undelivered at its end, result first ready)
    chart('chart-journey').setOption({
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 8, right: 40, bottom: 8, top: 32, containLabel: true},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', data: names, axisLabel: wrapped(200)},
      series: [
        {name: 'Hồ sơ nộp', type: 'bar', data: forms.map(function (f) { return f.dossiers; })},
        {name: 'Đã chuyển', type: 'bar', data: forms.map(function (f) { return f.delivered; })},
        {name: 'Chuyển thất bại', type: 'bar', data: forms.map(function (f) { return f.deliveryFailed; }), itemStyle: {color: '#b3261e'}},
        {name: 'Có kết quả', type: 'bar', data: forms.map(function (f) { return f.resultsReady; })}
      ]
    }, true);
    function journeyRow(attribute, key, label, j) {
      return '<tr ' + attribute + '="' + escape(key) + '"><td>' + escape(label) + '</td><td>' + j.dossiers + '</td><td>' + j.delivered +
        '</td><td>' + j.deliveryFailed + '</td><td>' + duration(j.medianDeliverySeconds) + '</td><td>' + j.resultsReady + '</td></tr>';
    }
    document.querySelector('#journey-table tbody').innerHTML = forms.map(function (f) {
      return journeyRow('data-form', f.formId, titles[f.formId] || f.formId, f);
    }).concat((report.channels || []).map(function (c) {
      return journeyRow('data-channel', c.channel, CHANNELS[c.channel] || c.channel, c);
    })).concat((report.units || []).map(function (u) {
      return journeyRow('data-unit', u.unit, 'Một cửa ' + u.unit, u);
    })).join('');

    var rows = forms.map(function (f) {
      return '<tr><td>' + escape(titles[f.formId] || f.formId) + '</td><td>' + escape(f.procedureCode || '') + '</td><td>' + f.prefills +
        '</td><td>' + f.submissions + '</td><td>' + f.validSubmissions + '</td><td>' + pct(f.coverage) + '</td><td>' + pct(f.reuse) +
        '</td><td>' + pct(f.reenteredNothingShare) + '</td><td>' + duration(f.medianPrefillToSubmitSeconds) +
        '</td><td>' + f.declaredPrefilled + '</td><td>' + f.attachmentsByReference + ' / ' + f.attachmentsFiled +
        '</td><td>' + pct(f.attachmentsByReferenceShare) + '</td><td>' + f.ratings + '</td><td>' + pct(f.responseRate) +
        '</td><td>' + pct(f.satisfiedShare) + '</td><td>' + f.assistedFilers + '</td><td>' + pct(f.laterFiledAloneShare) + '</td></tr>';
    });
    document.querySelector('#forms-table tbody').innerHTML = rows.join('');
    renderVerdict(report, names);
  }

  function escape(text) {
    return String(text).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; });
  }

  function load() {
    var month = $('month').value || currentMonth();
    var range = monthRange(month);
    document.body.dataset.ready = 'false';
    status('report-status', 'Đang tải…');
    var months = previousMonths(month, 6);
    Promise.all([api('/api/v1/admin/indicators?from=' + range.from + '&to=' + range.to)].concat(months.map(function (m) {
      var r = monthRange(m);
      return api('/api/v1/admin/indicators?from=' + r.from + '&to=' + r.to).then(function (report) { return {month: m, report: report}; });
    }))).then(function (answers) {
      render(answers[0], answers.slice(1), month);
      status('report-status', 'Số liệu tháng ' + monthLabel(month) + ' (giờ Việt Nam)');
      document.body.dataset.ready = 'true';
    }).catch(function (e) {
      status('report-status', e.message);
      document.body.dataset.ready = 'error';
    });
    $('csv').onclick = function (ev) {
      ev.preventDefault();
      fetch('/api/v1/admin/indicators.csv?from=' + range.from + '&to=' + range.to, {headers: {'Authorization': 'Bearer ' + token()}})
        .then(function (r) { return r.blob(); }).then(function (blob) {
          var a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = 'chi-so-' + month + '.csv';
          a.click();
        });
    };
  }

  /** The month picker: the months of the last seven years, newest first, as "Tháng 12/2026" (the browser's own picker speaks its language, not the page's). */
  function monthChoices(current) {
    var select = $('month');
    select.innerHTML = previousMonths(current, 84).reverse().map(function (ym) {
      return '<option value="' + ym + '">Tháng ' + monthLabel(ym) + '</option>';
    }).join('');
    select.value = current;
  }

  function signedIn() {
    $('signin').hidden = true;
    $('report').hidden = false;
    load();
  }

  $('use-token').onclick = function () {
    var t = $('token').value.trim();
    if (!t) { status('signin-status', 'Hãy dán mã truy cập'); return; }
    sessionStorage.setItem(TOKEN_KEY, t);
    signedIn();
  };
  $('demo-signin').onclick = function () {
    fetch('/api/v1/demo/tokens', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({operator: true})})
      .then(function (r) {
        if (!r.ok) { throw new Error('Chế độ thử nghiệm không bật trên máy chủ này'); }
        return r.json();
      }).then(function (body) {
        sessionStorage.setItem(TOKEN_KEY, body.access_token);
        signedIn();
      }).catch(function (e) { status('signin-status', e.message); });
  };
  $('sign-out').onclick = function () {
    sessionStorage.removeItem(TOKEN_KEY);
    $('report').hidden = true;
    $('signin').hidden = false;
  };
  $('month').onchange = load;
  monthChoices(currentMonth());
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });

  fetch('/api/v1/forms').then(function (r) { return r.json(); }).then(function (forms) {
    forms.forEach(function (f) { titles[f.id] = f.title; });
  }).catch(function () { /* ids instead of titles */ }).then(function () {
    if (token()) { signedIn(); }
  });
})();
