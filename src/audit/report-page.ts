/**
 * The report page's style and behaviour (src/audit/report.ts renders its content). Both are ours and inline: the
 * page's Content-Security-Policy allows this one script by hash and nothing from the network.
 */
import { ENTITY_LABELS } from '../vocabulary.js';
import { BASE_STYLE } from './html.js';

/** Id of the JSON block holding one rendered (escaped) section per article, in list order. */
export const ARTICLES_DATA_ID = 'articles-data';

export const REPORT_STYLE = `${BASE_STYLE}
header { padding: .8rem 1.2rem; background: #fff; border-bottom: 1px solid #e5e7eb; }
header p { margin: .3rem 0 0; }
#legend .legend-item { margin-right: .8rem; white-space: nowrap; font-size: .9em; }
#layout { display: grid; grid-template-columns: 22rem 1fr; }
nav { border-right: 1px solid #e5e7eb; background: #fff; padding: .6rem; overflow-y: auto; max-height: 100vh; position: sticky; top: 0; align-self: start; }
nav select, nav input { width: 100%; margin: .2rem 0 .5rem; font: inherit; }
#article-list { list-style: none; margin: 0; padding: 0; font-size: .88em; }
#article-list li { border-bottom: 1px solid #f0f0f0; }
#article-list li.hidden-by-filter { display: none; }
#article-list a { display: block; padding: .3rem .4rem; color: inherit; text-decoration: none; }
#article-list a:hover, #article-list a.current { background: #eef2ff; }
#article-list .aid { font-family: ui-monospace, monospace; font-size: .85em; }
.badge { display: inline-block; padding: 0 .35rem; border-radius: .6rem; font-size: .8em; border: 1px solid currentColor; }
main { padding: 1rem 1.4rem; min-width: 0; }
section.article { margin-bottom: 2rem; }
.meta { font-size: .9em; }
.reading { border-top: 1px solid #e5e7eb; }
.row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(14rem, 2fr); gap: 1rem; padding: .45rem 0; border-bottom: 1px solid #f0f0f0; }
.row.title .sent { font-weight: 600; font-size: 1.05em; }
.sent { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.9; }
.sid { display: inline-block; min-width: 1.8rem; color: var(--muted); font-size: .75em; vertical-align: top; }
mark.ent { border-radius: .2rem; padding: 0 .1rem; border-bottom: 2px solid; color: inherit; }
.ent-PER { background: var(--per); border-color: var(--per-b); }
.ent-ORG { background: var(--org); border-color: var(--org-b); }
.ent-LOC { background: var(--loc); border-color: var(--loc-b); }
.ent-MISC { background: var(--misc); border-color: var(--misc-b); }
.tx { background: var(--tx); border-bottom: 2px dotted var(--tx-b); }
.tx-val { display: inline-block; margin-left: .2rem; padding: 0 .3rem; border-radius: .5rem; background: var(--tx-b); color: #fff; font: 600 .72em/1.4 ui-monospace, monospace; vertical-align: middle; }
.trg { text-decoration: underline 2px #111; text-underline-offset: .25em; font-weight: 600; }
mark.d-add, .tx.d-add { outline: 2px solid var(--add); }
mark.d-chg, .tx.d-chg { outline: 2px dashed var(--chg); }
mark.d-del, .tx.d-del { outline: 2px dotted var(--del); opacity: .6; text-decoration: line-through; }
.events { font-size: .86em; }
.ev { border: 1px solid #e5e7eb; border-left: 4px solid #6b7280; border-radius: .3rem; padding: .3rem .5rem; margin-bottom: .4rem; background: #fff; }
.ev.d-add { border-left-color: var(--add); background: var(--add-bg); }
.ev.d-del { border-left-color: var(--del); background: var(--del-bg); text-decoration: line-through; }
.ev.d-chg { border-left-color: var(--chg); background: var(--chg-bg); }
.ev-type { font-weight: 700; }
.ev-args { margin: .2rem 0 0 1rem; padding: 0; }
.role { color: var(--muted); }
.conf { float: right; color: var(--muted); font-variant-numeric: tabular-nums; }
.flag { display: inline-block; padding: 0 .3rem; border-radius: .3rem; background: #eee; font-size: .85em; }
.ev-changes { margin: .2rem 0 0 1rem; padding: 0; color: var(--chg); }
.status-error { color: var(--del); font-weight: 600; }
.status-skipped { color: var(--chg); }
#filters { margin: .4rem 0 0; font-size: .9em; }
#filters select, #change-nav button { font: inherit; font-size: .95em; }
.flt { white-space: nowrap; margin-right: .3rem; }
${ENTITY_LABELS.map((l) => `.off-${l} .sent mark.ent[data-elabel="${l}"] { background: none; border-bottom-color: transparent; }`).join('\n')}
mark.ent[data-entity] { cursor: pointer; }
#article-view.focusing .sent mark.ent:not(.focus) { opacity: .35; }
mark.ent.focus { box-shadow: 0 0 0 2px #111; }
.ev.hidden-by-filter { display: none; }
.current-change { box-shadow: 0 0 0 3px #f59e0b !important; }
.row.lost ul { margin: .2rem 0 0 1rem; padding: 0; }
#article-list .badge.status-error { color: var(--del); }
#article-list .badge.status-skipped { color: var(--chg); }
details.entities { margin: .3rem 0 .6rem; font-size: .9em; }
details.entities ul { columns: 2; }
@media (max-width: 60rem) { #layout { grid-template-columns: 1fr; } nav { position: static; max-height: 16rem; } .row { grid-template-columns: 1fr; } }
`;

/**
 * The page's behaviour: puts the selected article's section (already escaped HTML from the JSON block) into the
 * view, the hash naming it (`#a-12`); filters (entity labels, event type, confidence, article status and text);
 * a click on a name highlights every mention of its entity; `n`/`p` (or `j`/`k`, or the buttons) step through
 * the changes of the article, then on to the next changed article.
 */
export const REPORT_SCRIPT = `(function () {
  var sections = JSON.parse(document.getElementById('${ARTICLES_DATA_ID}').textContent);
  var view = document.getElementById('article-view');
  var select = document.getElementById('article-select');
  var filter = document.getElementById('article-filter');
  var typeFilter = document.getElementById('type-filter');
  var confFilter = document.getElementById('confidence-filter');
  var confValue = document.getElementById('confidence-value');
  var statusFilter = document.getElementById('status-filter');
  var labelBoxes = Array.prototype.slice.call(document.querySelectorAll('.label-filter'));
  var changePos = document.getElementById('change-pos');
  var items = Array.prototype.slice.call(document.querySelectorAll('#article-list li'));
  var current = -1;
  var changeIndex = -1;
  var CHANGE_SELECTOR = '.sent .d-add, .sent .d-chg, .sent .d-del, .ev.d-add, .ev.d-chg, .ev.d-del, .entities .d-add, .entities .d-chg, .entities .d-del, .row.lost li';
  function applyFilters() {
    labelBoxes.forEach(function (box) { view.classList.toggle('off-' + box.value, !box.checked); });
    var type = typeFilter.value;
    var min = Number(confFilter.value);
    confValue.textContent = min.toFixed(2);
    Array.prototype.forEach.call(view.querySelectorAll('.ev'), function (ev) {
      ev.classList.toggle('hidden-by-filter', (type !== '' && ev.getAttribute('data-type') !== type) || Number(ev.getAttribute('data-conf')) < min);
    });
    var query = filter.value.toLowerCase();
    var status = statusFilter.value;
    items.forEach(function (li) {
      var byText = query !== '' && li.textContent.toLowerCase().indexOf(query) < 0;
      var byStatus = status === 'changed' ? li.getAttribute('data-changes') === '0' : status !== '' && li.getAttribute('data-status') !== status;
      li.classList.toggle('hidden-by-filter', byText || byStatus);
    });
  }
  function show(index) {
    if (sections.length === 0) return;
    if (!(index >= 0 && index < sections.length)) index = 0;
    current = index;
    changeIndex = -1;
    view.innerHTML = sections[index];
    view.firstElementChild.classList.add('current');
    view.classList.remove('focusing');
    items.forEach(function (li, i) { li.querySelector('a').classList.toggle('current', i === index); });
    select.value = 'a-' + index;
    applyFilters();
    updatePosition();
    window.scrollTo(0, 0);
  }
  function fromHash() {
    var id = location.hash.slice(1);
    show(/^a-\\d+$/.test(id) ? Number(id.slice(2)) : 0);
  }
  function changes() { return Array.prototype.slice.call(view.querySelectorAll(CHANGE_SELECTOR)); }
  function updatePosition() {
    if (!changePos) return;
    var list = changes();
    changePos.textContent = list.length === 0 ? 'no change here' : (changeIndex < 0 ? list.length + ' change' + (list.length > 1 ? 's' : '') + ' here' : 'change ' + (changeIndex + 1) + ' / ' + list.length);
  }
  function mark(index) {
    var list = changes();
    list.forEach(function (el) { el.classList.remove('current-change'); });
    changeIndex = index;
    var el = list[index];
    if (el) {
      el.classList.add('current-change');
      el.scrollIntoView({ block: 'center' });
    }
    updatePosition();
  }
  function changedArticle(from, step) {
    for (var k = 1; k <= items.length; k++) {
      var i = ((from + step * k) % items.length + items.length) % items.length;
      if (items[i].getAttribute('data-changes') !== '0') return i;
    }
    return -1;
  }
  function step(direction) {
    var list = changes();
    var next = changeIndex + direction;
    if (changeIndex < 0 && direction < 0) next = list.length - 1;
    if (next >= 0 && next < list.length) { mark(next); return; }
    var target = changedArticle(current, direction);
    if (target < 0) return;
    history.replaceState(null, '', '#a-' + target);
    show(target);
    var count = changes().length;
    if (count > 0) mark(direction > 0 ? 0 : count - 1);
  }
  function focusEntity(id) {
    var on = id !== null && view.getAttribute('data-focus') !== id;
    if (on) view.setAttribute('data-focus', id); else view.removeAttribute('data-focus');
    view.classList.toggle('focusing', on);
    Array.prototype.forEach.call(view.querySelectorAll('mark.ent'), function (m) { m.classList.toggle('focus', on && m.getAttribute('data-entity') === id); });
  }
  view.addEventListener('click', function (event) {
    var target = event.target.closest ? event.target.closest('mark[data-entity]') : null;
    if (target) focusEntity(target.getAttribute('data-entity'));
  });
  select.addEventListener('change', function () { location.hash = select.value; });
  [filter, typeFilter, confFilter, statusFilter].forEach(function (el) { el.addEventListener('input', applyFilters); el.addEventListener('change', applyFilters); });
  labelBoxes.forEach(function (box) { box.addEventListener('change', applyFilters); });
  var prev = document.getElementById('prev-change');
  var next = document.getElementById('next-change');
  if (prev) prev.addEventListener('click', function () { step(-1); });
  if (next) next.addEventListener('click', function () { step(1); });
  document.addEventListener('keydown', function (event) {
    var tag = event.target && event.target.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'n' || event.key === 'j') { step(1); event.preventDefault(); }
    else if (event.key === 'p' || event.key === 'k') { step(-1); event.preventDefault(); }
    else if (event.key === 'Escape') focusEntity(null);
  });
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();`;
