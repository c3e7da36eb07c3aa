/**
 * The `/sandbox/phone` page: static HTML with no data and no key in it. Everything it shows comes
 * from the `/api/*` routes, called by `phone-script.ts` with the key the person types in.
 */
export const phonePageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>NexisChat sandbox phone</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 0; background: #eae6df; color: #111b21; }
  header { background: #008069; color: #fff; padding: 10px 16px; }
  main { max-width: 960px; margin: 0 auto; padding: 12px; }
  section { background: #fff; border-radius: 8px; padding: 12px; margin-bottom: 12px; }
  h2 { font-size: 16px; margin: 0 0 8px; }
  .row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  .pending { border: 1px solid #ddd; border-radius: 8px; padding: 8px; }
  .pending img { width: 180px; height: 180px; cursor: pointer; display: block; }
  .phone { display: grid; grid-template-columns: 280px 1fr; gap: 12px; }
  ul { list-style: none; margin: 0; padding: 0; }
  li.chat { display: flex; gap: 8px; align-items: center; padding: 6px; cursor: pointer; border-radius: 6px; }
  li.chat:hover, li.chat.open { background: #f0f2f5; }
  li.chat img { width: 36px; height: 36px; border-radius: 50%; }
  li.chat .no-avatar { width: 36px; height: 36px; border-radius: 50%; background: #ccd0d5; flex: none; }
  .preview { color: #667781; font-size: 13px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; max-width: 200px; }
  .messages { height: 360px; overflow-y: auto; background: #efeae2; padding: 8px; border-radius: 6px; }
  .bubble { max-width: 70%; margin: 4px 0; padding: 6px 8px; border-radius: 6px; background: #fff; }
  .bubble.me { margin-left: auto; background: #d9fdd3; }
  .bubble img.media { display: block; max-width: 240px; max-height: 240px; border-radius: 4px; }
  .meta { font-size: 11px; color: #667781; }
  .error { color: #b00020; }
  input[type=text], input[type=password] { padding: 6px; min-width: 220px; }
</style>
</head>
<body>
<header><strong>Sandbox phone</strong> · simulated WhatsApp for NexisChat demos</header>
<main>
  <section>
    <h2>API key</h2>
    <form id="key-form" class="row">
      <input id="key" type="password" autocomplete="off" placeholder="X-Api-Key (WHATSAPP_API_KEY)">
      <button>Use key</button>
      <span class="meta">Kept in this tab only (sessionStorage), sent as the X-Api-Key header.</span>
    </form>
    <p id="error" class="error" role="alert"></p>
  </section>
  <section>
    <h2>Sessions waiting for a scan</h2>
    <p class="meta">Click a QR code to scan it with this phone, or paste a QR value or pairing code.</p>
    <div id="pending" class="row"></div>
  </section>
  <section>
    <h2>Linked phones</h2>
    <div id="linked" class="row"></div>
  </section>
  <section id="phone-section" hidden>
    <h2 id="phone-title"></h2>
    <div class="phone">
      <div>
        <ul id="chats"></ul>
        <h2>Contacts</h2>
        <ul id="contacts"></ul>
      </div>
      <div>
        <h2 id="chat-title">Pick a chat</h2>
        <div id="messages" class="messages"></div>
        <form id="answer" class="row" hidden>
          <input id="answer-text" type="text" maxlength="4096" placeholder="Answer as this contact" required>
          <button>Send as contact</button>
          <label class="meta">or a photo or file: <input id="answer-photo" type="file"></label>
        </form>
        <p id="group-note" class="meta" hidden>Group chats are read-only here: answers come from one person.</p>
      </div>
    </div>
  </section>
</main>
<script src="/sandbox/phone.js"></script>
</body>
</html>
`;
