// huella's HTML report. Renders the embedded data with DOM text APIs only: student content is
// hostile, so no string from the data ever reaches innerHTML, an event handler or a URL scheme.
'use strict';
(function () {
  const data = JSON.parse(document.getElementById('huella-data').textContent);
  const report = data.report || {};
  const lang = data.lang === 'en' ? 'en' : 'es';

  const WORDS = {
    es: {
      title: 'Informe de similitud', summary: 'Resumen', pairs: 'Pares', heatmap: 'Mapa de calor',
      clusters: 'Grupos', students: 'Entregas', findings: 'Hallazgos', submissions: 'entregas',
      pairsListed: 'pares listados', rank: '#', a: 'A', b: 'B', verdict: 'veredicto',
      score: 'puntuación', similarity: 'similitud', longest: 'fragmento mayor', all: 'todos',
      channel: 'canal', search: 'buscar entrega…', shown: 'mostrados', more: 'mostrar más',
      topPairs: 'Pares más similares', reasons: 'Motivos', channels: 'Canales',
      coverageA: 'cobertura A', coverageB: 'cobertura B', shared: 'huellas compartidas',
      cosine: 'coseno', literals: 'literales', matches: 'coincidencias', sections: 'Secciones',
      section: 'sección', side: 'lado', file: 'archivo', lines: 'líneas', coverage: 'cobertura',
      fragments: 'Fragmentos', fragment: 'fragmento', tokens: 'tokens',
      noFragments: 'Fragmentos no calculados para este par (solo para los pares más similares).',
      noText: 'Texto no disponible.', screenshots: 'Capturas compartidas', method: 'método',
      agreement: 'coincide', distance: 'distancia', metadata: 'Metadatos de imagen compartidos',
      key: 'clave', value: 'valor', files: 'Archivos', language: 'lenguaje',
      templateShare: 'plantilla', invisible: 'invisibles', skipped: 'Archivos omitidos',
      reason: 'motivo', none: 'Nada.', references: 'Material del profesor',
      watermarks: 'Marcas de agua', errors: 'Errores', student: 'entrega', kind: 'tipo',
      other: 'otra entrega', cluster: 'Grupo', members: 'miembros', noClusters:
        'Ningún par marcado: no hay grupos.', noPairs: 'Ningún par listado.',
      keys: 'Teclas: j / → par siguiente, k / ← par anterior, Esc vuelve a la tabla.',
      prev: '← anterior', next: 'siguiente →', back: 'tabla de pares', bands: 'Pares por veredicto',
      heatmapHelp: 'Entregas ordenadas por grupo; el color es la puntuación del par. Pulse una celda para abrir el par.',
      graphHelp: 'Cada grupo reúne entregas unidas por pares marcados. Pulse una arista para abrir el par, un nodo para la entrega.',
      mainReason: 'motivo principal', path: 'carpeta', of: 'de', notFound: 'No encontrado.', line: 'línea', findingsCount: 'hallazgos',
      kinds: {
        unfilled_template: 'entregada casi sin rellenar (plantilla)',
        invisible_characters: 'caracteres invisibles', hidden_text: 'texto oculto en base64',
      },
    },
    en: {
      title: 'Similarity report', summary: 'Summary', pairs: 'Pairs', heatmap: 'Heatmap',
      clusters: 'Clusters', students: 'Submissions', findings: 'Findings', submissions: 'submissions',
      pairsListed: 'pairs listed', rank: '#', a: 'A', b: 'B', verdict: 'verdict', score: 'score',
      similarity: 'similarity', longest: 'longest fragment', all: 'all', channel: 'channel',
      search: 'search submission…', shown: 'shown', more: 'show more', topPairs: 'Most similar pairs',
      reasons: 'Reasons', channels: 'Channels', coverageA: 'coverage A', coverageB: 'coverage B',
      shared: 'shared fingerprints', cosine: 'cosine', literals: 'literals', matches: 'matches',
      sections: 'Sections', section: 'section', side: 'side', file: 'file', lines: 'lines',
      coverage: 'coverage', fragments: 'Fragments', fragment: 'fragment', tokens: 'tokens',
      noFragments: 'Fragments not computed for this pair (only for the most similar pairs).',
      noText: 'Text not available.', screenshots: 'Shared screenshots', method: 'method',
      agreement: 'agreement', distance: 'distance', metadata: 'Shared image metadata', key: 'key',
      value: 'value', files: 'Files', language: 'language', templateShare: 'template',
      invisible: 'invisible', skipped: 'Skipped files', reason: 'reason', none: 'Nothing.',
      references: "Professor's material", watermarks: 'Watermarks', errors: 'Errors',
      student: 'submission', kind: 'kind', other: 'other submission', cluster: 'Cluster',
      members: 'members', noClusters: 'No flagged pair: no clusters.', noPairs: 'No pair listed.',
      keys: 'Keys: j / → next pair, k / ← previous pair, Esc back to the table.',
      prev: '← previous', next: 'next →', back: 'pairs table', bands: 'Pairs by verdict',
      heatmapHelp: 'Submissions ordered by cluster; the colour is the pair\'s score. Click a cell to open the pair.',
      graphHelp: 'Each cluster joins submissions linked by flagged pairs. Click an edge to open the pair, a node for the submission.',
      mainReason: 'main reason', path: 'folder', of: 'of', notFound: 'Not found.', line: 'line', findingsCount: 'findings',
      kinds: {
        unfilled_template: 'handed in nearly unfilled (template)',
        invisible_characters: 'invisible characters', hidden_text: 'text hidden as base64',
      },
    },
  };
  const T = WORDS[lang];
  const VERDICTS = ['copia', 'muy_similar', 'similar_parcial', 'original'];
  const VERDICT_WORDS = {
    es: { copia: 'copia', muy_similar: 'muy similar', similar_parcial: 'similar parcial', original: 'original' },
    en: { copia: 'copy', muy_similar: 'very similar', similar_parcial: 'partly similar', original: 'original' },
  };
  const CHANNELS = ['code', 'terraform', 'config', 'prose', 'images'];
  const CHANNEL_WORDS = {
    es: { code: 'código', terraform: 'terraform', config: 'configuración', prose: 'prosa', images: 'imágenes' },
    en: { code: 'code', terraform: 'terraform', config: 'config', prose: 'prose', images: 'images' },
  };
  const FRAGMENT_COLOURS = 8;

  // ---- Data, indexed once -------------------------------------------------------------------
  const asArray = (x) => (Array.isArray(x) ? x : []);
  const submissions = asArray(report.submissions);
  const pairs = asArray(report.pairs);
  const submissionById = new Map(submissions.map((s) => [s.id, s]));
  const fileKey = (submission, file) => submission + '\u0000' + file;
  const sources = new Map(asArray(data.sources).map((s) => [fileKey(s.submission, s.file), s.text]));
  const thumbnails = new Map(asArray(data.thumbnails).map((t) => [fileKey(t.submission, t.file), t.src]));
  const rankOfPair = new Map(pairs.map((p, i) => [fileKey(p.a, p.b), i + 1]));

  const scoreOf = (p) => {
    if (typeof p.score === 'number') return p.score;
    const images = p.channels && p.channels.images ? p.channels.images.similarity || 0 : 0;
    return Math.max(p.similarity || 0, images);
  };
  // Until every report carries verdicts, the course policy's bands are applied to the score.
  const verdictOf = (p) => {
    if (VERDICTS.includes(p.verdict)) return p.verdict;
    const s = scoreOf(p);
    return s >= 0.8 ? 'copia' : s >= 0.5 ? 'muy_similar' : s >= 0.25 ? 'similar_parcial' : 'original';
  };
  const reasonText = (r) => (typeof r === 'string' ? r : String((r && (r.text || r.kind)) || ''));
  const channelValue = (p, c) => (p.channels && p.channels[c] ? p.channels[c].similarity || 0 : 0);
  const pct = (x) => (typeof x === 'number' ? (x * 100).toFixed(1) + '%' : '–');

  const clusters = (function () {
    if (Array.isArray(report.clusters)) return report.clusters;
    // Without clusters in the data: connected components of the flagged pairs.
    const parent = new Map();
    const find = (x) => {
      while (parent.get(x) !== x) x = parent.get(x);
      return x;
    };
    const flagged = pairs.filter((p) => verdictOf(p) !== 'original');
    for (const p of flagged) {
      for (const id of [p.a, p.b]) if (!parent.has(id)) parent.set(id, id);
      parent.set(find(p.a), find(p.b));
    }
    const groups = new Map();
    for (const id of parent.keys()) {
      const root = find(id);
      if (!groups.has(root)) groups.set(root, { members: [], pairs: [], verdict: 'original' });
      groups.get(root).members.push(id);
    }
    for (const p of flagged) {
      const g = groups.get(find(p.a));
      g.pairs.push([p.a, p.b]);
      if (VERDICTS.indexOf(verdictOf(p)) < VERDICTS.indexOf(g.verdict)) g.verdict = verdictOf(p);
    }
    return [...groups.values()]
      .sort((x, y) => y.members.length - x.members.length)
      .map((g, i) => ({ id: i + 1, verdict: g.verdict, members: g.members.sort(), pairs: g.pairs }));
  })();

  // ---- DOM helpers: text only ---------------------------------------------------------------
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (k === 'text') node.textContent = v;
        else if (k === 'cls') node.className = v;
        else if (k === 'href') node.setAttribute('href', v);
        else if (k === 'title') node.title = v;
        else if (k === 'id') node.id = v;
        else if (k === 'on') for (const [type, f] of Object.entries(v)) node.addEventListener(type, f);
        else node.dataset[k] = v;
      }
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }
  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }
  // Every link the report makes is a route of its own, built from a number or an encoded id.
  const pairHref = (rank) => '#pair/' + rank;
  const studentHref = (id) => '#student/' + encodeURIComponent(id);
  const studentLink = (id) => el('a', { href: studentHref(id), text: id });
  const verdictBadge = (v) => el('span', { cls: 'badge v-' + v, text: VERDICT_WORDS[lang][v] });
  function table(headers, rows, cls) {
    return el('table', { cls: cls || '' },
      el('thead', null, el('tr', null, ...headers.map((h) => el('th', { text: h })))),
      el('tbody', null, ...rows.map((r) => el('tr', null, ...r.map((c) => el('td', null, c))))));
  }
  const nothing = () => el('p', { cls: 'muted', text: T.none });

  // ---- Layout -------------------------------------------------------------------------------
  const VIEWS = ['summary', 'pairs', 'heatmap', 'clusters', 'students', 'findings'];
  const nav = el('nav', null, el('strong', { text: 'huella' }),
    ...VIEWS.map((v) => el('a', { href: '#' + v, text: T[v], view: v })));
  const main = el('main');
  document.body.append(el('header', null, nav), main);
  document.title = 'huella · ' + T.title;

  // ---- Summary ------------------------------------------------------------------------------
  function bandCounts() {
    const summary = report.summary;
    if (summary && summary.bands) return summary.bands;
    const counts = { copia: 0, muy_similar: 0, similar_parcial: 0, original: 0 };
    for (const p of pairs) counts[verdictOf(p)]++;
    return counts;
  }
  function viewSummary() {
    const counts = bandCounts();
    const findings = submissions.reduce((n, s) => n + asArray(s.findings).length, 0);
    const card = (value, label, cls) => el('div', { cls: 'card ' + (cls || '') },
      el('div', { cls: 'big', text: String(value) }), el('div', { text: label }));
    const top = pairs.slice(0, 10).map((p, i) => [
      el('a', { href: pairHref(i + 1), text: String(i + 1) }), studentLink(p.a), studentLink(p.b),
      verdictBadge(verdictOf(p)), pct(scoreOf(p))]);
    return [
      el('h1', { text: T.title }),
      el('div', { cls: 'cards' },
        card(submissions.length, T.submissions),
        card(pairs.length, T.pairsListed),
        card(findings, T.findingsCount)),
      el('h2', { text: T.bands }),
      el('div', { cls: 'cards' },
        ...VERDICTS.map((v) => el('a', { href: '#pairs', cls: 'card v-' + v,
          on: { click: () => { state.verdict = v; } } },
        el('div', { cls: 'big', text: String(counts[v] || 0) }), el('div', { text: VERDICT_WORDS[lang][v] })))),
      el('h2', { text: T.topPairs }),
      top.length ? table([T.rank, T.a, T.b, T.verdict, T.score], top) : el('p', { text: T.noPairs }),
    ];
  }

  // ---- Pairs table --------------------------------------------------------------------------
  const state = { sort: 'rank', descending: false, verdict: '', channel: '', query: '', limit: 200, order: [], selected: 0 };
  const COLUMNS = [
    { key: 'rank', label: T.rank, value: (p, i) => i + 1 },
    { key: 'a', label: T.a, value: (p) => p.a },
    { key: 'b', label: T.b, value: (p) => p.b },
    { key: 'verdict', label: T.verdict, value: (p) => -VERDICTS.indexOf(verdictOf(p)) },
    { key: 'score', label: T.score, value: (p) => scoreOf(p) },
    ...CHANNELS.map((c) => ({ key: c, label: CHANNEL_WORDS[lang][c], value: (p) => channelValue(p, c) })),
    { key: 'longest', label: T.longest, value: (p) => p.longest_fragment || 0 },
    { key: 'reason', label: T.mainReason, value: (p) => reasonText(asArray(p.reasons)[0]) },
  ];
  function filteredOrder() {
    const query = state.query.toLowerCase();
    const column = COLUMNS.find((c) => c.key === state.sort) || COLUMNS[0];
    const order = [];
    pairs.forEach((p, i) => {
      if (state.verdict && verdictOf(p) !== state.verdict) return;
      if (state.channel && channelValue(p, state.channel) <= 0) return;
      if (query && !String(p.a).toLowerCase().includes(query) && !String(p.b).toLowerCase().includes(query)) return;
      order.push(i);
    });
    const values = new Map(order.map((i) => [i, column.value(pairs[i], i)]));
    order.sort((x, y) => {
      const vx = values.get(x), vy = values.get(y);
      const c = vx < vy ? -1 : vx > vy ? 1 : x - y;
      return state.descending ? -c : c;
    });
    return order;
  }
  function pairRow(i, position) {
    const p = pairs[i];
    const rank = i + 1;
    const row = el('tr', { cls: position === state.selected ? 'selected' : '',
      on: { click: (e) => { if (!e.target.closest('a')) location.hash = pairHref(rank); } } },
    el('td', null, el('a', { href: pairHref(rank), text: String(rank) })),
    el('td', null, studentLink(p.a)), el('td', null, studentLink(p.b)),
    el('td', null, verdictBadge(verdictOf(p))),
    el('td', { cls: 'num', text: pct(scoreOf(p)) }),
    ...CHANNELS.map((c) => {
      const ch = p.channels && p.channels[c];
      const cell = el('td', { cls: 'num', text: ch ? pct(ch.similarity) : '' });
      if (ch && c !== 'images') cell.title = T.cosine + ' ' + pct(ch.cosine) + ' · ' + T.literals + ' ' + pct(ch.literals);
      return cell;
    }),
    el('td', { cls: 'num', text: p.longest_fragment === null || p.longest_fragment === undefined ? '' : String(p.longest_fragment) }),
    el('td', { cls: 'reason', text: reasonText(asArray(p.reasons)[0]), title: asArray(p.reasons).map(reasonText).join('\n') }));
    return row;
  }
  function viewPairs() {
    state.order = filteredOrder();
    state.selected = Math.min(state.selected, Math.max(0, state.order.length - 1));
    const select = (options, current, change) => {
      const s = el('select', { on: { change: (e) => { change(e.target.value); render(); } } },
        ...options.map(([value, label]) => {
          const o = el('option', { text: label });
          o.value = value;
          o.selected = value === current;
          return o;
        }));
      return s;
    };
    const search = el('input', { on: { change: (e) => { state.query = e.target.value; render(); } } });
    search.type = 'search';
    search.placeholder = T.search;
    search.value = state.query;
    const header = el('tr', null, ...COLUMNS.map((c) => el('th', {
      cls: 'sortable' + (state.sort === c.key ? (state.descending ? ' desc' : ' asc') : ''), text: c.label,
      on: { click: () => {
        state.descending = state.sort === c.key ? !state.descending : c.key === 'score' || CHANNELS.includes(c.key) || c.key === 'longest';
        state.sort = c.key;
        render();
      } } })));
    const shown = state.order.slice(0, state.limit);
    const body = el('tbody', null, ...shown.map((i, position) => pairRow(i, position)));
    const out = [
      el('h1', { text: T.pairs }),
      el('div', { cls: 'filters' },
        el('label', null, T.verdict + ' ', select([['', T.all], ...VERDICTS.map((v) => [v, VERDICT_WORDS[lang][v]])], state.verdict, (v) => { state.verdict = v; })),
        el('label', null, T.channel + ' ', select([['', T.all], ...CHANNELS.map((c) => [c, CHANNEL_WORDS[lang][c]])], state.channel, (c) => { state.channel = c; })),
        search,
        el('span', { cls: 'muted', text: shown.length + ' ' + T.of + ' ' + state.order.length + ' ' + T.shown })),
      el('table', { cls: 'pairs', id: 'pairs-table' }, el('thead', null, header), body),
      el('p', { cls: 'muted', text: T.keys }),
    ];
    if (state.order.length > state.limit)
      out.push(el('button', { text: T.more, on: { click: () => { state.limit += 500; render(); } } }));
    return out;
  }

  // ---- Pair view ----------------------------------------------------------------------------
  function splitLines(text) {
    const lines = text.split(/\r?\n/);
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }
  // One side of a file pair: every line numbered, the lines of fragment i marked with colour i.
  function codePanel(submission, file, ranges, side) {
    const text = sources.get(fileKey(submission, file));
    const panel = el('div', { cls: 'code', side });
    if (typeof text !== 'string') {
      panel.append(el('p', { cls: 'muted', text: T.noText }));
      return panel;
    }
    const marks = new Map();
    for (const r of ranges)
      for (let line = r.first; line <= r.last; line++) if (!marks.has(line)) marks.set(line, r);
    const fragment = document.createDocumentFragment();
    splitLines(text).forEach((line, i) => {
      const number = i + 1;
      const row = el('div', { cls: 'line' }, el('span', { cls: 'no', text: String(number) }), el('span', { cls: 'tx', text: line }));
      const mark = marks.get(number);
      if (mark) {
        row.className = 'line frag f' + (mark.index % FRAGMENT_COLOURS);
        row.dataset.frag = String(mark.index);
        if (number === mark.first) row.dataset.first = '1';
      }
      fragment.append(row);
    });
    panel.append(fragment);
    return panel;
  }
  function scrollToFragment(panel, index) {
    const target = panel.querySelector('.line[data-frag="' + index + '"][data-first]');
    if (!target) return;
    panel.scrollTop = Math.max(0, target.offsetTop - panel.clientHeight / 4);
    for (const old of panel.querySelectorAll('.flash')) old.classList.remove('flash');
    for (const line of panel.querySelectorAll('.line[data-frag="' + index + '"]')) line.classList.add('flash');
  }
  function filePairBlock(p, group) {
    const rangesOf = (side) => group.fragments.map((f) => ({ index: f.index, first: f[side + '_lines'][0], last: f[side + '_lines'][1] }));
    const left = codePanel(p.a, group.a_file, rangesOf('a'), 'a');
    const right = codePanel(p.b, group.b_file, rangesOf('b'), 'b');
    // A click on a fragment on one side brings the same fragment into view on the other.
    const link = (from, to) => from.addEventListener('click', (e) => {
      const line = e.target.closest('.line[data-frag]');
      if (!line) return;
      scrollToFragment(to, line.dataset.frag);
      scrollToFragment(from, line.dataset.frag);
    });
    link(left, right);
    link(right, left);
    const list = el('div', { cls: 'fraglist' }, ...group.fragments.map((f) => el('button', {
      cls: 'frag f' + (f.index % FRAGMENT_COLOURS), text: T.fragment + ' ' + (f.index + 1) + ': ' + f.a_lines.join('–') + ' ↔ ' + f.b_lines.join('–') + ' (' + f.tokens + ' ' + T.tokens + ')',
      on: { click: () => { scrollToFragment(left, f.index); scrollToFragment(right, f.index); } } })));
    return el('section', { cls: 'filepair' },
      el('h3', null, el('span', { cls: 'chan', text: CHANNEL_WORDS[lang][group.channel] || group.channel }), ' ',
        el('code', { text: group.a_file }), ' ↔ ', el('code', { text: group.b_file })),
      list,
      el('div', { cls: 'sides' },
        el('div', null, el('div', { cls: 'sidehead', text: T.a + ' · ' + p.a }), left),
        el('div', null, el('div', { cls: 'sidehead', text: T.b + ' · ' + p.b }), right)));
  }
  function fragmentGroups(p) {
    const groups = new Map();
    asArray(p.fragments).forEach((f, index) => {
      const key = f.channel + '\u0000' + f.a_file + '\u0000' + f.b_file;
      if (!groups.has(key)) groups.set(key, { channel: f.channel, a_file: f.a_file, b_file: f.b_file, fragments: [] });
      groups.get(key).fragments.push(Object.assign({ index }, f));
    });
    return [...groups.values()];
  }
  function channelsTable(p) {
    const rows = [];
    for (const c of CHANNELS) {
      const ch = p.channels && p.channels[c];
      if (!ch) continue;
      rows.push([CHANNEL_WORDS[lang][c], pct(ch.similarity), pct(ch.coverage_a), pct(ch.coverage_b),
        String(c === 'images' ? ch.matches : ch.shared_fingerprints), c === 'images' ? '' : pct(ch.cosine), c === 'images' ? '' : pct(ch.literals)]);
    }
    return table([T.channel, T.similarity, T.coverageA, T.coverageB, T.shared + ' / ' + T.matches, T.cosine, T.literals], rows);
  }
  function screenshots(p) {
    const matches = asArray(p.image_matches);
    if (!matches.length) return [];
    const figure = (id, file) => {
      const src = thumbnails.get(fileKey(id, file));
      const img = el('img');
      // Only data: URLs written by huella itself are ever used as a source.
      if (typeof src === 'string' && src.startsWith('data:image/jpeg;base64,')) img.src = src;
      img.alt = file;
      return el('figure', null, img, el('figcaption', null, el('code', { text: file })));
    };
    return [el('h2', { text: T.screenshots }),
      ...matches.map((m) => el('div', { cls: 'shots' }, figure(p.a, m.a_file), figure(p.b, m.b_file),
        el('p', { cls: 'muted', text: T.method + ': ' + m.method + ' · ' + T.agreement + ' ' + pct(m.agreement) + ' · ' + T.distance + ' ' + m.distance })))];
  }
  function viewPair(rank) {
    const p = pairs[rank - 1];
    if (!p) return [el('p', { text: T.notFound })];
    const position = state.order.indexOf(rank - 1);
    const step = (delta) => {
      const order = state.order.length ? state.order : pairs.map((_, i) => i);
      const at = order.indexOf(rank - 1);
      const next = order[(at < 0 ? 0 : at) + delta];
      return next === undefined ? null : next + 1;
    };
    const prev = step(-1), next = step(1);
    const out = [
      el('div', { cls: 'pairnav' },
        el('a', { href: '#pairs', text: T.back }),
        prev ? el('a', { href: pairHref(prev), text: T.prev, rel: 'prev' }) : null,
        next ? el('a', { href: pairHref(next), text: T.next, rel: 'next' }) : null,
        el('span', { cls: 'muted', text: position >= 0 ? (position + 1) + ' / ' + state.order.length : '' })),
      el('h1', null, '#' + rank + ' ', studentLink(p.a), ' ↔ ', studentLink(p.b), ' ', verdictBadge(verdictOf(p)),
        el('span', { cls: 'score', text: ' ' + pct(scoreOf(p)) })),
    ];
    const reasons = asArray(p.reasons);
    out.push(el('div', { cls: 'overview' },
      reasons.length ? el('div', null, el('h2', { text: T.reasons }), el('ul', { cls: 'reasons' }, ...reasons.map((r) => el('li', { text: reasonText(r) })))) : null,
      el('div', null, el('h2', { text: T.channels }), channelsTable(p))));
    const sections = asArray(p.channels && p.channels.prose && p.channels.prose.sections);
    if (sections.length)
      out.push(el('h2', { text: T.sections }), table([T.side, T.file, T.section, T.lines, T.coverage],
        sections.map((s) => [String(s.side).toUpperCase(), el('code', { text: s.file }), s.section, asArray(s.lines).join('–'), pct(s.coverage)])));
    out.push(el('h2', { text: T.fragments }));
    const groups = fragmentGroups(p);
    if (!groups.length) out.push(el('p', { cls: 'muted', text: p.longest_fragment === null ? T.noFragments : T.none }));
    for (const g of groups) out.push(filePairBlock(p, g));
    out.push(...screenshots(p));
    const metadata = asArray(p.image_metadata);
    if (metadata.length)
      out.push(el('h2', { text: T.metadata }), table([T.a, T.b, T.key, T.value],
        metadata.map((m) => [el('code', { text: m.a_file }), el('code', { text: m.b_file }), m.key, m.value])));
    out.push(el('p', { cls: 'muted', text: T.keys }));
    return out;
  }

  // ---- Heatmap ------------------------------------------------------------------------------
  function heatmapOrder() {
    const order = [], seen = new Set();
    for (const c of clusters) for (const id of asArray(c.members)) if (!seen.has(id)) { seen.add(id); order.push(id); }
    const best = new Map();
    for (const p of pairs) for (const id of [p.a, p.b]) best.set(id, Math.max(best.get(id) || 0, scoreOf(p)));
    const rest = submissions.map((s) => s.id).filter((id) => !seen.has(id));
    rest.sort((x, y) => (best.get(y) || 0) - (best.get(x) || 0) || (x < y ? -1 : x > y ? 1 : 0));
    return order.concat(rest);
  }
  function heatColour(score) {
    const s = Math.max(0, Math.min(1, score));
    return 'hsl(' + Math.round(55 - 55 * s) + ', 90%, ' + Math.round(92 - 45 * s) + '%)';
  }
  function viewHeatmap() {
    const order = heatmapOrder();
    const n = order.length;
    const position = new Map(order.map((id, i) => [id, i]));
    const cell = Math.max(2, Math.min(18, Math.floor(900 / Math.max(1, n))));
    const margin = cell >= 9 ? 140 : 0;
    const canvas = el('canvas', { cls: 'heatmap' });
    canvas.width = margin + n * cell;
    canvas.height = margin + n * cell;
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.fillStyle = '#f3f3f3';
    g.fillRect(margin, margin, n * cell, n * cell);
    const at = new Map();
    for (const p of pairs) {
      const i = position.get(p.a), j = position.get(p.b);
      if (i === undefined || j === undefined) continue;
      g.fillStyle = heatColour(scoreOf(p));
      g.fillRect(margin + j * cell, margin + i * cell, cell, cell);
      g.fillRect(margin + i * cell, margin + j * cell, cell, cell);
      at.set(i + ',' + j, p);
      at.set(j + ',' + i, p);
    }
    // Each cluster is a block on the diagonal: outlined, so a copy ring reads at a glance.
    g.strokeStyle = '#20232a';
    g.lineWidth = 1;
    for (const c of clusters) {
      const rows = asArray(c.members).map((id) => position.get(id)).filter((i) => i !== undefined);
      if (!rows.length) continue;
      const first = Math.min(...rows), size = (Math.max(...rows) - first + 1) * cell;
      g.strokeRect(margin + first * cell + 0.5, margin + first * cell + 0.5, size - 1, size - 1);
    }
    if (margin) {
      g.fillStyle = '#333';
      g.font = Math.min(12, cell) + 'px sans-serif';
      order.forEach((id, i) => {
        const label = id.length > 20 ? id.slice(0, 19) + '…' : id;
        g.textAlign = 'right';
        g.fillText(label, margin - 4, margin + i * cell + cell * 0.8);
        g.save();
        g.translate(margin + i * cell + cell * 0.8, margin - 4);
        g.rotate(-Math.PI / 2);
        g.textAlign = 'left';
        g.fillText(label, 0, 0);
        g.restore();
      });
    }
    const tip = el('div', { cls: 'tip' });
    const pairAt = (e) => {
      const box = canvas.getBoundingClientRect();
      const x = Math.floor(((e.clientX - box.left) * canvas.width / box.width - margin) / cell);
      const y = Math.floor(((e.clientY - box.top) * canvas.height / box.height - margin) / cell);
      return at.get(y + ',' + x);
    };
    canvas.addEventListener('mousemove', (e) => {
      const p = pairAt(e);
      tip.textContent = p ? p.a + ' ↔ ' + p.b + ': ' + pct(scoreOf(p)) + ' (' + VERDICT_WORDS[lang][verdictOf(p)] + ')' : '';
    });
    canvas.addEventListener('click', (e) => {
      const p = pairAt(e);
      if (p) location.hash = pairHref(rankOfPair.get(fileKey(p.a, p.b)));
    });
    return [el('h1', { text: T.heatmap }), el('p', { cls: 'muted', text: T.heatmapHelp }), tip, el('div', { cls: 'scroll' }, canvas)];
  }

  // ---- Cluster graph ------------------------------------------------------------------------
  const VERDICT_COLOURS = { copia: '#c62828', muy_similar: '#ef6c00', similar_parcial: '#f9a825', original: '#9e9e9e' };
  function clusterGraph(c) {
    const members = asArray(c.members);
    const radius = Math.max(50, members.length * 18);
    const size = 2 * radius + 300;
    const root = svg('svg', { width: size, height: 2 * radius + 60, viewBox: '0 0 ' + size + ' ' + (2 * radius + 60), class: 'graph' });
    const angleOf = (i) => 2 * Math.PI * i / members.length - Math.PI / 2;
    const place = new Map(members.map((id, i) => [id, [size / 2 + radius * Math.cos(angleOf(i)), radius + 30 + radius * Math.sin(angleOf(i))]]));
    for (const [a, b] of asArray(c.pairs)) {
      const rank = rankOfPair.get(fileKey(a, b)) || rankOfPair.get(fileKey(b, a));
      const p = rank ? pairs[rank - 1] : null;
      if (!place.has(a) || !place.has(b)) continue;
      const link = svg('a', { href: rank ? pairHref(rank) : '#clusters' });
      const line = svg('line', { x1: place.get(a)[0], y1: place.get(a)[1], x2: place.get(b)[0], y2: place.get(b)[1],
        stroke: VERDICT_COLOURS[p ? verdictOf(p) : 'original'], 'stroke-width': p ? 2 + 8 * scoreOf(p) : 2 });
      const title = svg('title');
      title.textContent = a + ' ↔ ' + b + (p ? ': ' + pct(scoreOf(p)) : '');
      line.append(title);
      link.append(line);
      root.append(link);
    }
    members.forEach((id, i) => {
      const [x, y] = place.get(id);
      const link = svg('a', { href: studentHref(id) });
      link.append(svg('circle', { cx: x, cy: y, r: 9, class: 'node' }));
      // Labels sit outside the circle, away from the edges.
      const cos = Math.cos(angleOf(i)), sin = Math.sin(angleOf(i));
      const label = svg('text', { x: x + 14 * cos, y: y + 14 * sin + 4,
        'text-anchor': Math.abs(cos) < 0.3 ? 'middle' : cos > 0 ? 'start' : 'end', class: 'label' });
      label.textContent = id;
      link.append(label);
      root.append(link);
    });
    return root;
  }
  function viewClusters() {
    const out = [el('h1', { text: T.clusters }), el('p', { cls: 'muted', text: T.graphHelp })];
    if (!clusters.length) out.push(el('p', { text: T.noClusters }));
    for (const c of clusters)
      out.push(el('section', { cls: 'cluster' },
        el('h2', null, T.cluster + ' ' + c.id + ' ', verdictBadge(VERDICTS.includes(c.verdict) ? c.verdict : 'original'),
          el('span', { cls: 'muted', text: ' ' + asArray(c.members).length + ' ' + T.members + (typeof c.score === 'number' ? ' · ' + T.score + ' ' + pct(c.score) : '') })),
        clusterGraph(c)));
    return out;
  }

  // ---- Students -----------------------------------------------------------------------------
  function viewStudents() {
    const count = new Map();
    for (const p of pairs) if (verdictOf(p) !== 'original') for (const id of [p.a, p.b]) count.set(id, (count.get(id) || 0) + 1);
    return [el('h1', { text: T.students }), table([T.student, T.pairs, T.findings, T.skipped],
      submissions.map((s) => [studentLink(s.id), String(count.get(s.id) || 0), String(asArray(s.findings).length), String(asArray(s.skipped).length)]))];
  }
  const findingKind = (kind) => T.kinds[kind] || kind;
  function findingValue(f) {
    if (f.kind === 'unfilled_template') return pct(f.value);
    if (f.kind === 'hidden_text') return T.line + ' ' + f.value;
    return f.value === undefined ? '' : String(f.value);
  }
  // Sections another stage adds (references, watermarks): any array of objects, shown as text.
  function genericTable(entries, only) {
    const rows = asArray(entries).filter((e) => !only || (e && typeof e === 'object' && Object.values(e).includes(only)));
    if (!rows.length) return nothing();
    const keys = [];
    for (const r of rows) if (r && typeof r === 'object') for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
    const text = (v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
    if (!keys.length) return el('ul', null, ...rows.map((r) => el('li', { text: text(r) })));
    return table(keys, rows.map((r) => keys.map((k) => text(r && typeof r === 'object' ? r[k] : r))), 'generic');
  }
  function viewStudent(id) {
    const s = submissionById.get(id);
    if (!s) return [el('p', { text: T.notFound })];
    const own = [];
    pairs.forEach((p, i) => { if (p.a === id || p.b === id) own.push([i, p]); });
    const out = [
      el('h1', { text: s.id }), el('p', { cls: 'muted' }, T.path + ': ', el('code', { text: s.path || '' })),
      el('p', null, ...clusters.filter((c) => asArray(c.members).includes(id)).map((c) =>
        el('a', { href: '#clusters', cls: 'clusterlink', text: T.cluster + ' ' + c.id + ' (' + asArray(c.members).length + ' ' + T.members + ')' }))),
      el('h2', { text: T.pairs }),
      own.length ? table([T.rank, T.other, T.verdict, T.score], own.map(([i, p]) => [
        el('a', { href: pairHref(i + 1), text: String(i + 1) }), studentLink(p.a === id ? p.b : p.a), verdictBadge(verdictOf(p)), pct(scoreOf(p))])) : nothing(),
      el('h2', { text: T.findings }),
      asArray(s.findings).length ? table([T.kind, T.file, T.value], s.findings.map((f) => [findingKind(f.kind), el('code', { text: f.file }), findingValue(f)])) : nothing(),
      el('h2', { text: T.files }),
      table([T.file, T.channel, T.language, T.tokens, T.templateShare, T.invisible], asArray(s.files).map((f) => [
        el('code', { text: f.path }), CHANNEL_WORDS[lang][f.channel] || f.channel, f.language, String(f.tokens), pct(f.template_share), String(f.invisible_chars || 0)])),
      el('h2', { text: T.skipped }),
      asArray(s.skipped).length ? table([T.file, T.reason], s.skipped.map((k) => [el('code', { text: k.path }), k.reason])) : nothing(),
    ];
    for (const section of ['references', 'watermarks'])
      if (Array.isArray(report[section])) out.push(el('h2', { text: T[section] }), genericTable(report[section], id));
    return out;
  }
  function viewFindings() {
    const rows = [];
    for (const s of submissions)
      for (const f of asArray(s.findings)) rows.push([studentLink(s.id), findingKind(f.kind), el('code', { text: f.file }), findingValue(f)]);
    const out = [el('h1', { text: T.findings }), rows.length ? table([T.student, T.kind, T.file, T.value], rows) : nothing()];
    for (const section of ['references', 'watermarks'])
      if (report[section] !== undefined) out.push(el('h2', { text: T[section] }), genericTable(report[section]));
    const errors = asArray(report.errors);
    if (errors.length) out.push(el('h2', { text: T.errors }), el('ul', null, ...errors.map((e) => el('li', { text: String(e) }))));
    return out;
  }

  // ---- Routing and keys ---------------------------------------------------------------------
  function route() {
    const hash = location.hash.slice(1);
    const slash = hash.indexOf('/');
    const view = slash < 0 ? hash : hash.slice(0, slash);
    let argument = slash < 0 ? '' : hash.slice(slash + 1);
    try { argument = decodeURIComponent(argument); } catch (e) { argument = ''; }
    return { view: VIEWS.includes(view) || view === 'pair' || view === 'student' ? view : 'summary', argument };
  }
  function render() {
    const { view, argument } = route();
    let content;
    if (view === 'pair') {
      if (!state.order.length) state.order = filteredOrder();
      content = viewPair(Number(argument));
    } else if (view === 'student') content = viewStudent(argument);
    else content = { summary: viewSummary, pairs: viewPairs, heatmap: viewHeatmap, clusters: viewClusters, students: viewStudents, findings: viewFindings }[view]();
    main.replaceChildren(...content);
    const active = view === 'pair' ? 'pairs' : view === 'student' ? 'students' : view;
    for (const a of nav.querySelectorAll('a')) a.classList.toggle('active', a.dataset.view === active);
    document.documentElement.dataset.view = view;
    document.documentElement.dataset.route = location.hash;
  }
  window.addEventListener('hashchange', () => { render(); window.scrollTo(0, 0); });
  document.addEventListener('keydown', (e) => {
    if (e.target.closest('input, select, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
    const { view } = route();
    const forward = e.key === 'j' || e.key === 'ArrowRight';
    const backward = e.key === 'k' || e.key === 'ArrowLeft';
    if (view === 'pair') {
      const link = forward || backward ? main.querySelector(forward ? 'a[data-rel="next"]' : 'a[data-rel="prev"]') : null;
      if (link) location.hash = link.getAttribute('href');
      else if (e.key === 'Escape') location.hash = '#pairs';
    } else if (view === 'pairs' && (forward || backward || e.key === 'Enter')) {
      if (e.key === 'Enter') {
        const i = state.order[state.selected];
        if (i !== undefined) location.hash = pairHref(i + 1);
        return;
      }
      state.selected = Math.max(0, Math.min(Math.min(state.order.length, state.limit) - 1, state.selected + (forward ? 1 : -1)));
      const rows = main.querySelectorAll('#pairs-table tbody tr');
      rows.forEach((r, i) => r.classList.toggle('selected', i === state.selected));
      if (rows[state.selected]) rows[state.selected].scrollIntoView({ block: 'nearest' });
      e.preventDefault();
    }
  });
  render();
  document.documentElement.dataset.ready = '1';
  performance.mark('huella-ready');
})();
