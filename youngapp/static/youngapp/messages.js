// Messages written offline are kept in the browser (localStorage) and sent when the phone is back online.
// Online, the form posts as normal (the server keeps what was typed if it is refused).
const form = document.querySelector("[data-message-form]");
const KEY = "leaving-care-app-queued-messages";

function queued() {
  try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
}
function save(list) { localStorage.setItem(KEY, JSON.stringify(list)); }

function showQueued() {
  const note = document.querySelector("[data-queued]");
  const list = queued();
  if (!note) return;
  note.hidden = list.length === 0;
  note.textContent = list.length === 1
    ? "1 message is saved on your phone. It will send when you are back online."
    : list.length + " messages are saved on your phone. They will send when you are back online.";
}

async function sendQueued() {
  if (!form || !navigator.onLine) return;
  const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  let list = queued();
  let sent = 0;
  for (const item of [...list]) {
    try {
      const reply = await fetch(form.dataset.sendUrl, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": token },
        body: JSON.stringify(item),
      });
      if (reply.status === 401) { // a new code is needed first: keep the message and say so
        const data = await reply.json().catch(() => ({}));
        if (data.url) window.location.href = data.url + "?next=" + encodeURIComponent(window.location.pathname);
        return;
      }
      if (reply.ok || reply.status === 400) {
        list = list.filter((x) => x.key !== item.key);
        save(list);
        if (reply.ok) sent += 1;
      }
    } catch (e) {
      break; // still offline
    }
  }
  showQueued();
  if (sent) window.location.reload();
}

if (form) {
  const limit = parseInt(form.dataset.limit, 10);
  form.addEventListener("submit", (event) => {
    if (navigator.onLine) return;
    const box = form.querySelector("textarea[name=body]");
    const body = box.value.trim();
    if (!body || body.length > limit) return; // let the server explain
    event.preventDefault();
    const key = (self.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + Math.random();
    save([...queued(), { body, key }]);
    box.value = "";
    showQueued();
  });
  window.addEventListener("online", sendQueued);
  showQueued();
  sendQueued();
}
