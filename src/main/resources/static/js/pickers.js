// Searchable pickers: every <select data-searchable> becomes a Tom Select box: type a few characters of a
// city, a project or an organisation and choose among the matches. Applied on page load and to content
// htmx swaps in (the unit picker's second select). The original <select> stays in the form and carries the
// value, so forms, filters and hx-trigger="change" work as before; without JavaScript it is a plain select.
(function () {
  'use strict';

  function enhance(root) {
    const selects = root.matches && root.matches('select[data-searchable]')
      ? [root] : root.querySelectorAll('select[data-searchable]');
    selects.forEach((select) => {
      if (select.tomselect) {
        return;
      }
      const lang = document.documentElement.lang || 'zh-CN';
      const noResults = lang.startsWith('zh') ? '没有匹配项' : 'No match';
      // eslint-disable-next-line no-undef
      new TomSelect(select, {
        maxOptions: null,
        allowEmptyOption: true,
        hidePlaceholder: false,
        plugins: select.multiple ? ['remove_button'] : [],
        render: {
          no_results: () => '<div class="no-results">' + noResults + '</div>',
        },
      });
    });
  }

  document.addEventListener('DOMContentLoaded', () => enhance(document));
  document.addEventListener('htmx:load', (event) => enhance(event.target));
})();
