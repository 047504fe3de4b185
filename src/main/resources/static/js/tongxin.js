// Tongxin's only script besides htmx and ECharts: no inline script anywhere (CSP script-src 'self').
document.addEventListener('DOMContentLoaded', () => {
  const toggle = document.querySelector('.nav-toggle');
  const sidebar = document.getElementById('sidebar');
  if (toggle && sidebar) {
    toggle.addEventListener('click', () => {
      const open = sidebar.classList.toggle('open');
      toggle.setAttribute('aria-expanded', String(open));
    });
  }
  // Destructive actions ask first: <form data-confirm="…"> or <button data-confirm="…">.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    const button = event.submitter;
    const message = (button && button.dataset.confirm) || form.dataset.confirm;
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
  // Bar widths come from data-width, since inline styles are not allowed by the CSP.
  document.querySelectorAll('[data-width]').forEach((el) => { el.style.width = el.dataset.width + '%'; });
});
