// Sign-out on the pages other than the review queue (sources, statistics): the POST carries the session's CSRF token.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('logout');
  if (!form) return;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const session = await fetch('/api/session', { credentials: 'same-origin' });
    if (session.ok) {
      const { csrf } = await session.json();
      await fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf } });
    }
    location.assign('/login');
  });
});
