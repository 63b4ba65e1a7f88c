/**
 * The `google` object injected into the sidebar and dialogs the add-on shows, so that the real
 * dist/Sidebar.html runs unchanged: `google.script.run` posts to the playground (through the parent
 * page's bridge) and the add-on function runs on the emulator; `google.script.host.close()` closes the
 * panel. Plain ES2017 source, injected as the first script of the page.
 *
 * google.script.run, as documented (https://developers.google.com/apps-script/guides/html/reference/run):
 * - withSuccessHandler / withFailureHandler / withUserObject each return a runner for chaining; the user
 *   object is the second argument of both handlers;
 * - any other name runs the server function of that name, asynchronously, returning nothing;
 * - legal parameters are primitives, objects and arrays of them: a Date, function, DOM element or a
 *   circular object makes the request fail; undefined inside arrays becomes null.
 * google.script.host: https://developers.google.com/apps-script/guides/html/reference/host
 */
export const SHIM_SOURCE = `(function () {
  'use strict';
  var bridge = null;
  try { bridge = window.parent !== window ? window.parent.__clientflowBridge || null : null; } catch (e) { bridge = null; }
  function illegal(v, seen) {
    if (typeof v === 'function') return 'Function';
    if (typeof v === 'symbol' || typeof v === 'bigint') return typeof v;
    if (v === null || typeof v !== 'object') return null;
    if (v instanceof Date) return 'Date';
    if (typeof Node !== 'undefined' && v instanceof Node) return 'DOM element';
    if (seen.indexOf(v) >= 0) return 'circular object';
    seen.push(v);
    var keys = Object.keys(v);
    for (var i = 0; i < keys.length; i++) {
      var r = illegal(v[keys[i]], seen);
      if (r) return r;
    }
    seen.pop();
    return null;
  }
  function runner(cfg) {
    return new Proxy({}, {
      get: function (_t, name) {
        if (typeof name !== 'string' || name === 'then' || name === 'toJSON') return undefined;
        if (name === 'withSuccessHandler') return function (f) { return runner(Object.assign({}, cfg, { ok: f })); };
        if (name === 'withFailureHandler') return function (f) { return runner(Object.assign({}, cfg, { fail: f })); };
        if (name === 'withUserObject') return function (o) { return runner(Object.assign({}, cfg, { user: o })); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          function fail(message) {
            var err = new Error(message);
            setTimeout(function () { if (cfg.fail) cfg.fail(err, cfg.user); else console.error(err); }, 0);
          }
          var bad = illegal(args, []);
          if (bad) { fail('google.script.run: illegal parameter (' + bad + ') for ' + name); return; }
          if (!bridge) { fail('google.script.run: the playground bridge is not reachable'); return; }
          bridge.run(name, JSON.parse(JSON.stringify(args))).then(function (r) {
            if (r.ok) { if (cfg.ok) cfg.ok(r.value, cfg.user); }
            else fail(r.message);
          }, function (e) { fail(String((e && e.message) || e)); });
        };
      }
    });
  }
  window.google = {
    script: {
      run: runner({}),
      host: {
        origin: window.location.origin,
        close: function () { if (bridge) bridge.close(window); },
        setHeight: function () {},
        setWidth: function () {},
        editor: { focus: function () { if (bridge) bridge.focusEditor(); } }
      }
    }
  };
})();`;

/** Puts the shim before any of the page's own scripts. */
export function injectShim(html: string): string {
  const tag = `<script>${SHIM_SOURCE}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}
