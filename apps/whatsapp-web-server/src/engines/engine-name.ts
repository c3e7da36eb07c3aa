/**
 * The engines a session can run on. SANDBOX simulates WhatsApp in-process (demos, tests, CI);
 * WEBJS drives WhatsApp Web through whatsapp-web.js and a real browser.
 */
export const engineNames = ["SANDBOX", "WEBJS"] as const;

export type EngineName = (typeof engineNames)[number];
