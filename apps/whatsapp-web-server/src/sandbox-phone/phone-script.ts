/**
 * The browser script of `/sandbox/phone` (plain JS, no build step). It renders every value with
 * `textContent`, never as HTML, since names and messages may come from anyone. It avoids template
 * literals so it can live in this TypeScript string.
 */
export const phoneScript = String.raw`"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { key: sessionStorage.getItem("sandbox-phone-key") || "", session: null, chat: null, qr: {}, media: {} };

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children || []) node.append(child);
    return node;
  }

  function showError(error) {
    $("error").textContent = error ? String(error.message || error) : "";
  }

  async function api(method, path, body) {
    const headers = { "X-Api-Key": state.key };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const type = response.headers.get("content-type") || "";
    const data = type.startsWith("application/json") ? await response.json() : await response.blob();
    if (!response.ok) throw new Error((data && data.message) || response.statusText);
    return data;
  }

  const enc = encodeURIComponent;

  async function scan(session, input) {
    try {
      await api("POST", "/api/sandbox/" + enc(session) + "/scan", input);
      showError(null);
      await refresh();
    } catch (error) {
      showError(error);
    }
  }

  async function renderPending(sessions) {
    const pending = sessions.filter((s) => s.status === "SCAN_QR_CODE");
    const cards = [];
    for (const session of pending) {
      const raw = await api("GET", "/api/" + enc(session.name) + "/auth/qr?format=raw");
      let cached = state.qr[session.name];
      if (!cached || cached.value !== raw.value) {
        const png = await api("GET", "/api/" + enc(session.name) + "/auth/qr?format=image");
        if (cached) URL.revokeObjectURL(cached.url);
        cached = { value: raw.value, url: URL.createObjectURL(png) };
        state.qr[session.name] = cached;
      }
      const value = cached.value;
      const image = el("img", { src: cached.url, alt: "QR code of " + session.name, title: "Click to scan" });
      image.addEventListener("click", () => scan(session.name, { value }));
      const pasted = el("input", { type: "text", placeholder: "QR value or ABCD-EFGH code" });
      const form = el("form", { className: "row" }, [pasted, el("button", { textContent: "Scan" })]);
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const text = pasted.value.trim();
        scan(session.name, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(text) ? { code: text } : { value: text });
      });
      cards.push(el("div", { className: "pending" }, [el("strong", { textContent: session.name }), image, form]));
    }
    $("pending").replaceChildren(...(cards.length ? cards : [el("span", { className: "meta", textContent: "None." })]));
  }

  function renderLinked(sessions) {
    const working = sessions.filter((s) => s.status === "WORKING");
    // Back on the phone that was open before a reload, or on the only one there is.
    if (!state.session) {
      const remembered = sessionStorage.getItem("sandbox-phone-session");
      const reopen = working.find((s) => s.name === remembered) || (working.length === 1 ? working[0] : null);
      if (reopen) openPhone(reopen).catch(showError);
    }
    const buttons = working.map((session) => {
      const label = session.name + " (" + (session.me ? session.me.id.split("@")[0] : "?") + ")";
      const button = el("button", { textContent: label });
      button.addEventListener("click", () => openPhone(session));
      return button;
    });
    $("linked").replaceChildren(...(buttons.length ? buttons : [el("span", { className: "meta", textContent: "None." })]));
  }

  function chatItem(id, name, picture, preview) {
    const item = el("li", { className: "chat" + (state.chat && state.chat.id === id ? " open" : "") }, [
      picture ? el("img", { src: picture, alt: "" }) : el("span", { className: "no-avatar" }),
      el("div", {}, [el("div", { textContent: name || id }), el("div", { className: "preview", textContent: preview || "" })]),
    ]);
    item.addEventListener("click", () => openChat({ id, name: name || id }));
    return item;
  }

  async function openPhone(session) {
    state.session = session.name;
    sessionStorage.setItem("sandbox-phone-session", session.name);
    state.chat = null;
    $("phone-section").hidden = false;
    $("phone-title").textContent = "Phone of " + session.name;
    const contacts = await api("GET", "/api/contacts/all?session=" + enc(session.name) + "&sortBy=name");
    const items = [];
    for (const contact of contacts) {
      const picture = await api("GET", "/api/contacts/profile-picture?session=" + enc(session.name) + "&contactId=" + enc(contact.id));
      items.push(chatItem(contact.id, contact.name, picture.profilePictureURL, contact.number));
    }
    $("contacts").replaceChildren(...items);
    await refreshPhone();
  }

  function openChat(chat) {
    state.chat = chat;
    $("chat-title").textContent = chat.name;
    const isGroup = chat.id.endsWith("@g.us");
    $("answer").hidden = isGroup;
    $("group-note").hidden = !isGroup;
    refreshPhone().catch(showError);
  }

  // Media is behind the API key, so it is fetched with it and shown from a blob: URL (cached per file).
  function mediaOf(m) {
    if (!m.hasMedia || !m.media) return [];
    const path = new URL(m.media.url, location.href).pathname;
    if (!m.media.mimetype.startsWith("image/")) return [el("div", { className: "meta", textContent: "📎 " + (m.media.filename || m.media.mimetype) })];
    const image = el("img", { className: "media", alt: m.media.filename || "image" });
    if (state.media[path]) image.src = state.media[path];
    else api("GET", path).then((blob) => { state.media[path] = URL.createObjectURL(blob); image.src = state.media[path]; }, showError);
    return [image];
  }

  async function refreshPhone() {
    if (!state.session) return;
    const s = enc(state.session);
    const chats = await api("GET", "/api/" + s + "/chats/overview?limit=50");
    $("chats").replaceChildren(...chats.map((c) => chatItem(c.id, c.name, c.picture, c.lastMessage ? c.lastMessage.body : "")));
    if (!state.chat) return;
    const messages = await api("GET", "/api/" + s + "/chats/" + enc(state.chat.id) + "/messages?sortOrder=asc&limit=100");
    const box = $("messages");
    const atBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 4;
    box.replaceChildren(...messages.map((m) => {
      const who = m.fromMe ? "linked device" : (m.participant || m.from).split("@")[0];
      const when = new Date(m.timestamp * 1000).toLocaleTimeString();
      return el("div", { className: "bubble" + (m.fromMe ? " me" : "") }, [
        ...mediaOf(m),
        el("div", { textContent: m.body || (m.hasMedia ? "" : "(no text)") }),
        el("div", { className: "meta", textContent: who + " · " + when + (m.fromMe ? " · " + m.ackName : "") }),
      ]);
    }));
    if (atBottom) box.scrollTop = box.scrollHeight;
  }

  async function refresh() {
    if (!state.key) return;
    const sessions = (await api("GET", "/api/sessions")).filter((s) => s.engine && s.engine.engine === "SANDBOX");
    await renderPending(sessions);
    renderLinked(sessions);
    await refreshPhone();
  }

  $("key").value = state.key;
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    state.key = $("key").value.trim();
    sessionStorage.setItem("sandbox-phone-key", state.key);
    refresh().then(() => showError(null), showError);
  });
  $("answer").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("answer-text").value;
    try {
      await api("POST", "/api/sandbox/" + enc(state.session) + "/inbound", { from: state.chat.id, text });
      $("answer-text").value = "";
      await refreshPhone();
    } catch (error) {
      showError(error);
    }
  });
  $("answer-photo").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    try {
      const data = await new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result).split(",")[1] || "");
        reader.onerror = () => reject(reader.error);
        reader.readAsDataURL(file);
      });
      const media = { mimetype: file.type || "application/octet-stream", filename: file.name, data };
      await api("POST", "/api/sandbox/" + enc(state.session) + "/inbound/media", { from: state.chat.id, file: media, caption: $("answer-text").value });
      $("answer-text").value = "";
      await refreshPhone();
    } catch (error) {
      showError(error);
    }
  });
  // As a phone would: what the linked device does shows up within a couple of seconds.
  setInterval(() => refresh().catch(showError), 2000);
  refresh().catch(showError);
})();
`;
