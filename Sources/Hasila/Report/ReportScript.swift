/// The report page's script: paging of the review (20 documents a page; the others are hidden,
/// so the browser lays out one page however many figures the archive gave), the filters by
/// category and qualifier (one pass over the highlights, toggling a class), stepping to the
/// previous or next figure they let through, the record panel shown on hover or focus, and
/// opening the page at a record id given as the URL fragment.
/// Plain browser JavaScript, inline, fetching nothing.
enum ReportScript {
    static let javascript = #"""
        (function () {
          'use strict';
          var PAGE = 20;
          var docs = Array.prototype.slice.call(document.querySelectorAll('article.doc'));
          var shown = docs, page = 0;
          var category = document.getElementById('hasila-category');
          var qualifier = document.getElementById('hasila-qualifier');
          var only = document.getElementById('hasila-only');
          var dates = document.getElementById('hasila-dates');
          var matches = document.getElementById('hasila-matches');
          var panel = document.getElementById('hasila-panel');
          var pagers = [document.getElementById('hasila-pager'), document.getElementById('hasila-pager-bottom')];

          function button(label, enabled, go) {
            var b = document.createElement('button');
            b.type = 'button';
            b.textContent = label;
            b.disabled = !enabled;
            b.addEventListener('click', function () { page = go; render(); pagers[0].scrollIntoView(); });
            return b;
          }

          function render() {
            var pages = Math.max(1, Math.ceil(shown.length / PAGE));
            if (page >= pages) page = pages - 1;
            var from = page * PAGE, to = Math.min(shown.length, from + PAGE);
            var visible = new Set(shown.slice(from, to));
            docs.forEach(function (d) { d.hidden = !visible.has(d); });
            pagers.forEach(function (pager) {
              if (!pager) return;
              pager.textContent = '';
              pager.appendChild(button('\u2190 previous', page > 0, page - 1));
              var info = document.createElement('span');
              info.textContent = 'page ' + (page + 1) + ' of ' + pages + ' \u00b7 documents ' +
                (shown.length ? from + 1 : 0) + '\u2013' + to + ' of ' + shown.length;
              pager.appendChild(info);
              pager.appendChild(button('next \u2192', page < pages - 1, page + 1));
            });
          }

          function matching(mark) {
            var c = category.value, q = qualifier.value, cat = mark.getAttribute('data-cat');
            if (c === '(null)') { if (cat !== '') return false; }
            else if (c !== '' && cat !== c && cat.indexOf(c + '.') !== 0) return false;
            return q === '' || mark.getAttribute('data-q') === q;
          }

          function filter() {
            var active = category.value !== '' || qualifier.value !== '';
            var count = 0;
            docs.forEach(function (d) {
              var any = false;
              d.querySelectorAll('.fig').forEach(function (mark) {
                var m = matching(mark);
                mark.classList.toggle('dim', active && !m);
                if (m) { any = true; count++; }
              });
              d.setAttribute('data-match', any ? 'yes' : 'no');
            });
            document.body.classList.toggle('no-dates', !dates.checked);
            shown = only.checked ? docs.filter(function (d) { return d.getAttribute('data-match') === 'yes'; }) : docs;
            matches.textContent = active ? count + ' matching figures' : '';
            page = 0;
            render();
          }

          function row(list, name, value, href) {
            if (value === null || value === undefined || value === '') return;
            var dt = document.createElement('dt'), dd = document.createElement('dd');
            dt.textContent = name;
            if (href) {
              var a = document.createElement('a');
              a.href = '#' + encodeURIComponent(value);
              a.textContent = value;
              dd.appendChild(a);
            } else {
              dd.textContent = value;
            }
            list.appendChild(dt);
            list.appendChild(dd);
          }

          function show(mark) {
            var d = function (name) { return mark.getAttribute('data-' + name); };
            panel.textContent = '';
            var title = document.createElement('strong');
            title.textContent = (mark.classList.contains('date') ? 'date ' : 'figure ') + mark.id;
            panel.appendChild(title);
            var list = document.createElement('dl');
            row(list, 'text', mark.textContent);
            if (mark.classList.contains('date')) {
              row(list, 'value', d('v') || 'null (relative)');
              row(list, 'calendar', d('cal'));
              row(list, 'relative', d('rel'));
            } else {
              row(list, 'value', d('v'));
              row(list, 'qualifier', d('q'));
              row(list, 'category', d('cat') || 'null');
              row(list, 'noun', d('noun'));
              row(list, 'parent', d('parent'), true);
              var article = mark.closest('article.doc');
              if (article) {
                var parts = Array.prototype.filter.call(article.querySelectorAll('[data-parent]'), function (m) {
                  return m.getAttribute('data-parent') === mark.id;
                });
                parts.forEach(function (m, i) { row(list, i === 0 ? 'breakdowns' : '', m.id, true); });
              }
              row(list, 'period', d('period'));
              row(list, 'place', d('place'));
              row(list, 'actors', d('actors'));
              row(list, 'source', d('source'));
            }
            row(list, 'not highlighted', d('why'));
            panel.appendChild(list);
          }

          function nearest(event) {
            var t = event.target;
            return t && t.closest ? t.closest('.fig, .date') : null;
          }

          function open() {
            var id;
            try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
            var target = id ? document.getElementById(id) : null;
            if (!target) return;
            var article = target.closest('article.doc');
            if (!article) return;
            if (shown.indexOf(article) < 0) { only.checked = false; shown = docs; }
            page = Math.floor(shown.indexOf(article) / PAGE);
            render();
            var previous = document.querySelectorAll('.current');
            previous.forEach(function (e) { e.classList.remove('current'); });
            if (target !== article) {
              target.classList.add('current');
              show(target);
            }
            var where = { block: target === article ? 'start' : 'center' };
            target.scrollIntoView(where);
            if (target !== article) target.focus({ preventScroll: true });
            // Documents above it take their real height once laid out (content-visibility): aim again then.
            requestAnimationFrame(function () { requestAnimationFrame(function () { target.scrollIntoView(where); }); });
          }

          // The previous or next figure that the filters let through, across documents and pages.
          function step(by) {
            var active = category.value !== '' || qualifier.value !== '';
            var figures = [];
            shown.forEach(function (d) {
              d.querySelectorAll('.text .fig').forEach(function (m) { if (!active || !m.classList.contains('dim')) figures.push(m); });
            });
            if (!figures.length) return;
            var current = document.querySelector('.text .current');
            var at = current ? figures.indexOf(current) : -1;
            var next = at < 0 ? (by > 0 ? 0 : figures.length - 1) : (at + by + figures.length) % figures.length;
            location.hash = '#' + encodeURIComponent(figures[next].id);
          }

          document.getElementById('hasila-next-match').addEventListener('click', function () { step(1); });
          document.getElementById('hasila-previous-match').addEventListener('click', function () { step(-1); });
          document.addEventListener('mouseover', function (e) { var m = nearest(e); if (m) show(m); });
          document.addEventListener('focusin', function (e) { var m = nearest(e); if (m) show(m); });
          [category, qualifier, only, dates].forEach(function (c) { c.addEventListener('change', filter); });
          window.addEventListener('hashchange', open);
          render();
          open();
        })();

        """#
}
