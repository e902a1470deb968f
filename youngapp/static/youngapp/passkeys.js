// Passkeys in the young person's app (WebAuthn). A form marked data-passkey="register" or "sign-in" asks the
// server for a challenge (data-options-url), lets the phone make or use a passkey, puts the phone's answer in
// the hidden "credential" field and submits the form as normal: the server checks it and shows any problem
// with a GOV.UK error summary. Nothing here is shown until the browser says it can use passkeys.

function fromB64url(value) {
  const b64 = value.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((value.length + 3) % 4);
  const text = atob(b64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes.buffer;
}

function toB64url(buffer) {
  const bytes = new Uint8Array(buffer);
  let text = "";
  for (let i = 0; i < bytes.length; i += 1) text += String.fromCharCode(bytes[i]);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function descriptors(list) {
  return (list || []).map((c) => ({ ...c, id: fromB64url(c.id) }));
}

function creationOptions(json) {
  const pk = json.publicKey;
  return {
    publicKey: {
      ...pk,
      challenge: fromB64url(pk.challenge),
      user: { ...pk.user, id: fromB64url(pk.user.id) },
      excludeCredentials: descriptors(pk.excludeCredentials),
    },
  };
}

function requestOptions(json) {
  const pk = json.publicKey;
  const options = { ...pk, challenge: fromB64url(pk.challenge) };
  if (pk.allowCredentials) options.allowCredentials = descriptors(pk.allowCredentials);
  return { publicKey: options };
}

function credentialJSON(credential) {
  const r = credential.response;
  const response = { clientDataJSON: toB64url(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = toB64url(r.attestationObject);
    if (r.getTransports) response.transports = r.getTransports();
  } else {
    response.authenticatorData = toB64url(r.authenticatorData);
    response.signature = toB64url(r.signature);
    if (r.userHandle) response.userHandle = toB64url(r.userHandle);
  }
  return {
    id: credential.id,
    rawId: toB64url(credential.rawId),
    type: credential.type,
    response,
    authenticatorAttachment: credential.authenticatorAttachment || undefined,
    clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
  };
}

function say(form, text) {
  const box = form.querySelector("[data-passkey-error]");
  if (!box) return;
  box.textContent = text;
  box.hidden = !text;
}

async function run(form, event) {
  event.preventDefault();
  say(form, "");
  const button = form.querySelector("button[type=submit]");
  if (button) button.disabled = true;
  try {
    const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    const reply = await fetch(form.dataset.optionsUrl, {
      method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": token },
    });
    const data = await reply.json().catch(() => ({}));
    if (reply.status === 401 && data.url) { // a new code is needed first
      window.location.href = data.url + "?next=" + encodeURIComponent(window.location.pathname);
      return;
    }
    if (!reply.ok) throw new Error("options");
    const credential = form.dataset.passkey === "register"
      ? await navigator.credentials.create(creationOptions(data))
      : await navigator.credentials.get(requestOptions(data));
    if (!credential) throw new Error("none");
    form.querySelector("input[name=credential]").value = JSON.stringify(credentialJSON(credential));
    form.submit();
  } catch (e) {
    say(form, form.dataset.passkey === "register"
      ? "Your passkey was not added. Try again, and unlock your phone when it asks."
      : "That passkey did not work. Try again, or sign in with a code.");
    if (button) button.disabled = false;
  }
}

if (window.PublicKeyCredential && navigator.credentials) {
  document.querySelectorAll("[data-passkey-support], form[data-passkey]").forEach((el) => { el.hidden = false; });
  document.querySelectorAll("[data-passkey-unsupported]").forEach((el) => { el.hidden = true; });
  document.querySelectorAll("form[data-passkey]").forEach((form) => {
    form.addEventListener("submit", (event) => run(form, event));
  });
}
