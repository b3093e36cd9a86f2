/* The web UI's own script (the content security policy allows no inline script). htmx does the rest. */
(function () {
  'use strict';

  function csrfHeaders() {
    try {
      return JSON.parse(document.body.getAttribute('hx-headers') || '{}');
    } catch (e) {
      return {};
    }
  }

  /* Copy buttons: <button data-copy="#input-id"> */
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) {
      return;
    }
    var input = document.querySelector(button.getAttribute('data-copy'));
    if (!input) {
      return;
    }
    var done = function () {
      var label = button.textContent;
      button.textContent = 'Copied';
      setTimeout(function () { button.textContent = label; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { input.select(); });
    } else {
      input.select();
      try { document.execCommand('copy'); done(); } catch (e) { /* selected: the user copies by hand */ }
    }
  });

  /* Threads stay scrolled to the newest message, unless the reader scrolled up to read older ones. */
  var nearEnd = new WeakMap();
  function atEnd(el) { return el.scrollHeight - el.scrollTop - el.clientHeight < 80; }
  function scrollToEnd(el) { el.scrollTop = el.scrollHeight; }
  document.querySelectorAll('[data-autoscroll]').forEach(scrollToEnd);
  document.body.addEventListener('htmx:beforeSwap', function (event) {
    var target = event.detail.target;
    if (target && target.hasAttribute('data-autoscroll')) {
      nearEnd.set(target, atEnd(target));
    }
  });
  document.body.addEventListener('htmx:afterSwap', function (event) {
    var target = event.detail.target;
    if (target && target.hasAttribute('data-autoscroll') && nearEnd.get(target) !== false) {
      scrollToEnd(target);
    }
    if (target && target.id === 'reply') {
      var text = document.getElementById('reply-text');
      if (text) { text.focus(); }
    }
  });

  /* The inbox's live connection (server-sent events), shown to the reader: Live, or Reconnecting. */
  function live(state, text) {
    document.querySelectorAll('[data-live-indicator]').forEach(function (el) {
      el.setAttribute('data-state', state);
      el.textContent = text;
    });
  }
  document.body.addEventListener('htmx:sseOpen', function () {
    var reconnect = document.querySelector('[data-live-indicator][data-state="retrying"]') !== null;
    live('open', 'Live');
    // whatever changed while the stream was (re)connecting was not announced: look once
    htmx.trigger(document.body, 'live-opened', { reconnect: reconnect });
  });
  document.body.addEventListener('htmx:sseError', function () { live('retrying', 'Reconnecting…'); });

  /* Forms that start empty again after htmx sent them. */
  document.body.addEventListener('htmx:afterRequest', function (event) {
    var form = event.detail.elt;
    if (event.detail.successful && form && form.hasAttribute && form.hasAttribute('data-reset-on-success')) {
      form.reset();
      var first = form.querySelector('input:not([type=hidden]), textarea');
      if (first) { first.focus(); }
    }
  });

  /* Ctrl+Enter (or Cmd+Enter) sends a reply. */
  document.addEventListener('keydown', function (event) {
    var field = event.target;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && field.hasAttribute('data-submit-on-ctrl-enter')) {
      event.preventDefault();
      field.form.requestSubmit();
    }
  });

  /* Forms saved as JSON through the API (<form data-api-put="/api/v1/...">), errors shown beside their fields. */
  function jsonOf(form) {
    var body = {};
    var llm = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || (el.type === 'radio' && !el.checked) || el.closest('fieldset[disabled]')) {
        return;
      }
      var value = el.value.trim();
      if (el.name.indexOf('llm.') === 0) {
        if (value !== '') {
          llm[el.name.substring(4)] = el.type === 'number' ? Number(value) : value;
        }
      } else {
        body[el.name] = value === '' ? null : value;
      }
    });
    if (Object.keys(llm).length > 0) {
      body.llm = llm;
    }
    return body;
  }

  function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(function (el) { el.hidden = true; el.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
  }

  function showErrors(form, problem) {
    var errors = problem && problem.errors && problem.errors.length ? problem.errors
      : [{ field: '', message: (problem && problem.detail) || 'Not saved: the server answered with an error.' }];
    errors.forEach(function (error) {
      var slot = form.querySelector('[data-error-for="' + error.field + '"]') || form.querySelector('[data-error-for=""]');
      var text = slot.getAttribute('data-error-for') === error.field ? error.message
        : (error.field ? error.field + ': ' : '') + error.message;
      slot.textContent = slot.hidden || slot.textContent === '' ? text : slot.textContent + '; ' + text;
      slot.hidden = false;
      var input = form.querySelector('[name="' + error.field + '"]');
      if (input) { input.setAttribute('aria-invalid', 'true'); }
    });
  }

  /* The model settings matter only to the llm kind: shown (and sent) only when it is chosen. */
  function showModelSettings(form) {
    var fieldset = form.querySelector('fieldset[data-llm]');
    var chosen = form.querySelector('input[name=kind]:checked');
    if (fieldset) {
      var llm = !!chosen && chosen.value === 'llm';
      fieldset.hidden = !llm;
      fieldset.disabled = !llm;
    }
  }

  document.querySelectorAll('form[data-api-put]').forEach(function (form) {
    var status = form.querySelector('[data-saved]');
    showModelSettings(form);
    form.addEventListener('change', function (event) {
      if (event.target.name === 'kind') { showModelSettings(form); }
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors(form);
      status.textContent = 'Saving…';
      status.classList.remove('failed');
      var headers = csrfHeaders();
      headers['Content-Type'] = 'application/json';
      headers.Accept = 'application/json';
      fetch(form.getAttribute('data-api-put'), {
        method: 'PUT', headers: headers, credentials: 'same-origin', body: JSON.stringify(jsonOf(form))
      }).then(function (response) {
        if (response.ok) {
          status.textContent = 'Saved.';
          form.querySelectorAll('input[type=password]').forEach(function (el) { el.value = ''; });
          return null;
        }
        status.textContent = 'Not saved: see the messages above.';
        status.classList.add('failed');
        return response.json().then(function (problem) { showErrors(form, problem); },
          function () { showErrors(form, null); });
      }, function () {
        status.textContent = 'Not saved: the server could not be reached.';
        status.classList.add('failed');
      });
    });
  });

  /* Connecting an OAuth provider (Google Calendar): the API answers the consent URL, the browser goes there. */
  document.querySelectorAll('form[data-oauth-start]').forEach(function (form) {
    var status = form.querySelector('[data-saved]');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors(form);
      status.textContent = 'Opening the provider…';
      status.classList.remove('failed');
      var headers = csrfHeaders();
      headers['Content-Type'] = 'application/json';
      headers.Accept = 'application/json';
      var name = form.querySelector('[name=name]').value.trim();
      fetch(form.getAttribute('data-oauth-start'), {
        method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify({ name: name })
      }).then(function (response) {
        return response.json().then(function (body) {
          if (response.ok && body.authorizationUrl) {
            window.location.assign(body.authorizationUrl);
            return;
          }
          status.textContent = '';
          showErrors(form, body);
        });
      }).catch(function () {
        status.textContent = 'The server could not be reached.';
        status.classList.add('failed');
      });
    });
  });
})();
