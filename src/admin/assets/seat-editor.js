// The seat-layout editor: a grid of cells; a click applies the chosen tool. The layout travels as
// JSON in a hidden field and the server validates it through the domain.
(function () {
  'use strict';
  var data = document.getElementById('layout-data');
  var grid = document.getElementById('seat-grid');
  var field = document.getElementById('layout-json');
  if (!data || !grid || !field) return;
  var layout = JSON.parse(data.textContent);
  var LABELS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  var COLORS = ['#5b6b85', '#b7791f', '#2f855a', '#805ad5', '#c05621', '#2b6cb0', '#b83280'];
  var pick = document.getElementById('category-pick');
  var legend = document.getElementById('seat-legend');
  var count = document.getElementById('seat-count');
  var categories = [];
  layout.rows.forEach(function (r) { r.cells.forEach(function (c) { if (c && categories.indexOf(c.category) < 0) categories.push(c.category); }); });
  if (!categories.length) categories.push('Classic');

  function color(cat) { return COLORS[categories.indexOf(cat) % COLORS.length]; }
  function width() { return layout.rows.reduce(function (w, r) { return Math.max(w, r.cells.length); }, 0); }
  function tool() { return document.querySelector('input[name=tool]:checked').value; }

  // Seats are numbered 1..n left to right in each row, so numbers always match the physical order.
  function renumber() {
    layout.rows.forEach(function (r, i) {
      if (!r.label) r.label = LABELS[i] || 'R' + i;
      var n = 0;
      r.cells.forEach(function (c) { if (c) c.number = ++n; });
    });
  }

  function renderOptions() {
    var current = pick.value;
    pick.innerHTML = '';
    categories.forEach(function (c) {
      var o = document.createElement('option');
      o.value = c; o.textContent = c;
      pick.appendChild(o);
    });
    if (current && categories.indexOf(current) >= 0) pick.value = current;
    legend.innerHTML = '';
    categories.forEach(function (c) {
      var s = document.createElement('span');
      var sw = document.createElement('i');
      sw.className = 'swatch'; sw.style.setProperty('--cat', color(c));
      s.appendChild(sw); s.appendChild(document.createTextNode(c));
      legend.appendChild(s);
    });
    [['Wheelchair', 'wheelchair'], ['Blocked', 'blocked'], ['Gap / aisle', 'gap']].forEach(function (p) {
      var s = document.createElement('span');
      var sw = document.createElement('i');
      sw.className = 'cell ' + (p[1] === 'gap' ? 'gap' : 'seat ' + p[1]);
      sw.style.width = '14px'; sw.style.height = '14px';
      s.appendChild(sw); s.appendChild(document.createTextNode(p[0]));
      legend.appendChild(s);
    });
  }

  function render() {
    renumber();
    var w = width();
    grid.innerHTML = '';
    var sellable = 0;
    layout.rows.forEach(function (r, ri) {
      while (r.cells.length < w) r.cells.push(null);
      var row = document.createElement('div');
      row.className = 'seat-row'; row.setAttribute('role', 'row');
      var lab = document.createElement('span');
      lab.className = 'row-label'; lab.textContent = r.label;
      row.appendChild(lab);
      r.cells.forEach(function (c, ci) {
        var b = document.createElement('button');
        b.type = 'button';
        b.setAttribute('role', 'gridcell');
        b.dataset.r = ri; b.dataset.c = ci;
        if (c) {
          b.className = 'cell seat' + (c.blocked ? ' blocked' : '') + (c.wheelchair ? ' wheelchair' : '');
          b.style.setProperty('--cat', color(c.category));
          b.textContent = c.wheelchair ? '♿' : c.number;
          b.setAttribute('aria-label', r.label + c.number + ', ' + c.category + (c.wheelchair ? ', wheelchair space' : '') + (c.blocked ? ', blocked' : ''));
          if (!c.blocked) sellable++;
        } else {
          b.className = 'cell gap';
          b.setAttribute('aria-label', 'Row ' + r.label + ', gap');
        }
        row.appendChild(b);
      });
      var lab2 = lab.cloneNode(true);
      row.appendChild(lab2);
      grid.appendChild(row);
    });
    count.textContent = sellable + ' sellable seats';
    field.value = JSON.stringify(layout);
  }

  grid.addEventListener('click', function (e) {
    var b = e.target.closest('button[data-r]');
    if (!b) return;
    var r = layout.rows[+b.dataset.r];
    var ci = +b.dataset.c;
    var c = r.cells[ci];
    var t = tool();
    if (t === 'gap') r.cells[ci] = null;
    else if (t === 'seat') r.cells[ci] = { number: 0, category: pick.value || categories[0] };
    else if (c && t === 'wheelchair') { if (c.wheelchair) delete c.wheelchair; else c.wheelchair = true; }
    else if (c && t === 'blocked') { if (c.blocked) delete c.blocked; else c.blocked = true; }
    render();
    var again = grid.querySelector('button[data-r="' + b.dataset.r + '"][data-c="' + ci + '"]');
    if (again) again.focus();
  });

  document.addEventListener('click', function (e) {
    var a = e.target.closest('[data-layout]');
    if (!a) return;
    var what = a.getAttribute('data-layout');
    var w = Math.max(width(), 1);
    if (what === 'add-row' && layout.rows.length < 60) {
      var cells = [];
      for (var i = 0; i < w; i++) cells.push({ number: 0, category: pick.value || categories[0] });
      layout.rows.push({ label: LABELS[layout.rows.length] || 'R' + layout.rows.length, cells: cells });
    } else if (what === 'remove-row' && layout.rows.length > 1) {
      layout.rows.pop();
    } else if (what === 'add-col' && w < 120) {
      layout.rows.forEach(function (r) { r.cells.push({ number: 0, category: pick.value || categories[0] }); });
    } else if (what === 'remove-col' && w > 1) {
      layout.rows.forEach(function (r) { r.cells.length = w - 1; });
    } else if (what === 'add-category') {
      var input = document.getElementById('category-new');
      var name = input.value.trim();
      if (name && categories.indexOf(name) < 0) { categories.push(name); renderOptions(); pick.value = name; }
      input.value = '';
    }
    render();
  });

  renderOptions();
  render();
})();
